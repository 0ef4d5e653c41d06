/**
 * 支部工作台 (书记, 支委; 上级 admins read-only): what the branch still owes this year under its rules —
 * each item opens the page that fixes it (a missing 党小组会 opens the new-meeting form prefilled) —
 * then the figures: 三会一课 by period, attendance by month (a bar chart), 党费, 积分, 民主评议, 谈心谈话,
 * 学时, 支部设置, 换届 and this month's 政治生日. One API call.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { BOARD_AREA_LABELS, workbench, type BoardItem, type Dashboard } from '@shared/contract/workbench'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { COVERAGE_LABELS, EVALUATION_LABELS, LEVEL_LABELS, monthLabel, pct, periodCellLabel, yuan } from '@/features/workbench/format'
import { WB, fixRoute } from '@/features/workbench/fix-route'
import { useDashboard } from '@/features/workbench/use-workbench'
import { go } from '@/utils/nav'
import { WorkbenchGate } from '../Gate'
import { YearSwitch, beijingYear } from '@/components/YearSwitch'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import '../shared.scss'
import './index.scss'

function Items({ items, readOnly }: { items: BoardItem[]; readOnly: boolean }): React.ReactElement {
  if (items.length === 0) return <EmptyState text='本年度各项工作均已达标' icon='check' compact />
  const open = (item: BoardItem) => {
    if (readOnly || !item.fix) return
    const t = fixRoute(item.fix)
    go(t.route, t.query)
  }
  return (
    <View data-testid='wb-items'>
      {items.map((item) => (
        <View key={item.key} className='wb-row' data-testid='wb-item' data-key={item.key} onClick={() => open(item)}>
          <View className={`wb-dot wb-dot--${item.level}`} />
          <View className='wb-row__main'>
            <Text className='wb-row__title'>{item.title}</Text>
            <Text className='wb-row__detail'>
              {LEVEL_LABELS[item.level]} · {BOARD_AREA_LABELS[item.area]} · {item.detail}
            </Text>
          </View>
          {!readOnly && item.fix ? <Text className='wb-row__arrow'>›</Text> : null}
        </View>
      ))}
    </View>
  )
}

/** 三会一课 etc.: one line per requirement (and 党小组), one cell per period. */
function Compliance({ d }: { d: Dashboard }): React.ReactElement {
  const lines = new Map<string, Dashboard['meetings']['rows']>()
  for (const r of d.meetings.rows) {
    const key = `${r.requirement}${r.groupName ? `（${r.groupName}）` : ''}`
    lines.set(key, [...(lines.get(key) ?? []), r])
  }
  return (
    <View className='card' data-testid='wb-compliance'>
      <View className='card__title'>
        三会一课与组织生活
        <Text className='card__title-extra'>{d.branch.profileName}</Text>
      </View>
      <View className='wb-figures'>
        <View>
          <Text className='wb-figure__num'>{d.meetings.summary.held}</Text>
          <Text className='wb-figure__label'>已达标</Text>
        </View>
        <View>
          <Text className='wb-figure__num wb-figure__num--gold'>{d.meetings.summary.missing}</Text>
          <Text className='wb-figure__label'>本期未开</Text>
        </View>
        <View>
          <Text className='wb-figure__num wb-figure__num--red'>{d.meetings.summary.overdue}</Text>
          <Text className='wb-figure__label'>逾期未开</Text>
        </View>
      </View>
      {[...lines].map(([label, rows]) => (
        <View key={label} className='wb-comp'>
          <Text className='wb-comp__label'>{label}</Text>
          <View className='wb-comp__cells'>
            {rows.map((r) => (
              <Text key={r.periodKey} className={`wb-comp__cell wb-comp__cell--${r.status}`}>
                {periodCellLabel(r.periodKey, r.periodLabel)}
              </Text>
            ))}
          </View>
        </View>
      ))}
      <Text className='wb-note'>绿色已召开，黄色本期尚未召开，红色逾期未召开，灰色未到期。</Text>
    </View>
  )
}

/** 出勤率 by month: plain CSS bars (no chart library). */
function AttendanceChart({ d }: { d: Dashboard }): React.ReactElement {
  return (
    <View className='card' data-testid='wb-attendance'>
      <View className='card__title'>
        组织生活出勤率
        <Text className='card__title-extra'>全年 {pct(d.attendance.rate)}（实到{d.attendance.present}/应到{d.attendance.due}人次）</Text>
      </View>
      <View className='wb-chart'>
        {d.attendance.months.map((m) => (
          <View key={m.month} className='wb-chart__col' data-testid='wb-chart-col'>
            <Text className='wb-chart__value'>{m.rate === null ? '' : Math.round(m.rate * 100)}</Text>
            <View className='wb-chart__track'>
              <View className={`wb-chart__bar${m.rate !== null && m.rate < 0.8 ? ' wb-chart__bar--low' : ''}`} style={{ height: `${Math.round((m.rate ?? 0) * 100)}%` }} />
            </View>
            <Text className='wb-chart__month'>{Number(m.month.slice(5))}</Text>
          </View>
        ))}
      </View>
      <Text className='wb-note'>单位：%，按月统计已提交记录的会议；年老体弱免于参加的党员未到时不计入应到。</Text>
    </View>
  )
}

