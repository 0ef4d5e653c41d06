/**
 * meetings' reminder planning (the reminders timer combines it, reminders/plan.ts): the 主题党日 the day
 * before and that morning — its date from the planned meeting, else the published plan, else the branch's
 * fixed-day rule — and a meeting starting within 2 hours for everyone on its roster not on leave. Three
 * reads over every branch: 主题党日 meetings and plan items around today, meetings starting soon.
 */
import { MEETING_KIND_LABELS } from '@shared/rules/meetings/kinds'
import { dueThemeDayReminders, MEETING_LEAD_MINUTES, themeDayRemindersOn, type ThemeDayOverride } from '@shared/rules/reminders/schedule'
import { addDays, beijingDate, monthOf, parseDate, toEpochMs } from '@shared/rules/time'
import { clip, type LaterReminder, type PlannedReminder, type ReminderPlan } from '../../_kit/reminder-plan'
import type { Store } from '../../_kit/store'
import { meetingsStartingBetween, themeDayMeetings, themeDayPlanItems } from './upcoming'

const LINK = '/pages/meetings/index'

/** The 主题党日 of each month a planned meeting or the published plan fixes, by branch and month. */
async function themeDayOverrides(store: Store, today: string): Promise<Map<string, Record<string, ThemeDayOverride>>> {
  const from = `${monthOf(addDays(today, -40))}-01`
  const to = addDays(today, 40)
  const years = [...new Set([parseDate(from).year, parseDate(to).year])]
  const [meetings, items] = await Promise.all([themeDayMeetings(store, from, to), themeDayPlanItems(store, years, from, to)])
  const out = new Map<string, Record<string, ThemeDayOverride>>()
  const put = (branchId: string, o: ThemeDayOverride, strong: boolean) => {
    const byMonth = out.get(branchId) ?? {}
    const m = monthOf(o.date)
    const cur = byMonth[m]
    // A meeting beats a plan item; within a kind the earlier date wins.
    if (!cur || strong || o.date < cur.date) byMonth[m] = o
    out.set(branchId, byMonth)
  }
  for (const i of [...items].sort((a, b) => (a.date < b.date ? 1 : -1))) put(i.branchId, { date: i.date, time: i.time || null, place: null, topic: i.topic || null }, false)
  for (const m of [...meetings].sort((a, b) => (a.date < b.date ? 1 : -1))) put(m.branchId, { date: m.date, time: m.time || null, place: m.place || null, topic: m.topic || null }, true)
  return out
}

export const planMeetingReminders: ReminderPlan = async (store, now) => {
  const nowIso = now.toISOString()
  const soon = new Date(now.getTime() + MEETING_LEAD_MINUTES * 60_000).toISOString()
  const [overrides, meetings] = await Promise.all([themeDayOverrides(store, beijingDate(now)), meetingsStartingBetween(store, nowIso, soon)])

  return ({ branches, known, today, log }) => {
    const pending: PlannedReminder[] = []
    const later: LaterReminder[] = []
    for (const { branch: b } of branches) {
      const os = overrides.get(b._id) ?? {}
      for (const e of dueThemeDayReminders(b.themeDayRule ?? null, os, now)) {
        const eve = e.kind === 'theme-day-eve'
        const o = e.override
        const topicLine = o?.topic ? clip(o.topic, 30) : null
        pending.push({
          branchId: b._id,
          urgent: false,
          eventKey: `${b._id}:${e.key}`,
          topic: 'theme-day',
          dueAt: e.dueAt,
          expiresAt: e.expiresAt,
          audience: { kind: 'branch' },
          todo: {
            subject: e.subjectDate,
            title: e.title,
            detail: [o?.time ? `${o.time}开始` : null, o?.place ?? null, topicLine].filter(Boolean).join(' · ') || '请按支部通知参加',
            link: LINK,
            dueDate: e.subjectDate,
            until: e.subjectDate,
          },
          message: {
            title: o?.topic ? `主题党日：${o.topic}` : '主题党日',
            date: e.subjectDate,
            time: o?.time ?? null,
            place: o?.place ?? '以支部通知为准',
            note: eve ? '明天是主题党日，请按时参加' : '今天是主题党日，请按时参加',
          },
        })
      }
      try {
        for (const e of themeDayRemindersOn(b.themeDayRule ?? null, os, today)) {
          if (toEpochMs(e.dueAt) > now.getTime()) later.push({ branchId: b._id, topic: 'theme-day', audience: { kind: 'branch' } })
        }
      } catch (e) {
        log.error('branch calendar failed', { branchId: b._id, message: e instanceof Error ? e.message : String(e) })
      }
    }

    for (const m of meetings) {
      // The 主题党日 has its own reminders (the day before and that morning): no third one.
      if (m.kind === 'theme-day' || !known.has(m.branchId)) continue
      const leave = new Set(m.leaveIds ?? [])
      const name = m.topic || MEETING_KIND_LABELS[m.kind]
      pending.push({
        eventKey: `meeting:${m._id}:${m.startsAt}`,
        topic: 'meeting',
        branchId: m.branchId,
        dueAt: new Date(toEpochMs(m.startsAt) - MEETING_LEAD_MINUTES * 60_000).toISOString(),
        expiresAt: m.startsAt,
        urgent: true,
        audience: { kind: 'members', memberIds: (m.rosterIds ?? []).filter((id) => !leave.has(id)), mandatory: true },
        todo: { subject: m._id, title: `${m.time}${MEETING_KIND_LABELS[m.kind]}：${clip(name, 20)}`, detail: m.place || null, link: LINK, dueDate: m.date, until: m.date },
        message: { title: name, date: m.date, time: m.time, place: m.place || '以会议通知为准', note: '会议将于2小时内开始，请准时参加' },
      })
    }
    return { pending, later }
  }
}
