/**
 * The points function's document ids and pure document logic: building entries (declared, automatic,
 * recorded), crediting a member's year totals with caps applied at approval, and mapping documents to the
 * contract's views. No I/O here, so the demo seed builds the very same documents.
 */
import type { EntryView, EntryStatus } from '@shared/contract/points'
import { MEETING_KIND_LABELS, type MeetingKind } from '@shared/rules/meetings/kinds'
import { applyCaps, bandLabel, yearScore } from '@shared/rules/points/scores'
import { canDeclare } from '@shared/rules/points/calendar'
import type { BranchScheme, SchemeItem } from '@shared/rules/points/branch-scheme'
import { beijingDate, formatMonthCN } from '@shared/rules/time'
import type { Caller } from '../_kit/caller'
import type { EventDoc } from '../_kit/documents'
import type { PointsBranchDoc, PointsEntryDoc, PointsReviewDoc, PointsYearDoc, ScoringDoc } from './documents'
import { stableId } from '../_kit/ids'

export const yearDocId = (memberId: string, year: number): string => `${memberId}_${year}`
export const versionDocId = (branchId: string, version: number): string => `${branchId}_v${version}`
export const publicationDocId = (branchId: string, key: string): string => `${branchId}_${key}`
/** One automatic entry per event, whatever the scheme version: re-runs and concurrent deliveries collide. */
export const autoEntryId = (eventId: string): string => stableId('pa', eventId)
/** One 申报 per member and client key: a double tap or a retried request is one entry. */
export const declaredEntryId = (memberId: string, clientKey: string): string => stableId('pd', memberId, clientKey)
export const recordedEntryId = (memberId: string, clientKey: string): string => stableId('pr', memberId, clientKey)

export const PENDING: EntryStatus[] = ['pending-group', 'pending-committee']
export const isPending = (s: EntryStatus): boolean => s === 'pending-group' || s === 'pending-committee'

const round2 = (x: number): number => Math.round(x * 100) / 100

export const scoringOf = (scheme: BranchScheme, version: number): ScoringDoc => ({
  version,
  name: scheme.name,
  base: scheme.base,
  floor: scheme.floor,
  max: scheme.max,
  scorePeriod: scheme.scorePeriod,
  yearly: scheme.yearly,
  bands: scheme.bands.map((b) => ({ ...b })),
})

/** A member's empty year (the base score, no entries). */
export function emptyYearDoc(
  member: { memberId: string; memberName: string; groupId: string | null; branchId: string },
  year: number,
  scoring: ScoringDoc,
  publications: PointsBranchDoc['publications'] = {},
  nowIso = '',
): PointsYearDoc {
  const score = yearScore(scoring, year, {}, false)
  const pubs: PointsYearDoc['publications'] = {}
  for (const [key, meta] of Object.entries(publications)) if (key.startsWith(`${year}-`)) pubs[key] = { ...meta, objection: null }
  return {
    _id: yearDocId(member.memberId, year),
    branchId: member.branchId,
    memberId: member.memberId,
    memberName: member.memberName,
    groupId: member.groupId,
    year,
    months: {},
    used: {},
    vetoEntryIds: [],
    vetoed: false,
    total: score.total,
    band: score.band,
    adds: 0,
    deducts: 0,
    periods: score.periods,
    scoring,
    publications: pubs,
    updatedAt: nowIso,
  }
}

/** Recompute the totals of a year document from its monthly sums (with the scoring given). */
export function withTotals(doc: PointsYearDoc, scoring: ScoringDoc, nowIso: string): PointsYearDoc {
  const vetoed = doc.vetoEntryIds.length > 0
  const score = yearScore(scoring, doc.year, doc.months, vetoed)
  return { ...doc, scoring, vetoed, total: score.total, band: score.band, adds: score.adds, deducts: score.deducts, periods: score.periods, updatedAt: nowIso }
}

export interface Credit {
  counted: number
  capNote: string | null
  year: PointsYearDoc
}

/**
 * Approve `requested` points of `item` for the entry's month: caps from what this item already counted for
 * the member this month and year, then the month sums and totals. Returns the new year document.
 */
