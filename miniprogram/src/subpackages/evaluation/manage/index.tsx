/**
 * 评议管理 (支委; `?roundId=` for an earlier round): the round's settings, live turnout (refreshed every few
 * seconds while voting runs — counts only, never votes), who has not written a 自评, and the steps in
 * order: 结束测评 → 组织评定 → 公示, plus the .xlsx 登记表 / 汇总表 once voting is over.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { EXPORT_KIND_LABELS, evaluation, type RoundAdmin } from '@shared/contract/evaluation'
import { ratioLabel, scaleLabel } from '@shared/rules/evaluation/grades'
import { ROUTES } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { can } from '@/features/org/permissions'
import { roundStatusText, windowText } from '@/features/evaluation/labels'
import { useRoundAdmin, useRounds } from '@/features/evaluation/use-evaluation'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { formatDate, formatInstant } from '@/utils/format'
import { go } from '@/utils/nav'
import { useCloseRound, useExportRound, usePublishResults } from '@/features/evaluation/use-manage-round'
import { ConfirmDialog } from '../components/ConfirmDialog'
import '../nutui'
import '../evaluation.scss'
import './index.scss'

function Settings({ round }: { round: RoundAdmin }): React.ReactElement {
  const s = round.settings
  const rows: [string, string][] = [
    ['测评时间', windowText(round.votingFrom, round.votingTo)],
    ['评定等次', scaleLabel(s.grades)],
    ['参加人数', `${s.voterCount}人（正式党员${s.formalCount}人评定等次）`],
  ]
  if (s.grades.includes('excellent')) rows.push(['优秀名额', `最多${s.excellentQuota}人（正式党员的${ratioLabel(s.excellentRatio)}）`])
  rows.push(['测评本人', s.includeSelf ? '测评表包括本人' : '不对本人测评'])
  if (s.grades.includes('excellent')) rows.push(['每张表优秀', s.ballotExcellentLimit === null ? '不限' : `最多${s.ballotExcellentLimit}人`])
  rows.push(['提示研究', `不合格票超过${ratioLabel(s.unqualifiedReviewShare)}`])
  rows.push(['本人得票', s.showOwnTally ? '公示后党员可查看本人得票' : '不向党员显示'])
  return (
    <View className='manage-settings'>
      {rows.map(([k, v]) => (
        <View className='manage-settings__row' key={k}>
          <Text className='manage-settings__key'>{k}</Text>
          <Text className='manage-settings__value'>{v}</Text>
        </View>
      ))}
    </View>
  )
}

function Manage({ me, roundId }: { me: BoundMe; roundId?: string }): React.ReactElement {
  const admin$ = useRoundAdmin(roundId)
  const { data, loading, error, reload, setData } = admin$
  useReloadOnReturn(admin$.reload)
  const rounds = useRounds()
  const [dialog, setDialog] = useState<'close' | 'publish' | null>(null)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  const close = useCloseRound()
  const publish = usePublishResults()
  const exporter = useExportRound()

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading && !data) return <View className='page'><PageLoading cards={3} /></View>
  const round = data?.round ?? null
  const mayOpen = can(me, evaluation.actions.openRound)
  const mayClose = can(me, evaluation.actions.closeRound)
  const mayPublish = can(me, evaluation.actions.publishResults)
  const others = (rounds.data?.rounds ?? []).filter((r) => r.id !== round?.id)

  const doClose = async (): Promise<void> => {
    if (!round) return
    const next = await close.run(round.id)
    setDialog(null)
    if (next) {
      setData({ round: next })
      void Taro.showToast({ title: '测评已结束', icon: 'success' })
    }
  }
  const doPublish = async (): Promise<void> => {
    if (!round) return
    const next = await publish.run(round.id)
    setDialog(null)
    if (next) {
      setData({ round: next })
      void Taro.showToast({ title: '已公示', icon: 'success' })
    }
  }

  const pct = round && round.turnout.eligible > 0 ? Math.round((round.turnout.voted / round.turnout.eligible) * 100) : 0

  return (
    <View className='page manage' data-testid='manage-page'>
      {!round ? (
        <View className='card'>
          <EmptyState text='还没有开展民主评议' icon='clipboard' />
        </View>
      ) : (
        <>
          <View className='card'>
            <Text className='ev-head__title'>{round.title}</Text>
            {round.repeatReason ? <Text className='ev-head__line'>重新开展理由：{round.repeatReason}</Text> : null}
            <View className='manage__status'>
              <Text className={`ev-pill${round.status === 'published' ? ' ev-pill--done' : ''}`} data-testid='manage-status'>
                {roundStatusText(round)}
              </Text>
            </View>
            <Settings round={round} />
          </View>

          <View className='card' data-testid='turnout'>
            <View className='card__title'>
              <Text>投票情况</Text>
              {round.status === 'open' ? <Text className='card__title-extra'>自动刷新</Text> : null}
            </View>
            <View className='ev-stats'>
              <View className='ev-stat'>
                <Text className='ev-stat__num ev-stat__num--red' data-testid='turnout-voted'>
                  {round.turnout.voted}
                </Text>
                <Text className='ev-stat__label'>已投票</Text>
              </View>
              <View className='ev-stat'>
                <Text className='ev-stat__num' data-testid='turnout-eligible'>
                  {round.turnout.eligible}
                </Text>
                <Text className='ev-stat__label'>应参加</Text>
              </View>
              <View className='ev-stat'>
                <Text className='ev-stat__num'>{pct}%</Text>
                <Text className='ev-stat__label'>参与率</Text>
              </View>
            </View>
            <View className='manage__bar'>
              <View className='manage__bar-fill' style={{ width: `${pct}%` }} />
            </View>
            <Text className='ev-note manage__sealed'>
              {round.status === 'open' ? '测评结束前，任何人（包括书记）都看不到得票情况。' : `测评已于${round.closedAt ? formatInstant(round.closedAt) : ''}结束。`}
            </Text>
          </View>

          <View className='card' data-testid='self-progress'>
            <View className='card__title'>
              <Text>个人自评</Text>
              <Text className='card__title-extra'>
                已提交 {round.selfAssessments.submitted}/{round.selfAssessments.total}
              </Text>
            </View>
            {round.selfAssessments.missing.length === 0 ? (
              <Text className='ev-head__line'>全部党员都已提交自评。</Text>
            ) : (
              <>
                <Text className='ev-head__line'>以下党员尚未提交：</Text>
                <View className='manage__names' data-testid='self-missing'>
                  {round.selfAssessments.missing.map((m) => (
                    <Text className='manage__name' key={m.memberId}>
                      {m.name}
                      {m.status === 'probationary' ? '（预备）' : ''}
                    </Text>
                  ))}
                </View>
              </>
            )}
          </View>

          <View className='card manage__actions'>
            {round.status === 'open' && mayClose ? (
              <Button type='primary' size='large' block data-testid='close-round' onClick={() => setDialog('close')}>
                结束测评
              </Button>
            ) : null}
            {round.status !== 'open' ? (
              <Button type='primary' size='large' block data-testid='go-assess' onClick={() => go(ROUTES.evaluationAssess, { roundId: round.id })}>
                {round.status === 'published' ? '查看评定结果' : '组织评定'}
              </Button>
            ) : null}
            {round.status === 'closed' && mayPublish ? (
              <Button
                type='primary'
                fill='outline'
                size='large'
                block
                data-testid='publish'
                onClick={() => (round.finalsSavedAt ? setDialog('publish') : void Taro.showToast({ title: '请先完成组织评定', icon: 'none' }))}
              >
                公示评议结果
              </Button>
            ) : null}
            {round.status === 'published' && round.publishedOn ? (
              <Text className='ev-head__line'>
                已于{formatDate(round.publishedOn)}公示，公示期至{formatDate(round.publicityEndsOn)}。
              </Text>
            ) : null}
            {round.status !== 'open' ? (
              <View className='manage__exports'>
                {(Object.keys(EXPORT_KIND_LABELS) as (keyof typeof EXPORT_KIND_LABELS)[]).map((kind) => (
                  <Button key={kind} size='large' loading={exporter.pending} data-testid={`export-${kind}`} onClick={() => void exporter.run(round.id, kind)}>
                    导出{EXPORT_KIND_LABELS[kind]}
                  </Button>
                ))}
              </View>
            ) : null}
            {round.status !== 'open' && mayOpen && !roundId ? (
              <Button size='large' block fill='none' data-testid='open-another' onClick={() => go(ROUTES.evaluationOpen)}>
                开启新的评议
              </Button>
            ) : null}
          </View>
        </>
      )}

      {!round && mayOpen ? (
        <View className='card'>
          <Button type='primary' size='large' block data-testid='open-round' onClick={() => go(ROUTES.evaluationOpen)}>
            开启民主评议
          </Button>
        </View>
      ) : null}

      {others.length > 0 ? (
        <View className='card'>
          <View className='card__title'>其他评议</View>
          {others.map((r) => (
            <View key={r.id} className='ev-list-row' onClick={() => go(ROUTES.evaluationManage, { roundId: r.id })}>
              <View className='ev-list-row__main'>
                <Text>{r.title}</Text>
              </View>
              <Text className='ev-list-row__extra'>{roundStatusText(r)} ›</Text>
            </View>
          ))}
        </View>
      ) : null}

      {round ? (
        <>
          <ConfirmDialog visible={dialog === 'close'} title='结束测评？' okText='结束测评' pending={close.pending} testId='close-confirm' onOk={() => void doClose()} onCancel={() => setDialog(null)}>
            <Text>
              已有 {round.turnout.voted}/{round.turnout.eligible} 人投票。结束后不能再投票，得票情况将对支委可见，用于组织评定。
            </Text>
          </ConfirmDialog>
          <ConfirmDialog visible={dialog === 'publish'} title='公示评议结果？' okText='公示' pending={publish.pending} testId='publish-confirm' onOk={() => void doPublish()} onCancel={() => setDialog(null)}>
            <Text>公示后，每名党员可以看到本人的评定等次和优秀党员名单，组织评定不能再修改。</Text>
          </ConfirmDialog>
        </>
      ) : null}
    </View>
  )
}

export default function ManagePage(): React.ReactElement {
  const { params } = useRouter()
  return <AccessGate action={evaluation.actions.getRoundAdmin}>{(me) => <Manage me={me} roundId={params.roundId || undefined} />}</AccessGate>
}
