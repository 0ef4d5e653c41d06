/**
 * 台账导出: the five 台账 of a branch and year as .xlsx (党员花名册, 三会一课记录与考勤, 党费交纳登记表,
 * 积分汇总表, 民主评议登记表) — one at a time or all five in a row, with the progress of each (生成中,
 * 下载中 n%) and of the batch (第2/5个). The server's message on failure.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Progress } from '@nutui/nutui-react-taro'
import { LEDGER_KINDS, LEDGER_KIND_LABELS, workbench, type LedgerKind } from '@shared/contract/workbench'
import { LEDGER_PHASE_LABELS } from '@/features/workbench/use-ledger-export'
import { WorkbenchGate } from '../Gate'
import { YearSwitch, beijingYear } from '@/components/YearSwitch'
import { useExportLedger } from '@/features/workbench/use-export-ledger'
import '../shared.scss'
import './index.scss'

const HINTS: Record<LedgerKind, string> = {
  roster: '姓名、性别、党小组、入党和转正时间、党内职务、联系电话',
  meetings: '全年已提交记录的会议与每名党员的出勤汇总',
  dues: '每名党员每月交纳情况、应交与已交合计、党费交至',
  points: '每名党员各季度积分、加减分、年度积分和等次',
  evaluation: '个人自评、民主测评票数、组织评定等次',
}

function Exports({ branchId, initialYear }: { branchId: string | undefined; initialYear: number | undefined }): React.ReactElement {
  const thisYear = beijingYear()
  const [year, setYear] = useState(initialYear ?? thisYear)
  const { state, run } = useExportLedger(branchId, year)
  const busy = state.phase === 'generating' || state.phase === 'downloading'
  return (
    <View className='page wb-exports' data-testid='wb-exports'>
      <YearSwitch testId='wb-year' year={year} max={thisYear} onChange={setYear} />
      <View className='card'>
        <View className='card__title'>
          {year}年台账
          <Text className='card__title-extra'>Excel 表格，中文表头</Text>
        </View>
        {LEDGER_KINDS.map((kind) => {
          const running = busy && state.kind === kind
          const done = state.done.includes(kind)
          return (
            <View key={kind} className='wb-row wb-export' data-testid={`wb-export-${kind}`}>
              <View className='wb-row__main'>
                <Text className='wb-row__title'>{LEDGER_KIND_LABELS[kind]}</Text>
                <Text className='wb-row__detail'>{HINTS[kind]}</Text>
                {running ? (
                  <View className='wb-export__progress' data-testid='wb-export-progress'>
                    <Progress percent={state.percent} color='#c8161d' showText={false} />
                    <Text className='wb-note'>
                      {LEDGER_PHASE_LABELS[state.phase]} {state.percent}%
                    </Text>
                  </View>
                ) : null}
              </View>
              <Button size='small' type={done ? 'default' : 'primary'} fill={done ? 'outline' : 'solid'} disabled={busy} data-testid={`wb-export-btn-${kind}`} onClick={() => void run([kind])}>
                {done ? '再次导出' : '导出'}
              </Button>
            </View>
          )
        })}
      </View>
      <View className='card'>
        <Button type='primary' size='large' block disabled={busy} data-testid='wb-export-all' onClick={() => void run(LEDGER_KINDS)}>
          全部导出（5个表格）
        </Button>
        {state.steps > 1 && state.phase !== 'idle' ? (
          <Text className='wb-line' data-testid='wb-export-batch'>
            {state.phase === 'done' ? `已导出全部${state.steps}个表格` : state.phase === 'error' ? `已导出${state.done.length}/${state.steps}个` : `正在导出第${state.step}/${state.steps}个：${LEDGER_KIND_LABELS[state.kind as LedgerKind]}`}
          </Text>
        ) : null}
        {state.phase === 'done' && state.steps === 1 ? <Text className='wb-line' data-testid='wb-export-done'>已导出：{LEDGER_KIND_LABELS[state.kind as LedgerKind]}</Text> : null}
        {state.phase === 'error' ? <Text className='wb-error' data-testid='wb-export-error'>{state.error}</Text> : null}
        <Text className='wb-note'>在微信中导出后可在文件预览中转发或保存；电脑浏览器中会直接下载。表格内容与工作台显示的数据一致。</Text>
      </View>
    </View>
  )
}

export default function ExportsPage(): React.ReactElement {
  const { params } = useRouter()
  const year = params.year && /^\d{4}$/.test(params.year) ? Number(params.year) : undefined
  return <WorkbenchGate action={workbench.actions.exportLedger}>{() => <Exports branchId={params.branchId || undefined} initialYear={year} />}</WorkbenchGate>
}
