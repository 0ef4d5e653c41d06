/**
 * 达标自评汇总表: the whole table on one printable page — each item's points, deductions (system and by
 * hand), score and the reason — with the total and signature lines for the 书记 and the 上级 reviewer.
 * On h5 the print button opens the browser's print dialog (the page's print styles drop the app chrome).
 */
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { workbench } from '@shared/contract/workbench'
import { PageError, PageLoading } from '@/components/PageState'
import { printPage } from '@/platform/print'
import { useStandard } from '@/features/workbench/use-workbench'
import { WorkbenchGate } from '../Gate'
import { beijingYear } from '@/components/YearSwitch'
import '../shared.scss'
import './index.scss'

function Summary({ branchId, year }: { branchId: string | undefined; year: number }): React.ReactElement {
  const { data, error, reload } = useStandard(branchId, year)
  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!data) return <View className='page'><PageLoading cards={3} /></View>
  const a = data
  const print = () => {
    if (!printPage()) void Taro.showToast({ title: '请在电脑浏览器中打开本页打印', icon: 'none', duration: 2500 })
  }
  return (
    <View className='page wb-print' data-testid='wb-summary'>
      <View className='wb-print__sheet'>
        <Text className='wb-print__title'>
          {a.branchName}
          {a.year}年党支部“五化”建设达标自评表
        </Text>
        <Text className='wb-print__sub'>
          依据：{a.standardName}，自评日期：{a.today}
        </Text>
        <View className='wb-table' data-testid='wb-summary-table'>
          <View className='wb-table__row wb-table__row--head'>
            <Text className='wb-table__c wb-table__c--code'>序号</Text>
            <Text className='wb-table__c wb-table__c--title'>指标</Text>
            <Text className='wb-table__c wb-table__c--num'>分值</Text>
            <Text className='wb-table__c wb-table__c--num'>扣分</Text>
            <Text className='wb-table__c wb-table__c--num'>得分</Text>
            <Text className='wb-table__c wb-table__c--why'>扣分原因 / 说明</Text>
          </View>
          {a.areas.map((area) => (
            <View key={area.code}>
              <View className='wb-table__row wb-table__row--area'>
                <Text className='wb-table__c wb-table__c--code'>{area.code}</Text>
                <Text className='wb-table__c wb-table__c--title'>{area.title}</Text>
                <Text className='wb-table__c wb-table__c--num'>{area.max}</Text>
                <Text className='wb-table__c wb-table__c--num' />
                <Text className='wb-table__c wb-table__c--num'>{area.score}</Text>
                <Text className='wb-table__c wb-table__c--why' />
              </View>
              {area.items.map((i) => (
                <View key={i.code} className='wb-table__row' data-testid='wb-summary-row'>
                  <Text className='wb-table__c wb-table__c--code'>{i.code}</Text>
                  <Text className='wb-table__c wb-table__c--title'>{i.title}</Text>
                  <Text className='wb-table__c wb-table__c--num'>{i.max}</Text>
                  <Text className='wb-table__c wb-table__c--num'>{i.status === 'pending' ? '' : i.autoDeduction + (i.handDeduction ?? 0)}</Text>
                  <Text className='wb-table__c wb-table__c--num'>{i.score ?? '待评'}</Text>
                  <Text className='wb-table__c wb-table__c--why'>
                    {[...i.auto.map((x) => `${x.label}（${x.evidence.slice(0, 3).join('；')}${x.evidence.length > 3 ? '等' : ''}）`), i.note].filter(Boolean).join('；')}
                  </Text>
                </View>
              ))}
            </View>
          ))}
          <View className='wb-table__row wb-table__row--head'>
            <Text className='wb-table__c wb-table__c--code' />
            <Text className='wb-table__c wb-table__c--title'>总得分</Text>
            <Text className='wb-table__c wb-table__c--num'>{a.max}</Text>
            <Text className='wb-table__c wb-table__c--num'>{a.autoDeduction + a.handDeduction}</Text>
            <Text className='wb-table__c wb-table__c--num' data-testid='wb-summary-total'>
              {a.total}
            </Text>
            <Text className='wb-table__c wb-table__c--why'>{a.pending > 0 ? `另有${a.pending}项（${a.pendingMax}分）待评` : ''}</Text>
          </View>
        </View>
        <View className='wb-print__sign'>
          <Text>党支部书记（签字）：</Text>
          <Text>上级党组织审核意见：</Text>
        </View>
      </View>
      <View className='wb-print__actions'>
        <Button type='primary' size='large' block data-testid='wb-print' onClick={print}>
          打印
        </Button>
      </View>
    </View>
  )
}

export default function SummaryPage(): React.ReactElement {
  const { params } = useRouter()
  const year = params.year && /^\d{4}$/.test(params.year) ? Number(params.year) : beijingYear()
  return <WorkbenchGate action={workbench.actions.standard}>{() => <Summary branchId={params.branchId || undefined} year={year} />}</WorkbenchGate>
}
