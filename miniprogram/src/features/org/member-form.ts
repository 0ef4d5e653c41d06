/**
 * The 添加/编辑党员 form: its editable state, conversion to the contract's `MemberFields`, and inline
 * validation with the contract's own schema (so the form refuses exactly what the server would).
 */
import { MemberFieldsSchema, type DuesCategory, type MemberDetail, type MemberFields } from '@shared/contract/org'
import type { MemberStatus } from '@shared/contract/roles'

export interface MemberForm {
  name: string
  gender: 'male' | 'female' | ''
  phone: string
  joinedAt: string
  formalAt: string
  status: MemberStatus | ''
  groupId: string
  duesCategory: DuesCategory | ''
  elderly: boolean
  mobile: boolean
}

export type MemberFormErrors = Partial<Record<keyof MemberForm, string>>

export const EMPTY_MEMBER_FORM: MemberForm = {
  name: '',
  gender: '',
  phone: '',
  joinedAt: '',
  formalAt: '',
  status: '',
  groupId: '',
  duesCategory: '',
  elderly: false,
  mobile: false,
}

/** Shown when the schema's own message is not Chinese (enum and type errors). */
const FALLBACK: Record<keyof MemberForm, string> = {
  name: '请填写姓名',
  gender: '请选择性别',
  phone: '手机号应为11位数字',
  joinedAt: '请选择入党日期',
  formalAt: '转正日期格式不正确',
  status: '请选择党员状态',
  groupId: '请重新选择党小组',
  duesCategory: '请选择党费类别',
  elderly: '请重新选择',
  mobile: '请重新选择',
}

const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s)

export function formFromMember(m: MemberDetail): MemberForm {
  return {
    name: m.name,
    gender: m.gender,
    phone: m.phone ?? '',
    joinedAt: m.joinedAt,
    formalAt: m.formalAt ?? '',
    status: m.status,
    groupId: m.groupId ?? '',
    duesCategory: m.duesCategory ?? '',
    elderly: m.flags.elderly,
    mobile: m.flags.mobile,
  }
}

/** The object sent to the server: empty optional fields are left out (phone) or cleared (dates, group). */
export function fieldsFromForm(form: MemberForm): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: form.name.trim(),
    gender: form.gender,
    joinedAt: form.joinedAt,
    formalAt: form.formalAt === '' ? null : form.formalAt,
    status: form.status,
    groupId: form.groupId === '' ? null : form.groupId,
    flags: { elderly: form.elderly, mobile: form.mobile },
  }
  if (form.phone.trim() !== '') out.phone = form.phone.trim()
  if (form.duesCategory !== '') out.duesCategory = form.duesCategory
  return out
}

export type MemberFormResult = { ok: true; fields: MemberFields } | { ok: false; errors: MemberFormErrors }

export function validateMemberForm(form: MemberForm): MemberFormResult {
  const parsed = MemberFieldsSchema.safeParse(fieldsFromForm(form))
  if (parsed.success) return { ok: true, fields: parsed.data }
  const errors: MemberFormErrors = {}
  for (const issue of parsed.error.issues) {
    const head = issue.path[0]
    const key = (head === 'flags' ? issue.path[1] : head) as keyof MemberForm | undefined
    if (key === undefined || !(key in FALLBACK) || errors[key] !== undefined) continue
    errors[key] = form[key] !== '' && hasChinese(issue.message) ? issue.message : FALLBACK[key]
  }
  return { ok: false, errors }
}