function Dues({ d }: { d: Dashboard }): React.ReactElement {
  const rate = d.dues.dueFen > 0 ? d.dues.paidFen / d.dues.dueFen : null
  return (
    <View className='card' data-testid='wb-dues'>
      <View className='card__title'>
        党费收缴
        <Text className='card__title-extra'>{d.dues.throughMonth ? `截至${monthLabel(d.dues.throughMonth)}` : '本年尚无应交月份'}</Text>
      </View>
      {!d.dues.available ? (
        <Text className='wb-line'>尚未核定党员党费，请党费管理员先完成核定。</Text>
      ) : (
        <>
          <Text className='wb-line'>
            已收 {yuan(d.dues.paidFen)} / 应收 {yuan(d.dues.dueFen)}（{pct(rate)}）
          </Text>
          <View className='wb-bar'>
            <View className='wb-bar__fill wb-bar__fill--green' style={{ width: `${Math.min(100, Math.round((rate ?? 0) * 100))}%` }} />
          </View>
          {d.dues.arrears.map((a) => (
            <Text key={a.memberId} className='wb-line'>
              {a.name}：连续{a.run}个月未交，欠{yuan(a.owedFen)}
              {a.flag === 'lapse-review' ? '（提请支部研究）' : ''}
            </Text>
          ))}
        </>
      )}
    </View>
  )
}

function Others({ d }: { d: Dashboard }): React.ReactElement {
  const talks = d.talks.rows.filter((r) => r.status !== 'upcoming')
  const current = new Map<string, (typeof talks)[number]>()
  for (const r of talks) current.set(r.requirement, r)
  const unmet = d.study.rows.filter((r) => !r.met)
  const ev = d.evaluation
  return (
    <>
      <View className='card' data-testid='wb-points'>
        <View className='card__title'>党员积分</View>
        {!d.points.available ? (
          <Text className='wb-line'>支部尚未发布积分方案。</Text>
        ) : (
          <>
            <Text className='wb-line'>
              待审核：党小组 {d.points.pendingGroup} 条，支委 {d.points.pendingCommittee} 条
            </Text>
            <View className='wb-chips'>
              {d.points.periods.map((p) => (
                <Text key={p.key} className={`tag tag--${p.status === 'final' ? 'green' : p.status === 'unpublished' ? 'red' : p.status === 'publicity' ? 'gold' : 'grey'}`}>
                  {p.label.replace(`${d.year}年`, '')}
                  {{ current: '进行中', upcoming: '未开始', unpublished: '未公示', publicity: '公示中', final: '已定' }[p.status]}
                </Text>
              ))}
            </View>
          </>
        )}
      </View>

      <View className='card' data-testid='wb-evaluation'>
        <View className='card__title'>
          民主评议
          <Text className='card__title-extra'>{EVALUATION_LABELS[ev.status]}</Text>
        </View>
        {ev.status === 'none' ? (
          <Text className='wb-line'>{d.year}年度尚未开展民主评议党员。</Text>
        ) : (
          <>
            <Text className='wb-line'>
              {ev.title}：已投票 {ev.voted}/{ev.voters} 人
            </Text>
            <View className='wb-bar'>
              <View className='wb-bar__fill' style={{ width: `${ev.voters ? Math.round((ev.voted / ev.voters) * 100) : 0}%` }} />
            </View>
          </>
        )}
      </View>

      <View className='card' data-testid='wb-talks'>
        <View className='card__title'>
          谈心谈话
          <Text className='card__title-extra'>本年已记录{d.talks.recorded}次</Text>
        </View>
        {[...current.values()].map((r) => (
          <View key={r.requirement} className='wb-cover'>
            <Text className='wb-line'>
              {r.label}（{r.periodLabel.replace(`${d.year}年`, '') || '全年'}）：{r.covered}/{r.expected}
              <Text className={`tag tag--${r.status === 'done' ? 'green' : r.status === 'overdue' ? 'red' : 'gold'}`}> {COVERAGE_LABELS[r.status]}</Text>
            </Text>
            <View className='wb-bar'>
              <View className='wb-bar__fill' style={{ width: `${r.expected ? Math.round((r.covered / r.expected) * 100) : 100}%` }} />
            </View>
          </View>
        ))}
      </View>

      <View className='card' data-testid='wb-study'>
        <View className='card__title'>
          学时
          <Text className='card__title-extra'>
            达标 {d.study.met}/{d.study.total} 人
          </Text>
        </View>
        <Text className='wb-line'>
          党员每年不少于{d.study.memberTarget}学时，书记和支委不少于{d.study.committeeTarget}学时。
        </Text>
        {unmet.slice(0, 6).map((r) => (
          <Text key={r.memberId} className='wb-line'>
            {r.name}：{r.hours}/{r.target} 学时
          </Text>
        ))}
        {unmet.length > 6 ? <Text className='wb-note'>另有{unmet.length - 6}人未达标</Text> : null}
      </View>

      <View className='card' data-testid='wb-setup'>
        <View className='card__title'>
          支部设置
          <Text className='card__title-extra'>
            党员{d.branch.members}人（正式{d.branch.formal}，预备{d.branch.probationary}）
          </Text>
        </View>
        <View className='wb-chips'>
          {d.branch.groups.map((g) => (
            <Text key={g.id} className={`tag tag--${g.size < 3 ? 'red' : 'grey'}`}>
              {g.name} {g.size}人
            </Text>
          ))}
        </View>
        {d.setup.findings.length === 0 ? <Text className='wb-line'>支部设置、支委会配备符合要求。</Text> : d.setup.findings.map((f) => <Text key={f.code + f.message} className='wb-line'>{f.message}</Text>)}
      </View>

      <View className='card' data-testid='wb-reelection'>
        <View className='card__title'>
          换届
          <Text className='card__title-extra'>{d.reelection.label}</Text>
        </View>
        {d.reelection.termEndsAt ? (
          <Text className='wb-line' data-testid='wb-reelection-countdown'>
            本届任期{d.reelection.termEndsAt}届满，{d.reelection.daysLeft !== null && d.reelection.daysLeft >= 0 ? `还有 ${d.reelection.daysLeft} 天` : `已超期 ${-(d.reelection.daysLeft ?? 0)} 天`}
          </Text>
        ) : (
          <Text className='wb-line'>尚未填写支部委员会任期。</Text>
        )}
        {d.reelection.nextReminder ? (
          <Text className='wb-note'>
            {d.reelection.nextReminder.date}：{d.reelection.nextReminder.label}
          </Text>
        ) : null}
      </View>

      <View className='card' data-testid='wb-birthdays'>
        <View className='card__title'>本月政治生日</View>
        {d.birthdays.length === 0 ? (
          <Text className='wb-line'>本月没有党员过政治生日。</Text>
        ) : (
          d.birthdays.map((b) => (
            <Text key={b.memberId} className='wb-line'>
              {b.name}：{Number(b.date.slice(5, 7))}月{Number(b.date.slice(8))}日，入党{b.years}周年
            </Text>
          ))
        )}
      </View>
    </>
  )
}

