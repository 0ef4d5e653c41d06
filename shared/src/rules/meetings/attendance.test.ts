// Tests of attendance.ts.
import fc from 'fast-check'
import { RuleInputError } from '../errors'
import { attendanceSummary, meetingQuorum, meetingRoster, memberMeetingStatus, quorum, type RosterMember } from './attendance'

describe('quorum — more than half of 应到 with 表决权', () => {
  test.each([
    [10, 6, true, 6],
    [10, 5, false, 6],
    [9, 5, true, 5],
    [9, 4, false, 5],
    [1, 1, true, 1],
    [0, 0, false, 1],
  ])('due %p present %p → %p (needed %p)', (due, present, quorate, needed) => {
    expect(quorum(due, present)).toEqual({ quorate, needed, due, present })
  })
  test.each([
    [() => quorum(5, 6)],
    [() => quorum(-1, 0)],
    [() => quorum(5, 1.5)],
  ])('refuses impossible counts %#', (f) => {
    expect(f).toThrow(RuleInputError)
  })
})

const member = (id: string, over: Partial<RosterMember> = {}): RosterMember => ({ id, name: id, groupId: 'g1', status: 'formal', roles: [], exempt: false, mobile: false, ...over })

const MEMBERS = [
  member('sec', { roles: ['secretary'] }),
  member('org', { roles: ['organizer', 'dues-manager'], groupId: 'g2' }),
  member('lead', { roles: ['group-leader'] }),
  member('a'),
  member('b', { groupId: 'g2', status: 'probationary' }),
  member('old', { groupId: 'g2', exempt: true }),
  member('mob', { mobile: true }),
]

describe('roster (应到)', () => {
  test.each([
    ['committee', null, ['sec', 'org']],
    ['group', 'g2', ['org', 'b', 'old']],
    ['theme-day', null, ['sec', 'org', 'lead', 'a', 'b', 'old', 'mob']],
    ['lecture', 'g1', ['sec', 'lead', 'a', 'mob']],
  ] as const)('%s (group %s)', (kind, groupId, ids) => expect(meetingRoster(MEMBERS, { kind, groupId }).map((m) => m.id)).toEqual(ids))
})

describe('attendance summary and quorum', () => {
  test('exempt members who did not come are not due; presence beats leave; 预备党员 have no 表决权', () => {
    const s = attendanceSummary({ roster: MEMBERS, presentIds: ['sec', 'org', 'b', 'x'], leaveIds: ['a', 'org'] })
    expect(s).toEqual({
      due: 6,
      present: 3,
      leave: 1,
      absent: 2,
      absentIds: ['lead', 'mob'],
      leaveIds: ['a'],
      exemptIds: ['old'],
      observers: 1,
      voting: { due: 5, present: 2 },
    })
    expect(meetingQuorum('party-congress', s)).toEqual({ quorate: false, needed: 3, due: 5, present: 2 })
    expect(meetingQuorum('evaluation', s)?.quorate).toBe(false)
    expect(meetingQuorum('committee', s)).toEqual({ quorate: false, needed: 4, due: 6, present: 3 })
    expect(meetingQuorum('theme-day', s)).toBeNull()
  })

  test('an exempt member who came counts in 应到 and 实到', () => {
    const s = attendanceSummary({ roster: MEMBERS, presentIds: ['old'], leaveIds: [] })
    expect([s.due, s.present, s.exemptIds]).toEqual([7, 1, []])
  })

  test('property: due = present + leave + absent, and present never exceeds due', () => {
    const ids = MEMBERS.map((m) => m.id)
    fc.assert(
      fc.property(fc.subarray(ids), fc.subarray(ids), (present, leave) => {
        const s = attendanceSummary({ roster: MEMBERS, presentIds: present, leaveIds: leave })
        return s.due === s.present + s.leave + s.absent && s.voting.present <= s.voting.due && s.present <= s.due
      }),
    )
  })

  test.each([
    [{ presentIds: ['a'] }, true, 'present'],
    [{ presentIds: ['zz'] }, false, 'pending'],
    [{ exemptIds: ['a'] }, true, 'exempt'],
    [{ leaveIds: ['a'] }, true, 'leave'],
    [{}, false, 'pending'],
    [{}, true, 'absent'],
  ] as const)('member status %j final=%s → %s', (lists, final, status) => {
    expect(memberMeetingStatus({ rosterIds: ['a', 'b'], exemptIds: [], presentIds: [], leaveIds: [], ...lists, final }, 'a')).toBe(status)
  })
  test('not on the roster and not present: no status', () => {
    expect(memberMeetingStatus({ rosterIds: ['b'], exemptIds: [], presentIds: [], leaveIds: [], final: true }, 'a')).toBeNull()
  })
})
