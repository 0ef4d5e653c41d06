/**
 * First run: the 初始化码 form that makes the 上级党委 admin (`org.claimAdmin`) and the 设立党支部
 * form (`org.createBranch`), validated with the contract's own schemas so the page refuses what the server would.
 */
import { BootstrapCode, org, type MemberFields } from '@shared/contract/org'
import { validateMemberForm, type MemberForm, type MemberFormErrors } from '@/features/org/member-form'

/** What may be typed in the code box: letters and digits, upper-cased, at most 12 (dashes are added for display). */
export const normaliseBootstrapCode = (raw: string): string => raw.replace(/[^0-9a-zA-Z]/g, '').toUpperCase().slice(0, 12)

/** `ABCDEFGHJKLM` → `ABCD-EFGH-JKLM`. */
export const displayBootstrapCode = (code: string): string => (code.match(/.{1,4}/g) ?? []).join('-')

export interface ClaimForm {
  code: string
  orgName: string
  adminName: string
}
export type ClaimErrors = Partial<Record<keyof ClaimForm, string>>
export interface ClaimInput {
  code: string
  orgName: string
  adminName: string
}

const firstChinese = (issues: readonly { message: string }[], fallback: string): string =>
  issues.find((i) => /[\u4e00-\u9fff]/.test(i.message))?.message ?? fallback

export function checkClaimForm(form: ClaimForm): { ok: true; input: ClaimInput } | { ok: false; errors: ClaimErrors } {
  const errors: ClaimErrors = {}
  const code = normaliseBootstrapCode(form.code)
  if (code.length < 12) errors.code = `初始化码共12位，您输入了${code.length}位`
  else if (/[01IO]/.test(code)) errors.code = '初始化码中没有数字0、1和字母O、I，请仔细核对'
  else if (!BootstrapCode.safeParse(code).success) errors.code = '初始化码应为12位字母或数字'
  const parsed = org.actions.claimAdmin.input.safeParse({ code: displayBootstrapCode(code), orgName: form.orgName, adminName: form.adminName })
  if (!parsed.success) {
    for (const key of ['orgName', 'adminName'] as const) {
      const issues = parsed.error.issues.filter((i) => i.path[0] === key)
      if (issues.length) errors[key] = firstChinese(issues, key === 'orgName' ? '请填写上级党委名称' : '请填写您的姓名')
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors: Object.keys(errors).length ? errors : { code: '初始化码应为12位字母或数字' } }
  return { ok: true, input: parsed.data }
}

export type BranchKind = 'branch' | 'general-branch'

export interface BranchForm {
  parentId: string
  kind: BranchKind
  name: string
  withSecretary: boolean
  secretary: MemberForm
}
export type BranchErrors = { parentId?: string; name?: string; secretary?: MemberFormErrors }

export type CreateBranchInput = { parentId: string; name: string; kind: BranchKind; secretary?: MemberFields }

export function checkBranchForm(form: BranchForm): { ok: true; input: CreateBranchInput } | { ok: false; errors: BranchErrors } {
  const errors: BranchErrors = {}
  if (!form.parentId) errors.parentId = '请选择上级组织'
  const name = form.name.trim()
  if (!name) errors.name = '请填写组织名称'
  else if (Array.from(name).length > 40) errors.name = '名称不能超过40个字'
  let secretary: MemberFields | undefined
  if (form.kind === 'branch' && form.withSecretary) {
    const checked = validateMemberForm({ ...form.secretary, status: 'formal', groupId: '' })
    if (checked.ok) secretary = checked.fields
    else errors.secretary = checked.errors
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  const input: CreateBranchInput = { parentId: form.parentId, name, kind: form.kind, ...(secretary ? { secretary } : {}) }
  const parsed = org.actions.createBranch.input.safeParse(input)
  if (!parsed.success) return { ok: false, errors: { name: firstChinese(parsed.error.issues, '请检查填写的内容') } }
  return { ok: true, input }
}