export function credit(
  doc: PointsYearDoc,
  entry: Pick<PointsEntryDoc, '_id' | 'month' | 'itemCode' | 'kind'>,
  item: Pick<SchemeItem, 'name' | 'capPerMonth' | 'capPerYear' | 'veto'>,
  requested: number,
  scoring: ScoringDoc,
  nowIso: string,
): Credit {
  const usage = doc.used[entry.itemCode] ?? { year: 0, months: {} }
  const cap = applyCaps(item, requested, { month: usage.months[entry.month] ?? 0, year: usage.year })
  const month = doc.months[entry.month] ?? { adds: 0, deducts: 0 }
  const nextMonth = entry.kind === 'add' ? { ...month, adds: round2(month.adds + cap.counted) } : { ...month, deducts: round2(month.deducts + cap.counted) }
  const next: PointsYearDoc = {
    ...doc,
    months: { ...doc.months, [entry.month]: nextMonth },
    used: {
      ...doc.used,
      [entry.itemCode]: { year: round2(usage.year + cap.counted), months: { ...usage.months, [entry.month]: round2((usage.months[entry.month] ?? 0) + cap.counted) } },
    },
    vetoEntryIds: item.veto && !doc.vetoEntryIds.includes(entry._id) ? [...doc.vetoEntryIds, entry._id] : doc.vetoEntryIds,
  }
  return { counted: cap.counted, capNote: cap.note, year: withTotals(next, scoring, nowIso) }
}

/** Take an approved entry's counted points back out (revocation). */
export function debit(doc: PointsYearDoc, entry: Pick<PointsEntryDoc, '_id' | 'month' | 'itemCode' | 'kind' | 'counted'>, scoring: ScoringDoc, nowIso: string): PointsYearDoc {
  const counted = entry.counted ?? 0
  const usage = doc.used[entry.itemCode] ?? { year: 0, months: {} }
  const month = doc.months[entry.month] ?? { adds: 0, deducts: 0 }
  const clamp0 = (x: number) => Math.max(0, round2(x))
  const nextMonth = entry.kind === 'add' ? { ...month, adds: clamp0(month.adds - counted) } : { ...month, deducts: clamp0(month.deducts - counted) }
  const next: PointsYearDoc = {
    ...doc,
    months: { ...doc.months, [entry.month]: nextMonth },
    used: { ...doc.used, [entry.itemCode]: { year: clamp0(usage.year - counted), months: { ...usage.months, [entry.month]: clamp0((usage.months[entry.month] ?? 0) - counted) } } },
    vetoEntryIds: doc.vetoEntryIds.filter((id) => id !== entry._id),
  }
  return withTotals(next, scoring, nowIso)
}

// ---------------------------------------------------------------------------------------------------
// Building entries

export interface MemberRef {
  memberId: string
  memberName: string
  groupId: string | null
  branchId: string
}

const base = (
  id: string,
  m: MemberRef,
  month: string,
  item: SchemeItem,
  version: number,
  count: number,
  nowIso: string,
): Omit<PointsEntryDoc, 'origin' | 'eventId' | 'source' | 'description' | 'photos' | 'status' | 'reviews' | 'createdBy' | 'editableUntil'> => ({
  _id: id,
  branchId: m.branchId,
  memberId: m.memberId,
  memberName: m.memberName,
  groupId: m.groupId,
  year: Number(month.slice(0, 4)),
  month,
  itemCode: item.code,
  itemName: item.name,
  kind: item.kind,
  schemeVersion: version,
  count,
  points: round2(item.points * count),
  awarded: null,
  counted: null,
  capNote: null,
  createdAt: nowIso,
  updatedAt: nowIso,
})

/** The pending entry a member's 申报 creates. */
export function declaredEntry(
  m: MemberRef,
  input: { clientKey: string; month: string; count: number; description: string; photos: string[] },
  item: SchemeItem,
  version: number,
  status: EntryStatus,
  editableUntil: string,
  nowIso: string,
): PointsEntryDoc {
  return {
    ...base(declaredEntryId(m.memberId, input.clientKey), m, input.month, item, version, input.count, nowIso),
    origin: 'declared',
    eventId: null,
    source: null,
    description: input.description,
    photos: input.photos,
    status,
    reviews: [],
    editableUntil,
    createdBy: m.memberId,
  }
}

/** An automatic entry for one event (before caps: `credit` fills `counted`). */
export function autoEntry(m: MemberRef, event: EventDoc, item: SchemeItem, version: number, nowIso: string): PointsEntryDoc {
  const month = beijingDate(event.occurredAt).slice(0, 7)
  return {
    ...base(autoEntryId(event._id), m, month, item, version, 1, nowIso),
    origin: 'auto',
    eventId: event._id,
    source: { type: event.type, sourceId: event.sourceId, occurredAt: event.occurredAt, data: event.data },
    description: sourceLabel(event.type, event.data),
    photos: [],
    status: 'approved',
    reviews: [],
    editableUntil: null,
    createdBy: null,
  }
}

