/**
 * 达标 self-assessment standards as data (docs/DOMAIN.md §7): the 100-point 党支部标准化规范化建设达标标准 of
 * seed `001_473cea6eeca10bbc` — six areas, their scored items, the 考核要点, the evidence to show and the
 * deductions. Items the app can judge from its own records carry `auto` checks (every deduction amount is
 * data here); the rest are scored by hand. Keyed by standard id; each profile names the standard it uses.
 */
import * as z from 'zod/mini'
import { RuleInputError } from '../rules/errors'
import { MeetingKindSchema } from '../rules/meetings/kind-schema'
import type { ProfileId } from './ids'

export const SEED_001 = '[L] 职业学院党支部标准化规范化建设达标标准（seed 001_473cea6eeca10bbc）'

/** Where an item's evidence lives in the app (the UI maps each to a page). */
export const EVIDENCE_PAGES = ['branch', 'members', 'meetings', 'evaluation', 'dues', 'points', 'talks', 'study'] as const
export type EvidencePage = (typeof EVIDENCE_PAGES)[number]

const Points = z.number().check(z.gte(0), z.lte(100))

/**
 * What the app can check from its records. Amounts are the seed's deductions (the lower end of a range
 * like "扣0.5-1分", the 书记 can deduct more by hand on mixed items).
 */
export const AutoCheckSchema = z.discriminatedUnion('check', [
  /** Deduct `points` for each 支部设置 finding of these codes (branchSetupChecks), at most `max`. */
  z.strictObject({
    check: z.literal('setup'),
    codes: z.array(z.string()).check(z.minLength(1)),
    points: Points,
    max: Points,
    label: z.string(),
  }),
  /** Deduct `points` when 换届 is overdue (reelectionStatus overdue or hard-overdue). */
  z.strictObject({ check: z.literal('reelection'), points: Points, label: z.string() }),
  /**
   * Meetings of `kinds` required by the branch's profile: `perGap` for each ended period held short
   * (only 书记 党课 requirements when `bySecretary`); `noneHeld` instead when none was held all year.
   */
  z.strictObject({
    check: z.literal('meetings'),
    kinds: z.array(MeetingKindSchema).check(z.minLength(1)),
    bySecretary: z.optional(z.boolean()),
    perGap: Points,
    noneHeld: z.optional(Points),
    label: z.string(),
  }),
  /** 民主评议 of the year: `none` when no round was opened, `unfinished` while its results are not published. */
  z.strictObject({ check: z.literal('evaluation'), none: Points, unfinished: Points, label: z.string() }),
  /** 党费: `perMember` for each member whose arrears reach the profile's warning (3 months), at most `max`. */
  z.strictObject({ check: z.literal('dues'), perMember: Points, max: Points, label: z.string() }),
])
export type AutoCheck = z.infer<typeof AutoCheckSchema>

export const AssessmentItemSchema = z.strictObject({
  /** Second-level code `4.1`: the unit that is scored. */
  code: z.string().check(z.regex(/^\d+\.\d+$/)),
  title: z.string(),
  max: Points,
  /** Third-level 考核要点 (`4.1.1 …`). */
  points: z.array(z.strictObject({ code: z.string(), text: z.string() })).check(z.minLength(1)),
  /** 计分依据 / 佐证材料 as the standard words it. */
  evidence: z.string(),
  /** 扣分 rule as the standard words it. */
  deduction: z.string(),
  /** `auto`: scored from records; `mixed`: auto deductions plus a hand deduction; `manual`: by hand. */
  mode: z.enum(['auto', 'mixed', 'manual']),
  auto: z.array(AutoCheckSchema),
  /** Pages holding the records that back this item. */
  links: z.array(z.enum(EVIDENCE_PAGES)),
})
export type AssessmentItem = z.infer<typeof AssessmentItemSchema>

export const AssessmentAreaSchema = z.strictObject({
  code: z.string().check(z.regex(/^\d+$/)),
  title: z.string(),
  max: Points,
  items: z.array(AssessmentItemSchema).check(z.minLength(1)),
})
export type AssessmentArea = z.infer<typeof AssessmentAreaSchema>

