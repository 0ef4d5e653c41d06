/**
 * The points function's database steps shared by handlers and the timer: the branch head document, the
 * scheme version in force on a date, approving an entry with its year totals in one transaction, and
 * consuming domain events after the branch cursor into automatic entries (idempotent by entry id).
 */
import { AppError } from '@shared/contract/errors'
import { autoItemFor, type BranchScheme, type SchemeItem } from '@shared/rules/points/branch-scheme'
import { beijingDate } from '@shared/rules/time'
import type { EventDoc } from '../_kit/documents'
import type { MemberDoc } from '../org/public/branches'
import type { PointsBranchDoc, PointsEntryDoc, PointsReviewDoc, PointsYearDoc, ScoringDoc } from './documents'
import { files, PICTURE_LINK_SECONDS } from '../_kit/files'
import type { Log } from '../_kit/log'
import { isDuplicate, type Store, type Tx } from '../_kit/store'
import { autoEntry, autoEntryId, credit, emptyYearDoc, scoringOf, versionDocId, yearDocId, type MemberRef } from './model'

export const loadHead = (store: Store, branchId: string): Promise<PointsBranchDoc | null> => store.get('points_branches', branchId)

export const newHead = (branchId: string, nowIso: string, publishRanking = false): Omit<PointsBranchDoc, '_id'> => ({
  branchId,
  current: null,
  versions: [],
  draft: null,
  draftUpdatedAt: null,
  publishRanking,
  cursor: { at: '', id: '' },
  publications: {},
  createdAt: nowIso,
  updatedAt: nowIso,
})