/** An entry the 支委 records for a member (approved at once). */
export function recordedEntry(
  m: MemberRef,
  input: { clientKey: string; month: string; count: number; reason: string },
  item: SchemeItem,
  version: number,
  by: { id: string; name: string },
  nowIso: string,
): PointsEntryDoc {
  const review: PointsReviewDoc = { stage: 'committee', decision: 'approve', byId: by.id, byName: by.name, points: null, reason: input.reason, at: nowIso }
  return {
    ...base(recordedEntryId(m.memberId, input.clientKey), m, input.month, item, version, input.count, nowIso),
    origin: 'recorded',
    eventId: null,
    source: null,
    description: input.reason,
    photos: [],
    status: 'approved',
    reviews: [review],
    editableUntil: null,
    createdBy: by.id,
  }
}

/** A line saying where an automatic entry comes from. */
export function sourceLabel(type: string, data: Record<string, unknown>): string {
  const kind = typeof data.kind === 'string' && data.kind in MEETING_KIND_LABELS ? MEETING_KIND_LABELS[data.kind as MeetingKind] : '组织生活'
  const topic = typeof data.topic === 'string' && data.topic ? `“${data.topic}”` : ''
  const month = typeof data.month === 'string' && /^\d{4}-\d{2}$/.test(data.month) ? formatMonthCN(data.month) : ''
  switch (type) {
    case 'attendance.present':
      return `参加${kind}${topic}（签到记录）`
    case 'attendance.absent':
      return `无故缺席${kind}${topic}（考勤记录）`
    case 'dues.paid-on-time':
      return `${month}党费按时交纳（党费台账）`
    case 'dues.overdue':
      return `${month}党费逾期未交（党费台账）`
    case 'volunteer.recorded': {
      const title = typeof data.title === 'string' ? data.title : '志愿服务'
      const hours = typeof data.hours === 'number' ? `，${data.hours}小时` : ''
      return `志愿服务：${title}${hours}（支部登记）`
    }
    default:
      return '自动记分'
  }
}

const SOURCE_TYPE_LABELS: Record<string, string> = {
  'attendance.present': '组织生活签到',
  'attendance.absent': '组织生活缺席',
  'dues.paid-on-time': '党费按时交纳',
  'dues.overdue': '党费逾期',
  'volunteer.recorded': '志愿服务登记',
}

// ---------------------------------------------------------------------------------------------------
// Views

/** Whether this caller may review this entry now (stage and role fit; never their own). */
export function canReviewEntry(caller: Caller, e: Pick<PointsEntryDoc, 'memberId' | 'branchId' | 'groupId' | 'status'>): boolean {
  if (!isPending(e.status) || caller.memberId === e.memberId || caller.branchId !== e.branchId) return false
  if (caller.held.has('committee')) return true
  return caller.held.has('group-leader') && e.status === 'pending-group' && !!caller.groupId && caller.groupId === e.groupId
}

export const canEditEntry = (caller: Caller, e: PointsEntryDoc, today: string): boolean =>
  e.origin === 'declared' && caller.memberId === e.memberId && isPending(e.status) && e.reviews.length === 0 && !!e.editableUntil && today <= e.editableUntil

export function entryView(e: PointsEntryDoc, caller: Caller, now: Date, urls: Map<string, string> = new Map()): EntryView {
  const today = beijingDate(now)
  return {
    id: e._id,
    memberId: e.memberId,
    memberName: e.memberName,
    groupId: e.groupId,
    month: e.month,
    itemCode: e.itemCode,
    itemName: e.itemName,
    kind: e.kind,
    count: e.count,
    points: e.points,
    awarded: e.awarded,
    counted: e.counted,
    capNote: e.capNote,
    origin: e.origin,
    source:
      e.source && e.eventId
        ? { type: e.source.type, label: SOURCE_TYPE_LABELS[e.source.type] ?? '自动记分', sourceId: e.source.sourceId, eventId: e.eventId, occurredAt: e.source.occurredAt }
        : null,
    description: e.description,
    photos: e.photos.map((fileId) => ({ fileId, url: urls.get(fileId) ?? null })),
    status: e.status,
    reviews: e.reviews.map((r) => ({ ...r })),
    schemeVersion: e.schemeVersion,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    canEdit: canEditEntry(caller, e, today),
    canReview: canReviewEntry(caller, e),
  }
}

export { bandLabel, canDeclare }
