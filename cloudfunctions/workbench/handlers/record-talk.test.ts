/**
 * workbench.recordTalk (谈心谈话): recorded once under a race, notes for the 书记 only, coverage moves; bad input writes
 * nothing; removal (removeTalk) by its recorder or the 书记, a mark, audited.
 */
import { DEMO_WORKBENCH } from '../../../local/seed'
import { DEMO, errCode, ok, type Reply } from '../../../tests/support/cloud'
import { addDays } from '../../../shared/src/rules/time'
import { type AnyDoc, organizer, publicity, sec, today, workbenchCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) with its one missing 党小组会.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call, dump } = workbenchCloud(AT)

describe('谈心谈话', () => {
  test('record once under a race; notes for the 书记 only; coverage moves', async () => {
    const before = ok(await call('listTalks', {}, sec))
    const input = { withId: DEMO.m.discipline, date: today(), topic: '分工和近期工作', notes: '谈到家中老人需照顾，支部将关心。' }
    const replies = await Promise.all(Array.from({ length: 5 }, () => call('recordTalk', input, sec)))
    expect(replies.every((r) => r.ok)).toBe(true)
    expect(replies.map((r) => ok(r).repeat).filter((x) => !x)).toHaveLength(1)
    const id = ok(replies[0] as Reply).talk.id
    expect(dump('talks').filter((t) => t._id === id)).toHaveLength(1)
    const mine = ok(await call('listTalks', {}, sec)).talks.find((t: AnyDoc) => t.id === id)
    expect(mine.notes).toBe(input.notes)
    const theirs = ok(await call('listTalks', {}, organizer)).talks.find((t: AnyDoc) => t.id === id)
    expect(theirs).toMatchObject({ notes: null, canRemove: false })
    const row = (l: AnyDoc) => l.coverage.find((r: AnyDoc) => r.requirement === 'secretaryWithCommittee' && r.status !== 'overdue' && r.periodKey.endsWith(Number(today().slice(5, 7)) <= 6 ? 'H1' : 'H2'))
    expect(row(ok(await call('listTalks', {}, sec))).covered).toBe(row(before).covered + (row(before).missing.includes('陈卫东') ? 1 : 0))
  })

  test('bad input is refused with nothing written', async () => {
    const snap = cloud.snapshot()
    for (const input of [
      { withId: DEMO.m.formal, date: addDays(today(), 1), topic: '明天' },
      { withId: DEMO.m.secretary, date: today(), topic: '自己' },
      { withId: DEMO.b2.formal, date: today(), topic: '别的支部' },
      { withId: DEMO.m.formal, date: today(), topic: '' },
      { withId: DEMO.m.formal, date: '2020-01-01', topic: '太早' },
    ]) {
      expect(errCode(await call('recordTalk', input, sec))).toBe('INVALID_INPUT')
    }
    expect(cloud.snapshot()).toEqual(snap)
  })

  test('removal: its recorder or the 书记; a mark, audited; the coverage drops it', async () => {
    expect(errCode(await call('removeTalk', { talkId: DEMO_WORKBENCH.fixtureTalk }, publicity))).toBe('FORBIDDEN')
    expect(ok(await call('removeTalk', { talkId: DEMO_WORKBENCH.fixtureTalk }, organizer))).toEqual({ id: DEMO_WORKBENCH.fixtureTalk, removed: true })
    expect(ok(await call('removeTalk', { talkId: DEMO_WORKBENCH.fixtureTalk }, sec))).toEqual({ id: DEMO_WORKBENCH.fixtureTalk, removed: false })
    expect(dump('talks').find((t) => t._id === DEMO_WORKBENCH.fixtureTalk)?.removedAt).toBeTruthy()
    expect(ok(await call('listTalks', {}, sec)).talks.some((t: AnyDoc) => t.id === DEMO_WORKBENCH.fixtureTalk)).toBe(false)
    expect(dump('audit').some((a) => a.action === 'workbench.removeTalk' && a.targetId === DEMO_WORKBENCH.fixtureTalk)).toBe(true)
  })
})