/** The head document, created on first use (a concurrent creation is fine: the loser reads the winner's). */
export const ensureHead = async (store: Store, branchId: string, now: Date, publishRanking = false): Promise<PointsBranchDoc> => {
  const head = await loadHead(store, branchId)
  if (head) return head
  try {
    await store.add('points_branches', { _id: branchId, ...newHead(branchId, now.toISOString(), publishRanking) })
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
  const created = await loadHead(store, branchId)
  if (!created) throw new AppError('INTERNAL')
  return created
}

export interface SchemeAt {
  version: number
  scheme: BranchScheme
}

/**
 * The scheme in force on `date`: the latest version whose effective date is not after it. Versions other
 * than the current one are read from `points_schemes` (cached per invocation through `cache`).
 */
export const schemeAt = async (store: Store, head: PointsBranchDoc, date: string, cache: Map<number, BranchScheme> = new Map()): Promise<SchemeAt | null> => {
  const current = head.current
  if (!current) return null
  const v = [...head.versions].sort((a, b) => b.version - a.version).find((x) => x.effectiveFrom <= date)
  if (!v) return null
  if (v.version === current.version) return { version: current.version, scheme: current.scheme }
  const hit = cache.get(v.version)
  if (hit) return { version: v.version, scheme: hit }
  const doc = await store.get('points_schemes', versionDocId(head.branchId, v.version))
  if (!doc) throw new AppError('INTERNAL')
  cache.set(v.version, doc.scheme)
  return { version: v.version, scheme: doc.scheme }
}

/** The item an entry was scored under (its own scheme version). */
export const itemOfEntry = async (store: Store, head: PointsBranchDoc, entry: Pick<PointsEntryDoc, 'schemeVersion' | 'itemCode'>): Promise<SchemeItem> => {
  let scheme: BranchScheme | null = null
  if (head.current?.version === entry.schemeVersion) scheme = head.current.scheme
  else scheme = (await store.get('points_schemes', versionDocId(head.branchId, entry.schemeVersion)))?.scheme ?? null
  const item = scheme?.items.find((i) => i.code === entry.itemCode)
  if (!item) throw new AppError('NOT_FOUND', '没有找到该积分项目')
  return item
}

/**
 * The scoring numbers (base, bands, period) for a year's totals: the version in force at the year's end, so
 * every member of a year is scored alike (each entry's points and caps keep their own version).
 */
export const scoringFor = async (store: Store, head: PointsBranchDoc, year: number): Promise<ScoringDoc | null> => {
  const at = await schemeAt(store, head, `${year}-12-31`)
  return at ? scoringOf(at.scheme, at.version) : null
}

export interface Approval {
  entry: PointsEntryDoc
  year: PointsYearDoc
}

/**
 * Inside a transaction: approve `entry` (already checked pending by the caller) with `requested` points,
 * applying caps against the member's year, and write both documents. `review` is appended when given.
 */
export const approveTx = async (
  tx: Tx,
  entry: PointsEntryDoc,
  item: SchemeItem,
  requested: number,
  scoring: ScoringDoc,
  publications: PointsBranchDoc['publications'],
  now: Date,
  review: PointsReviewDoc | null,
  create = false,
): Promise<Approval> => {
  const nowIso = now.toISOString()
  const yid = yearDocId(entry.memberId, entry.year)
  const year = (await tx.get('points_years', yid)) ?? emptyYearDoc(entry, entry.year, scoring, publications, nowIso)
  const c = credit(year, entry, item, requested, scoring, nowIso)
  const next: PointsEntryDoc = {
    ...entry,
    status: 'approved',
    counted: c.counted,
    capNote: c.capNote,
    reviews: review ? [...entry.reviews, review] : entry.reviews,
    updatedAt: nowIso,
  }
  const { _id: entryId, ...entryBody } = next
  if (create) await tx.create('points_entries', entryId, entryBody)
  else await tx.set('points_entries', entryId, entryBody)
  const { _id: _y, ...yearBody } = { ...c.year, memberName: entry.memberName, groupId: entry.groupId }
  await tx.set('points_years', yid, yearBody)
  return { entry: next, year: { ...c.year } }
}

// ---------------------------------------------------------------------------------------------------
// Events → automatic entries

/** Events of a branch after the cursor (createdAt, then id), oldest first. */
const eventsAfterCursor = (store: Store, branchId: string, cursor: { at: string; id: string }, limit: number): Promise<EventDoc[]> => {
  const _ = store.cmd
  const where = _.and([{ branchId }, _.or([{ createdAt: _.gt(cursor.at) }, { createdAt: cursor.at, _id: _.gt(cursor.id) }])])
  return store.find('events', where, {
    orderBy: [
      ['createdAt', 'asc'],
      ['_id', 'asc'],
    ],
    limit,
  })
}

export interface ConsumeResult {
  processed: number
  credited: number
  more: boolean
}

interface Pending {
  event: EventDoc
  item: SchemeItem
  version: number
  member: MemberRef
  year: number
}

const after = (a: { at: string; id: string }, b: { at: string; id: string }): boolean => a.at > b.at || (a.at === b.at && a.id > b.id)

/**
 * Credit the automatic entries for up to `limit` events after the branch's cursor, then move the cursor.
 * Each member-year is one transaction that skips entries already there, so a re-run, or the same event
 * consumed twice at once (the timer and a member's view), credits it exactly once.
 */
export const consumeEvents = async (store: Store, head: PointsBranchDoc, now: Date, limit: number, log?: Log): Promise<ConsumeResult> => {
  if (!head.current) return { processed: 0, credited: 0, more: false }
  const events = await eventsAfterCursor(store, head.branchId, head.cursor, limit)
  if (events.length === 0) return { processed: 0, credited: 0, more: false }

  const memberIds = [...new Set(events.map((e) => e.memberId))]
  const members = new Map<string, MemberDoc>(
    (await store.find('members', { _id: store.cmd.in(memberIds) }, { limit: 1000 })).map((m) => [m._id, m]),
  )
  const cache = new Map<number, BranchScheme>()
  const groups = new Map<string, Pending[]>()
  for (const event of events) {
    const member = members.get(event.memberId)
    if (!member || member.branchId !== head.branchId) continue
    const date = beijingDate(event.occurredAt)
    const at = await schemeAt(store, head, date, cache)
    if (!at) continue // before the first scheme took effect: never scored
    const item = autoItemFor(at.scheme, event)
    if (!item) continue
    const year = Number(date.slice(0, 4))
    const key = yearDocId(member._id, year)
    const list = groups.get(key) ?? []
    list.push({ event, item, version: at.version, year, member: { memberId: member._id, memberName: member.name, groupId: member.groupId, branchId: member.branchId } })
    groups.set(key, list)
  }

  // Most re-read events already have their entry (a re-run, a concurrent consumer): one query skips them.
  const candidates = [...groups.values()].flat().map((p) => autoEntryId(p.event._id))
  const existing = new Set(
    candidates.length
      ? (await store.find('points_entries', { _id: store.cmd.in(candidates) }, { limit: 1000, fields: { _id: true } })).map((e) => e._id)
      : [],
  )
  for (const [key, list] of groups) {
    const rest = list.filter((p) => !existing.has(autoEntryId(p.event._id)))
    if (rest.length) groups.set(key, rest)
    else groups.delete(key)
  }

  let credited = 0
  const scorings = new Map<number, ScoringDoc | null>()
  for (const list of groups.values()) {
    const first = list[0] as Pending
    if (!scorings.has(first.year)) scorings.set(first.year, await scoringFor(store, head, first.year))
    const scoring = scorings.get(first.year)
    if (!scoring) continue
    const run = () =>
      store.transaction(async (tx) => {
        let n = 0
        const nowIso = now.toISOString()
        const yid = yearDocId(first.member.memberId, first.year)
        let year = (await tx.get('points_years', yid)) ?? emptyYearDoc(first.member, first.year, scoring, head.publications, nowIso)
        const fresh: PointsEntryDoc[] = []
        for (const p of list) {
          const entry = autoEntry(p.member, p.event, p.item, p.version, nowIso)
          if (fresh.some((f) => f._id === entry._id) || (await tx.get('points_entries', entry._id))) continue
          const c = credit(year, entry, p.item, entry.points, scoring, nowIso)
          year = c.year
          fresh.push({ ...entry, counted: c.counted, capNote: c.capNote })
        }
        for (const e of fresh) {
          const { _id, ...body } = e
          await tx.create('points_entries', _id, body)
          n++
        }
        if (n > 0) {
          const { _id: _y, ...body } = year
          await tx.set('points_years', yid, body)
        }
        return n
      })
    try {
      credited += await run()
    } catch (e) {
      // Another consumer created one of these entries between our read and write: read again, once.
      if (!isDuplicate(e)) throw e
      credited += await run()
    }
  }

  const last = events[events.length - 1] as EventDoc
  const next = { at: last.createdAt, id: last._id }
  if (after(next, head.cursor)) {
    // Only forward: a slower consumer finishing later never moves the cursor back (re-reading is harmless anyway).
    await store.updateWhere('points_branches', { _id: head.branchId, 'cursor.at': store.cmd.lte(next.at) }, { cursor: next, updatedAt: now.toISOString() })
    head.cursor = next
  }
  if (credited > 0) log?.info('auto entries credited', { branchId: head.branchId, events: events.length, credited })
  return { processed: events.length, credited, more: events.length === limit }
}

/** Temporary links for photos (storage, not the database). */
export const photoUrls = async (fileIds: readonly string[]): Promise<Map<string, string>> => {
  if (fileIds.length === 0) return new Map()
  try {
    return await files().tempUrls([...new Set(fileIds)], PICTURE_LINK_SECONDS)
  } catch {
    return new Map() // a view without pictures beats no view
  }
}
