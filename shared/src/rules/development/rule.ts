/**
 * The numbers of 发展党员 work (docs/DOMAIN.md 发展党员) as a profile section: its zod/mini schema and type.
 * The national defaults are in `profiles/national-2018.ts` from 《中国共产党发展党员工作细则》 (中办 2014); every
 * other profile inherits them. The rules in this folder read these values, never constants of their own.
 */
import * as z from 'zod/mini'

const Int = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max))

export const DevelopmentRuleSchema = z
  .strictObject({
    /** 年满十八岁 to apply (第六条 as docs/DOMAIN.md numbers it). */
    minApplicantAge: Int(14, 30),
    /** The 党组织 talks with the applicant within this many months of the application (第六条). */
    interviewWithinMonths: Int(1, 12),
    /** 谈话人 at each 谈话 (申请 and 上级党委 before approval): at least this many (第六条, 第二十三条). */
    interviewersMin: Int(1, 5),
    /** 入党积极分子 → 发展对象 after at least this many years of 培养教育和考察 (第十二条: 一年以上). */
    activistMinYears: Int(1, 5),
    /** 培养考察 of an 入党积极分子 at least this often, in months (第十一条: 每半年). */
    assessEveryMonths: Int(1, 12),
    /** 培养联系人: 一至两名正式党员 (第十条). */
    contactPersonsMin: Int(1, 5),
    contactPersonsMax: Int(1, 5),
    /** 入党介绍人: 两名正式党员 (细则, 接收预备党员). */
    sponsors: Int(1, 5),
    /** 集中培训 of a 发展对象: at least this many days or this many 学时 (第十五条). */
    trainingMinDays: Int(1, 60),
    trainingMinHours: Int(1, 500),
    /** 公示 of a 发展对象, in working days (provincial practice [L]). */
    publicityWorkingDays: Int(1, 30),
    /** The higher 党委 approves a 预备党员 (and a 转正) within this many months (第二十三条; 转正 the same). */
    approvalWithinMonths: Int(1, 12),
    /** 预备期 in years, from the day the 支部大会 passed the resolution (第二十七条). */
    probationYears: Int(1, 3),
    /** 延长预备期: at least / at most, in months (第三十条). */
    extensionMinMonths: Int(1, 24),
    extensionMaxMonths: Int(1, 24),
    /** A pending step is "due soon" this many days before its deadline [?]. */
    dueSoonDays: Int(0, 60),
    source: z.string().check(z.minLength(3)),
  })
  .check(
    z.refine((d) => d.contactPersonsMin <= d.contactPersonsMax, { message: '培养联系人人数范围不正确', path: ['contactPersonsMin'] }),
    z.refine((d) => d.extensionMinMonths <= d.extensionMaxMonths, { message: '延长预备期月数范围不正确', path: ['extensionMinMonths'] }),
  )
export type DevelopmentRule = z.infer<typeof DevelopmentRuleSchema>
