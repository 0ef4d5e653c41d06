import { member } from '@/test-utils/fixtures'
import { EMPTY_MEMBER_FORM, fieldsFromForm, formFromMember, validateMemberForm, type MemberForm } from './member-form'

const valid: MemberForm = {
  ...EMPTY_MEMBER_FORM,
  name: ' 刘芳 ',
  gender: 'female',
  joinedAt: '2025-03-01',
  status: 'probationary',
}

describe('validateMemberForm', () => {
  it('accepts a minimal member and trims the name', () => {
    const r = validateMemberForm(valid)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.fields).toMatchObject({ name: '刘芳', gender: 'female', joinedAt: '2025-03-01', status: 'probationary', formalAt: null, groupId: null })
  })

  it('names every missing required field in Chinese', () => {
    const r = validateMemberForm(EMPTY_MEMBER_FORM)
    expect(r).toEqual({
      ok: false,
      errors: { name: '请填写姓名', gender: '请选择性别', joinedAt: '请选择入党日期', status: '请选择党员状态' },
    })
  })

  it('uses the contract messages for malformed values', () => {
    const r = validateMemberForm({ ...valid, phone: '1381234', name: '张3', joinedAt: '2025-02-30' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors.phone).toBe('手机号应为11位数字')
      expect(r.errors.name).toBe('姓名格式不正确')
      expect(r.errors.joinedAt).toBe('日期不存在')
    }
  })
})

describe('form ↔ member', () => {
  it('leaves out an empty phone and dues category, and clears empty dates and group', () => {
    expect(fieldsFromForm(valid)).toEqual({
      name: '刘芳',
      gender: 'female',
      joinedAt: '2025-03-01',
      formalAt: null,
      status: 'probationary',
      groupId: null,
      flags: { elderly: false, mobile: false },
    })
  })

  it('round-trips a member record', () => {
    const m = member('m9', '陈志强', { flags: { elderly: true, mobile: false }, duesCategory: 'retired' })
    const r = validateMemberForm(formFromMember(m))
    expect(r.ok && r.fields).toEqual({
      name: '陈志强',
      gender: 'male',
      phone: '13812345678',
      joinedAt: '2008-07-01',
      formalAt: '2009-07-01',
      status: 'formal',
      groupId: 'g1',
      duesCategory: 'retired',
      flags: { elderly: true, mobile: false },
    })
  })
})