function Board({ branchId, initialYear }: { branchId: string | undefined; initialYear: number | undefined }): React.ReactElement {
  const thisYear = beijingYear()
  const [year, setYear] = useState(initialYear ?? thisYear)
  const { data, loading, error, reload } = useDashboard(branchId, year)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  // Coming back from the page that fixed an item: show the new state.
  useReloadOnReturn(reload)

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!data) return <View className='page'><PageLoading cards={4} /></View>
  const d = data
  const queryBranch = d.readOnly ? { branchId: d.branch.id, year: String(year) } : { year: String(year) }
  return (
    <View className='page wb-dashboard' data-testid='wb-dashboard' data-loading={loading ? '1' : '0'}>
      <View className='card'>
        <Text className='wb-head__name' data-testid='wb-branch-name'>
          {d.branch.name}
        </Text>
        <Text className='wb-head__sub'>
          {d.branch.parentName ? `${d.branch.parentName} · ` : ''}截至{d.today}
        </Text>
      </View>
      {d.readOnly ? <View className='wb-readonly' data-testid='wb-readonly'>上级党组织查看：只读，不能代支部操作。</View> : null}
      <YearSwitch testId='wb-year' year={year} max={thisYear} onChange={setYear} />

      <View className='card' data-testid='wb-todo'>
        <View className='card__title'>
          需要处理
          <Text className='card__title-extra'>{d.items.filter((i) => i.level !== 'info').length}项</Text>
        </View>
        <Items items={d.items} readOnly={d.readOnly} />
      </View>

      <Compliance d={d} />
      <AttendanceChart d={d} />
      <Dues d={d} />
      <Others d={d} />

      <View className='card'>
        <View className='card__title'>达标验收与台账</View>
        <View className='wb-actions'>
          <Button type='primary' size='large' data-testid='wb-open-standard' onClick={() => go(WB.standard, queryBranch)}>
            五化达标自评
          </Button>
          <Button fill='outline' size='large' data-testid='wb-open-exports' onClick={() => go(WB.exports, queryBranch)}>
            台账导出
          </Button>
        </View>
        {!d.readOnly ? (
          <View className='wb-actions'>
            <Button fill='outline' size='large' data-testid='wb-open-talks' onClick={() => go(WB.talks)}>
              谈心谈话
            </Button>
            <Button fill='outline' size='large' data-testid='wb-open-study' onClick={() => go(WB.study)}>
              学时登记
            </Button>
          </View>
        ) : null}
      </View>
      <Text className='wb-note wb-dashboard__foot'>各项要求按支部所执行的规则方案（{d.branch.profileName}）统计，仅作提示。</Text>
    </View>
  )
}

export default function DashboardPage(): React.ReactElement {
  const { params } = useRouter()
  const year = params.year && /^\d{4}$/.test(params.year) ? Number(params.year) : undefined
  return <WorkbenchGate action={workbench.actions.dashboard}>{() => <Board branchId={params.branchId || undefined} initialYear={year} />}</WorkbenchGate>
}