export const AssessmentStandardSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    source: z.string(),
    total: Points,
    areas: z.array(AssessmentAreaSchema).check(z.minLength(1)),
  })
  .check(
    z.refine((s) => s.areas.every((a) => a.items.reduce((n, i) => n + i.max, 0) === a.max), { message: '二级指标分值之和应等于一级指标分值' }),
    z.refine((s) => s.areas.reduce((n, a) => n + a.max, 0) === s.total, { message: '一级指标分值之和应等于总分' }),
    z.refine((s) => s.areas.every((a) => a.items.every((i) => i.code.startsWith(`${a.code}.`))), { message: '二级指标编号应属于其一级指标' }),
    z.refine((s) => s.areas.every((a) => a.items.every((i) => (i.mode === 'manual') === (i.auto.length === 0))), {
      message: '只有手工评分项可以没有自动检查',
    }),
  )
export type AssessmentStandard = z.infer<typeof AssessmentStandardSchema>

const GAP = '工作有疏漏的每项扣0.5-1分。'

/** The 100-point table of seed `001_…`, item by item. */
export const STANDARD_ZJ_2019: AssessmentStandard = {
  id: 'zj-2019',
  name: '党支部标准化规范化建设达标标准（100分）',
  source: SEED_001,
  total: 100,
  areas: [
    {
      code: '1',
      title: '组织设置',
      max: 10,
      items: [
        {
          code: '1.1',
          title: '党支部设置',
          max: 5,
          points: [
            { code: '1.1.1', text: '正式党员3人以上的，经上级党组织批准，成立党支部。正式党员不足3人的，成立联合党支部。党支部党员人数一般不超过50人。' },
            { code: '1.1.2', text: '教工党支部，一般按系部、专业、教研室、部门等教学科研管理服务实体设置。学生党支部，一般按学科、专业或年级、班级设置。' },
            { code: '1.1.3', text: '党员人数较多或者党员工作地、居住地比较分散的党支部，应划分若干党小组。' },
          ],
          evidence: '支部设置的相关请示、批复等材料',
          deduction: '支部设置不符合规定扣1-2分，党员人数不符合规定扣1分，未按规定划分党小组扣0.5-1分。',
          mode: 'mixed',
          auto: [
            { check: 'setup', codes: ['TOO_FEW_FORMAL_MEMBERS'], points: 1, max: 2, label: '支部设置不符合规定' },
            { check: 'setup', codes: ['OVER_MEMBER_LIMIT'], points: 1, max: 1, label: '党员人数不符合规定' },
            { check: 'setup', codes: ['GROUPS_RECOMMENDED', 'GROUP_TOO_SMALL'], points: 0.5, max: 1, label: '未按规定划分党小组' },
          ],
          links: ['branch', 'members'],
        },
        {
          code: '1.2',
          title: '支委会配置',
          max: 3,
          points: [
            { code: '1.2.1', text: '有正式党员7人以上的党支部，设立党支部委员会。正式党员不足7人的党支部，设1名书记，必要时可以设1名副书记。' },
            { code: '1.2.2', text: '党支部书记、副书记、委员按照规定选举产生。确有必要时，上级党组织可以指派党支部书记和副书记。' },
            { code: '1.2.3', text: '党支部委员会每届任期3年，任期届满应按期换届。' },
            { code: '1.2.4', text: '支部书记负责抓好支委会自身建设，支委会成员按照职责分工开展工作，自觉接受上级党组织和党员、师生员工监督。' },
          ],
          evidence: '相关请示、批复材料；选举过程材料；换届选举材料；会议记录',
          deduction: '未按规定成立支委会扣2分，主要支委成员配备不齐扣1-2分。未按要求换届的扣2分。',
          mode: 'mixed',
          auto: [
            { check: 'setup', codes: ['COMMITTEE_REQUIRED'], points: 2, max: 2, label: '未按规定成立支委会' },
            { check: 'setup', codes: ['COMMITTEE_ROLE_MISSING', 'COMMITTEE_TOO_SMALL'], points: 1, max: 2, label: '主要支委成员配备不齐' },
            { check: 'reelection', points: 2, label: '未按要求换届' },
          ],
          links: ['branch'],
        },
        {
          code: '1.3',
          title: '党支部书记选用',
          max: 2,
          points: [
            {
              code: '1.3.1',
              text: '党支部书记应当具备良好政治素质，热爱党的工作，具有一定的政策理论水平、组织协调能力和群众工作本领，敢于担当、乐于奉献，带头发挥先锋模范作用，在党员、群众中有较高威信。一般应当具有1年以上党龄。教师党支部书记按“双带头人”要求选配。',
            },
          ],
          evidence: '相关佐证材料',
          deduction: '支部书记不符合选任条件扣1-2分，教师党支部书记不是“双带头人”的扣2分。',
          mode: 'mixed',
          auto: [{ check: 'setup', codes: ['SECRETARY_MISSING', 'SECRETARY_PARTY_AGE_SHORT'], points: 1, max: 2, label: '支部书记不符合选任条件' }],
          links: ['branch'],
        },
      ],
    },
    {
      code: '2',
      title: '推进中心工作',
      max: 15,
      items: [
        {
          code: '2.1',
          title: '发挥党支部战斗堡垒作用',
          max: 5,
          points: [
            { code: '2.1.1', text: '强化政治引领和思想引导，及时学习宣传贯彻党的路线方针政策和上级决议，组织引领群众听党话、跟党走。' },
            { code: '2.1.2', text: '坚持围绕中心、服务大局，团结带领群众完成好上级部署的各项工作任务。' },
          ],
          evidence: '相关佐证材料',
          deduction: GAP,
          mode: 'manual',
          auto: [],
          links: ['meetings'],
        },
        {
          code: '2.2',
          title: '发挥党员先锋模范作用',
          max: 4,
          points: [
            { code: '2.2.1', text: '推动党员带头爱岗敬业，在本职岗位上发挥先锋模范作用；推动党员带头攻坚克难，在急难险重任务中发挥先锋模范作用。' },
            { code: '2.2.2', text: '健全完善服务机制，搭建交流平台，丰富服务载体。' },
          ],
          evidence: '相关佐证材料',
          deduction: GAP,
          mode: 'manual',
          auto: [],
          links: ['points'],
        },
        {
          code: '2.3',
          title: '服务发展',
          max: 4,
          points: [
            { code: '2.3.1', text: '做好党员联系服务群众工作，常态化了解群众困难诉求、倾听意见建议、帮助解决实际困难。' },
            { code: '2.3.2', text: '组织开展志愿服务等活动，提升服务水平。' },
          ],
          evidence: '相关佐证材料',
          deduction: GAP,
          mode: 'manual',
          auto: [],
          links: ['points'],
        },
        {
          code: '2.4',
          title: '党建带群建',
          max: 2,
          points: [{ code: '2.4.1', text: '关心支持群团工作，发挥好群团组织作用，组织带领群团组织积极推进中心工作和重点任务。' }],
          evidence: '相关佐证材料',
          deduction: GAP,
          mode: 'manual',
          auto: [],
          links: [],
        },
      ],
    },
    {
      code: '3',
      title: '党员教育管理',
      max: 25,
      items: [
        {
          code: '3.1',
          title: '发展党员',
          max: 10,
          points: [
            { code: '3.1.1', text: '坚持把政治标准放在首位，做好发展党员工作，落实好“双培养”机制和全程纪实制度。' },
            { code: '3.1.2', text: '上级党组织加强对党支部发展党员工作指导检查、审核审批、严格把关，确保发展党员工作质量。' },
          ],
          evidence: '党员发展相关支撑材料',
          deduction: GAP,
          mode: 'manual',
          auto: [],
          links: ['members'],
        },
        {
          code: '3.2',
          title: '党员教育',
          max: 10,
          points: [
            { code: '3.2.1', text: '推进“两学一做”学习教育常态化制度化，贴近党员实际开展教育活动，组织党员参加集中学习培训。' },
            { code: '3.2.2', text: '发挥典型教育作用，拓宽教育阵地和渠道，提高党员教育的针对性和实效性。' },
          ],
          evidence: '1.学习记录 2.过程材料',
          deduction: '其他工作有疏漏的每项扣0.5-1分。',
          mode: 'manual',
          auto: [],
          links: ['study', 'talks'],
        },
        {
          code: '3.3',
          title: '党员管理',
          max: 3,
          points: [
            { code: '3.3.1', text: '加强纪律作风建设，落实党员管理制度，本年度支部无党员受党政纪律处分。' },
            { code: '3.3.2', text: '做好党员纪实管理工作。如实记录党员参加学习教育、组织生活、发挥作用以及奖惩等情况。' },
            { code: '3.3.3', text: '做好党员党组织关系接转、流动党员管理、党费收缴等工作。' },
          ],
          evidence: '查阅文件；1.会议记录 2.组织生活过程材料 3.党费收缴记录',
          deduction: '支部有党员受党纪政纪处分的每人次扣1分；' + GAP,
          mode: 'mixed',
          auto: [{ check: 'dues', perMember: 0.5, max: 2, label: '党费未按月足额收缴' }],
          links: ['dues', 'meetings'],
        },
        {
          code: '3.4',
          title: '党内激励关怀',
          max: 2,
          points: [
            { code: '3.4.1', text: '落实党支部工作情况通报、重大事项征求意见、有关事项公开公示等制度，保障党员的知情权、参与权、选举权、监督权。' },
            { code: '3.4.2', text: '按照上级党组织部署，做好党内表彰工作。' },
          ],
          evidence: '会议记录等相关支撑材料；评先评优的相关材料',
          deduction: GAP,
          mode: 'manual',
          auto: [],
          links: ['points', 'talks'],
        },
      ],
    },
    {
      code: '4',
      title: '组织生活',
      max: 15,
      items: [
        {
          code: '4.1',
          title: '“三会一课”',
          max: 3,
          points: [{ code: '4.1.1', text: '正常开展“三会一课”：党小组会、支委会一般每月召开1次，党员大会一般每季度召开1次，按规定讲党课。' }],
          evidence: '相关佐证材料',
          deduction: '工作有缺失的每项扣0.5-1分。',
          mode: 'auto',
          auto: [{ check: 'meetings', kinds: ['party-congress', 'committee', 'group', 'lecture'], perGap: 0.5, label: '“三会一课”缺失' }],
          links: ['meetings'],
        },
        {
          code: '4.2',
          title: '组织生活会',
          max: 2,
          points: [{ code: '4.2.1', text: '每年至少召开1次组织生活会，按上级党组织部署要求开好专题组织生活会。' }],
          evidence: '相关记录及过程材料',
          deduction: '未开展的扣2分，工作有疏漏的每项扣0.5-1分。',
          mode: 'auto',
          auto: [{ check: 'meetings', kinds: ['life-meeting'], perGap: 0.5, noneHeld: 2, label: '组织生活会未按期召开' }],
          links: ['meetings'],
        },
        {
          code: '4.3',
          title: '民主评议党员',
          max: 2,
          points: [{ code: '4.3.1', text: '每年开展1次民主评议党员工作。' }],
          evidence: '相关记录及过程材料',
          deduction: '未开展的扣2分，工作有疏漏的每项扣0.5-1分。',
          mode: 'auto',
          auto: [{ check: 'evaluation', none: 2, unfinished: 0.5, label: '民主评议党员' }],
          links: ['evaluation'],
        },
        {
          code: '4.4',
          title: '主题党日活动',
          max: 5,
          points: [{ code: '4.4.1', text: '每月固定1天为党员活动日。' }],
          evidence: '相关记录及过程材料',
          deduction: '未开展的扣2分，工作有疏漏的每项扣0.5-1分。',
          mode: 'auto',
          auto: [{ check: 'meetings', kinds: ['theme-day'], perGap: 0.5, noneHeld: 2, label: '主题党日未按月开展' }],
          links: ['meetings'],
        },
        {
          code: '4.5',
          title: '党员领导干部双重组织生活',
          max: 3,
          points: [
            { code: '4.5.1', text: '党员领导干部要以普通党员身份参加所在党支部或党小组的组织生活，带头讲党课、开展谈心谈话和批评与自我批评。各级党组织书记每年至少讲1次党课。' },
          ],
          evidence: '相关记录及过程材料',
          deduction: '未参加双重组织生活的扣1分，未讲党课的扣1分，其他工作有疏漏的每项扣0.5-1分。',
          mode: 'mixed',
          auto: [{ check: 'meetings', kinds: ['lecture'], bySecretary: true, perGap: 1, label: '书记未讲党课' }],
          links: ['meetings', 'talks'],
        },
      ],
    },
    {
      code: '5',
      title: '支持保障',
      max: 15,
      items: [
        {
          code: '5.1',
          title: '工作责任机制',
          max: 5,
          points: [
            { code: '5.1.1', text: '上级党组织对所属党支部建设负有直接领导责任，有计划地组织开展党支部工作，配好党支部书记及支委会成员，指导党支部开展活动。' },
          ],
          evidence: '会议记录及其过程材料',
          deduction: GAP,
          mode: 'manual',
          auto: [],
          links: [],
        },
        {
          code: '5.4',
          title: '工作保障机制',
          max: 6,
          points: [{ code: '5.4.1', text: '为党支部开展活动提供必要场所和设备，设置党员活动室等，建立党员教育实践基地，搭建网上党员教育管理服务平台。' }],
          evidence: '实地查看和佐证材料',
          deduction: '没固定活动场所的扣2分。',
          mode: 'manual',
          auto: [],
          links: [],
        },
        {
          code: '5.5',
          title: '监督检查机制',
          max: 4,
          points: [{ code: '5.5.1', text: '按照党建工作责任制有关要求，上级党组织加强对党支部建设工作的督促检查。' }],
          evidence: '相关记录及过程材料',
          deduction: GAP,
          mode: 'manual',
          auto: [],
          links: [],
        },
      ],
    },
    {
      code: '6',
      title: '特色亮点',
      max: 20,
      items: [
        {
          code: '6.1',
          title: '党建特色',
          max: 20,
          points: [
            { code: '6.1.1', text: '开展党的建设中形成的特色和亮点，产生较大影响，具有示范引领作用，被上级党组织表彰。' },
            { code: '6.1.2', text: '党建活动被省内外媒体宣传报道。' },
          ],
          evidence: '相关佐证材料',
          deduction: '按特色亮点的影响和表彰情况评分。',
          mode: 'manual',
          auto: [],
          links: [],
        },
      ],
    },
  ],
}

