/**
 * The 新建/编辑会议 form: editable state, conversion to the contract's `MeetingFields`, and inline
 * validation with the contract's own schema (the form refuses exactly what the server would).
 */
import { MeetingFieldsSchema, type MeetingDetail, type MeetingFields } from '@shared/contract/meetings'
import { MEETING_KINDS, type MeetingKind } from '@shared/rules/meetings/kinds'
import { SIGN_IN_DISTANCE_RULE } from '@shared/rules/meetings/sign-in'

/** Sign-in radii the form offers, metres (the contract allows 50–5000). */
export const RADIUS_CHOICES = ['200', '500', '1000', '2000'] as const

export interface MeetingForm {
  kind: MeetingKind | ''
  topic: string
  date: string
  time: string
  place: string
  groupId: string
  hostId: string
  recorderId: string
  /** One agenda item per line. */
  agenda: string
  materials: string
  /** The meeting place on the map, when sign-in checks the member is near it; null = not checked. */
  location: { lat: number; lng: number } | null
  /** Sign-in radius around `location`, metres (as text, for the choice field). */
  radiusM: string
}

export type MeetingFormErrors = Partial<Record<keyof MeetingForm, string>>

export const emptyMeetingForm = (defaults: Partial<MeetingForm> = {}): MeetingForm => ({
  kind: '',
  topic: '',
  date: '',
  time: '14:30',
  place: '',
  groupId: '',
  hostId: '',
  recorderId: '',
  agenda: '',
  materials: '',
  location: null,
  radiusM: String(SIGN_IN_DISTANCE_RULE.defaultRadiusMeters),
  ...defaults,
})

const decoded = (v: string): string => {
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

/**
 * A new meeting prefilled from page parameters (`?kind=group&date=2026-10-31&groupId=…&topic=…`, as the
 * 书记 workbench links a missing meeting); anything malformed is ignored.
 */
export function prefillFromParams(params: Partial<Record<string, string>>): Partial<MeetingForm> {
  const out: Partial<MeetingForm> = {}
  const kind = params.kind
  if (kind && (MEETING_KINDS as readonly string[]).includes(kind)) out.kind = kind as MeetingKind
  if (params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date)) out.date = params.date
  if (params.groupId && /^[A-Za-z0-9_-]{1,64}$/.test(params.groupId)) out.groupId = params.groupId
  if (params.topic) out.topic = decoded(params.topic).slice(0, 60)
  return out
}

export function formFromMeeting(m: MeetingDetail): MeetingForm {
  return {
    kind: m.kind,
    topic: m.topic,
    date: m.date,
    time: m.time,
    place: m.place,
    groupId: m.groupId ?? '',
    hostId: m.hostId,
    recorderId: m.recorderId,
    agenda: m.agenda.join('\n'),
    materials: m.materials,
    location: m.location ? { lat: m.location.lat, lng: m.location.lng } : null,
    radiusM: String(m.location?.radiusM ?? SIGN_IN_DISTANCE_RULE.defaultRadiusMeters),
  }
}

const FALLBACK: Record<keyof MeetingForm, string> = {
  kind: '请选择会议类型',
  topic: '请填写会议主题',
  date: '请选择日期',
  time: '请选择时间',
  place: '请填写地点',
  groupId: '请选择党小组',
  hostId: '请选择主持人',
  recorderId: '请选择记录人',
  agenda: '议程每项不超过100字',
  materials: '学习材料不能超过4000字',
  location: '会场位置不正确，请重新定位',
  radiusM: '签到范围应在50至5000米之间',
}

const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s)

export function fieldsFromMeetingForm(f: MeetingForm): Record<string, unknown> {
  return {
    kind: f.kind,
    topic: f.topic.trim(),
    date: f.date,
    time: f.time,
    place: f.place.trim(),
    groupId: f.groupId === '' ? null : f.groupId,
    hostId: f.hostId,
    recorderId: f.recorderId,
    agenda: f.agenda
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    materials: f.materials.trim(),
    location: f.location ? { lat: round6(f.location.lat), lng: round6(f.location.lng), radiusM: Number(f.radiusM) } : null,
  }
}

/** Six decimals of a degree is about 0.1 m: enough for a meeting place. */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6

export type MeetingFormResult = { ok: true; fields: MeetingFields } | { ok: false; errors: MeetingFormErrors }

export function validateMeetingForm(f: MeetingForm): MeetingFormResult {
  const errors: MeetingFormErrors = {}
  if (f.kind === 'group' && f.groupId === '') errors.groupId = '党小组会请选择党小组'
  const parsed = MeetingFieldsSchema.safeParse(fieldsFromMeetingForm(f))
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, fields: parsed.data }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof MeetingForm | undefined
      if (key === undefined || !(key in FALLBACK) || errors[key] !== undefined) continue
      errors[key] = f[key] !== '' && hasChinese(issue.message) ? issue.message : FALLBACK[key]
    }
  }
  return { ok: false, errors }
}
