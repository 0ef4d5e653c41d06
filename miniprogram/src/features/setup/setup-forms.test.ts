import { EMPTY_MEMBER_FORM } from '@/features/org/member-form'
import { checkBranchForm, checkClaimForm, displayBootstrapCode, normaliseBootstrapCode, type BranchForm } from './setup-forms'

describe('the 初始化码 form', () => {
  test('codes are typed loosely and shown in groups of four', () => {
    expect(normaliseBootstrapCode(' abcd-efgh jklm-xyz ')).toBe('ABCDEFGHJKLM')
    expect(displayBootstrapCode('ABCDEFGHJKLM')).toBe('ABCD-EFGH-JKLM')
    expect(displayBootstrapCode('ABCDE')).toBe('ABCD-E')
  })
  test('a complete form becomes the claimAdmin input', () => {
    expect(checkClaimForm({ code: 'abcd efgh jklm', orgName: ' 中共新城街道工作委员会 ', adminName: '周明' })).toEqual({
      ok: true,
      input: { code: 'ABCD-EFGH-JKLM', orgName: '中共新城街道工作委员会', adminName: '周明' },
    })
  })
  test('each slip gets its own Chinese message', () => {
    expect(checkClaimForm({ code: 'ABCD', orgName: '', adminName: '' })).toEqual({
      ok: false,
      errors: { code: '初始化码共12位，您输入了4位', orgName: '不能为空', adminName: '请填写姓名' },
    })
    const lookAlike = checkClaimForm({ code: 'ABCDEFGHJKL0', orgName: '党委', adminName: '周明' })
    expect(lookAlike).toEqual({ ok: false, errors: { code: '初始化码中没有数字0、1和字母O、I，请仔细核对' } })
  })
})

describe('the 设立党支部 form', () => {
  const base: BranchForm = { parentId: 'org_1', kind: 'branch', name: '新城社区第一党支部', withSecretary: false, secretary: EMPTY_MEMBER_FORM }
  test('a branch alone', () => {
    expect(checkBranchForm(base)).toEqual({ ok: true, input: { parentId: 'org_1', name: '新城社区第一党支部', kind: 'branch' } })
  })
  test('with its 书记, who is always a 正式党员 without a 党小组', () => {
    const r = checkBranchForm({ ...base, withSecretary: true, secretary: { ...EMPTY_MEMBER_FORM, name: '钱进', gender: 'male', joinedAt: '2005-07-01', formalAt: '2006-07-01' } })
    expect(r.ok && r.input.secretary).toMatchObject({ name: '钱进', gender: 'male', status: 'formal', joinedAt: '2005-07-01', formalAt: '2006-07-01', groupId: null })
  })
  test('missing fields are named; a 党总支 ignores the 书记 fields', () => {
    expect(checkBranchForm({ ...base, parentId: '', name: ' ' })).toEqual({ ok: false, errors: { parentId: '请选择上级组织', name: '请填写组织名称' } })
    const noSecretaryName = checkBranchForm({ ...base, withSecretary: true })
    expect(noSecretaryName.ok ? null : noSecretaryName.errors.secretary?.name).toBe('请填写姓名')
    expect(checkBranchForm({ ...base, kind: 'general-branch', withSecretary: true }).ok).toBe(true)
  })
})