/** Every shipped standard, by id. */
export const ASSESSMENT_STANDARDS: Readonly<Record<string, AssessmentStandard>> = { [STANDARD_ZJ_2019.id]: STANDARD_ZJ_2019 }

/**
 * The standard each profile is assessed against. Seed `001_…` is the only 100-point table we hold, so
 * every profile uses it for now (its meeting items are judged against the branch's own profile); a
 * profile with its own table adds an entry here.
 */
export const PROFILE_ASSESSMENT_STANDARD: Readonly<Record<ProfileId, string>> = {
  'national-2018': STANDARD_ZJ_2019.id,
  'hunan-wuhua-2018': STANDARD_ZJ_2019.id,
  'college-sany-2018': STANDARD_ZJ_2019.id,
  'college-zj-2019': STANDARD_ZJ_2019.id,
  'village-2019': STANDARD_ZJ_2019.id,
}

export function assessmentStandardFor(profileId: ProfileId): AssessmentStandard {
  const id = PROFILE_ASSESSMENT_STANDARD[profileId]
  const standard = id ? ASSESSMENT_STANDARDS[id] : undefined
  if (!standard) throw new RuleInputError('UNKNOWN_PROFILE', '该规则方案没有达标评分标准', { profileId: String(profileId) })
  return standard
}

/** Every scored item of a standard, in order. */
export const standardItems = (s: AssessmentStandard): AssessmentItem[] => s.areas.flatMap((a) => a.items)
