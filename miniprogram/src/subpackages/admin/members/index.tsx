/**
 * 党员名册: the branch roster (`org.listMembers`) with a name search and a 党小组 filter; tap a member for
 * details. 党小组长 who are not 支委 see their own group only (the server scopes it the same way).
 */
import { useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, SearchBar } from '@nutui/nutui-react-taro'
import { org, type MemberView } from '@shared/contract/org'
import { ROUTES } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { RoleTags } from '@/features/org/components/RoleTags'
import { MemberAvatar } from '@/components/MemberAvatar'
import { can, isCommittee } from '@/features/org/permissions'
import { filterByName, useMembers } from '@/features/org/use-org'
import { go } from '@/utils/nav'
import '@/styles/nutui-forms'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import './index.scss'

const ALL = '__all__'
const NONE = '__none__'

function Roster({ me }: { me: BoundMe }): React.ReactElement {
  // A 党小组长 without a committee role may list only their own group.
  const ownGroupOnly = !isCommittee(me) && me.adminOrgs.length === 0
  const fixedGroup = ownGroupOnly ? (me.member.groupId ?? undefined) : undefined
  const { data, loading, error, reload } = useMembers({ groupId: fixedGroup })
  const [query, setQuery] = useState('')
  const [group, setGroup] = useState<string>(ALL)
  // Coming back from add / edit: refresh the list (the first show already loaded it).
  useReloadOnReturn(reload)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const groups = me.branch.groups
  const groupName = useMemo(() => new Map(groups.map((g) => [g.id, g.name])), [groups])
  const members: MemberView[] = useMemo(() => {
    const all = data?.members ?? []
    const byGroup = group === ALL ? all : all.filter((m) => (group === NONE ? m.groupId === null : m.groupId === group))
    return filterByName(byGroup, query)
  }, [data, group, query])

  const chips = ownGroupOnly ? [] : [{ id: ALL, name: '全部' }, ...groups.map((g) => ({ id: g.id, name: g.name })), { id: NONE, name: '未分组' }]
  const canAdd = can(me, org.actions.createMember)

  return (
    <View className={`page members${canAdd ? ' page--with-bar' : ''}`} data-testid='members-page'>
      <View className='members__top'>
        <SearchBar
          className='members__search'
          value={query}
          placeholder='按姓名搜索'
          onChange={(v) => setQuery(v)}
          onClear={() => setQuery('')}
        />
        {chips.length > 0 ? (
          <View className='members__chips' data-testid='group-filter'>
            {chips.map((c) => (
              <View
                key={c.id}
                className={`members__chip${group === c.id ? ' members__chip--on' : ''}`}
                data-testid={`group-chip-${c.id}`}
                onClick={() => setGroup(c.id)}
              >
                <Text>{c.name}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      {error && !data ? (
        <PageError message={error.message} onRetry={() => void reload()} />
      ) : loading && !data ? (
        <PageLoading />
      ) : (
        <>
          <View className='members__count'>
            共 <Text className='members__count-num'>{members.length}</Text> 人
            {data && members.length !== data.members.length ? <Text className='muted'>（全支部 {data.total} 人）</Text> : null}
          </View>
          {members.length === 0 ? (
            <View className='card'>
              <EmptyState text={query ? `没有找到“${query.trim()}”` : '暂无党员'} icon='users' />
            </View>
          ) : (
            <View className='members__list' data-testid='member-list'>
              {members.map((m) => (
                <View
                  key={m.id}
                  className='member-row'
                  data-testid='member-row'
                  data-member-id={m.id}
                  onClick={() => go(ROUTES.adminMemberDetail, { memberId: m.id })}
                >
                  <MemberAvatar name={m.name} />
                  <View className='member-row__main'>
                    <View className='member-row__line'>
                      <Text className='member-row__name'>{m.name}</Text>
                      <Text className='member-row__group'>{m.groupId ? (groupName.get(m.groupId) ?? '') : '未分组'}</Text>
                    </View>
                    <RoleTags status={m.status} roles={m.roles} hideFormal />
                    {m.flags.elderly || m.flags.mobile ? (
                      <View className='member-row__flags'>
                        {m.flags.elderly ? <Text className='member-row__flag'>年老体弱</Text> : null}
                        {m.flags.mobile ? <Text className='member-row__flag'>流动党员</Text> : null}
                      </View>
                    ) : null}
                  </View>
                  <Text className={`member-row__bound${m.bound ? ' member-row__bound--yes' : ''}`}>{m.bound ? '已绑定' : '未绑定'}</Text>
                </View>
              ))}
            </View>
          )}
        </>
      )}

      {canAdd ? (
        <View className='bottom-bar'>
          <Button type='primary' size='large' block data-testid='add-member' onClick={() => go(ROUTES.adminMemberEdit)}>
            添加党员
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function MembersPage(): React.ReactElement {
  return <AccessGate action={org.actions.listMembers}>{(me) => <Roster me={me} />}</AccessGate>
}
