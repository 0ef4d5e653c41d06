/**
 * `national-2018`: the national baseline — 《中国共产党支部工作条例（试行）》 (2018) and the national texts
 * it rests on (党费: 中组发〔2008〕3号). The other profiles start from this one and change what their
 * own documents say. Values without a national rule are marked [L] / [?] and are defaults only.
 */
import { BASE_60_SCHEME } from '../rules/points/scheme'
import type { Profile } from './schema'

export const SRC = {
  regulations: '[N] 《中国共产党支部工作条例（试行）》（2018年10月）',
  dues: '[N] 《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）',
  duesQa: '[N-QA] 中组部党费问题答复口径（基数为工资收入扣除个人所得税）',
  evaluationQa: '[N-QA] 民主评议党员口径：优秀一般不超过正式党员的三分之一；预备党员不评定等次',
  studyPlan: '[N] 《2019—2023年全国党员教育培训工作规划》：党员每年集中学习培训不少于32学时，基层党组织书记和班子成员不少于56学时',
  hunan: '[HN] 湘组发〔2018〕6号《关于推进党支部“五化”建设的意见》（seed 002_c30c592b5c62ffe5）',
  yongzhou: '[L] 永州市直机关工委指导意见（seed 003_95910276a42a1d63）',
  antiFormalism: '[N] 2023年《关于防治“指尖上的形式主义”的若干意见》：只在真实会议中签到，不设每日打卡',
  rural: '[N] 《中国共产党农村基层组织工作条例》（2019）：村党组织每届任期5年',
  development: '[N] 《中国共产党发展党员工作细则》（中共中央办公厅，2014年）',
} as const

export const NATIONAL_2018: Profile = {
  id: 'national-2018',
  name: '全国通用（支部工作条例）',
  description: '按《中国共产党支部工作条例（试行）》等全国性规定执行的党支部',
  sources: [SRC.regulations, SRC.dues, SRC.evaluationQa, SRC.studyPlan],
  meetings: {
    requirements: [
      { kind: 'party-congress', min: 1, per: 'quarter' },
      { kind: 'committee', min: 1, per: 'month' },
      { kind: 'group', min: 1, per: 'month' },
      { kind: 'lecture', min: 1, per: 'year', by: 'secretary', note: '书记每年至少讲1次党课' },
      { kind: 'life-meeting', min: 1, per: 'year', note: '一般安排在第四季度' },
      { kind: 'theme-day', min: 1, per: 'month' },
      { kind: 'evaluation', min: 1, per: 'year', note: '一般结合组织生活会进行' },
    ],
    source: SRC.regulations,
  },
  themeDay: {
    rule: { kind: 'nth-weekday', n: 2, weekday: 5, shiftIfHoliday: true },
    note: '每月相对固定1天；默认每月第二个星期五，遇节假日顺延，支部可自行设定',
    source: `${SRC.regulations}；默认日期为常见做法 [L]`,
  },
  dues: {
    rounding: 'ceil-fen',
    prepayMaxMonths: 6,
    backpayMaxMonths: 6,
    publicationPeriod: 'year',
    assessmentDeadline: '03-31',
    arrearsWarnMonths: 3,
    arrearsFlagMonths: 6,
    deductSocialInsurance: false,
    firstMonth: 'full',
    farmerDefaultFen: 20,
    source: `${SRC.dues}；${SRC.duesQa}；取整方式默认“不足1分按1分计” [?]；核定截止3月底见 ${SRC.yongzhou}`,
  },
  points: {
    required: false,
    scheme: BASE_60_SCHEME,
    publicRanking: false,
    source: '无全国统一积分办法；预设方案供支部选用 [L]；排名默认不公开（防治形式主义）',
  },
  evaluation: {
    grades: ['excellent', 'qualified', 'basically-qualified', 'unqualified'],
    excellentRatio: 1 / 3,
    unqualifiedFlagShare: 1 / 3,
    perBallotExcellentLimit: false,
    includeSelf: false,
    source: `${SRC.evaluationQa}；不合格票提示阈值为地方做法 [L]`,
  },
  study: { memberHours: 32, committeeHours: 56, source: SRC.studyPlan },
  talks: {
    secretaryWithCommittee: { min: 1, per: 'half-year' },
    secretaryWithMembers: { min: 1, per: 'year' },
    committeeWithEachOther: { min: 1, per: 'year' },
    committeeWithLinkedMembers: { min: 1, per: 'year' },
    source: `条例要求开展谈心谈话 [N]；频次采用 ${SRC.hunan}`,
  },
  branch: {
    minFormalForBranch: 3,
    committeeFromFormal: 7,
    committeeMin: 3,
    committeeUsualMax: 5,
    committeeMax: 7,
    maxMembers: 50,
    nearMaxMembers: 45,
    groupMinMembers: 3,
    groupsRecommendedFrom: 20,
    secretaryMinPartyYears: 1,
    source: `${SRC.regulations}；党小组不少于3人见 ${SRC.hunan}；20人以上划分党小组 [L]；接近50人提示见 ${SRC.yongzhou}`,
  },
  term: {
    years: 3,
    reminders: [{ offsetMonths: -6, label: '任期届满前6个月，提醒做好换届准备' }],
    hardOverdueMonths: 12,
    source: `${SRC.regulations}（任期3年，延期不超过1年）；提前6个月提醒为通行做法 [N-practice]`,
  },
  signIn: { opensBeforeMinutes: 30, closesAfterMinutes: 30, source: `${SRC.antiFormalism}；签到时段为本系统默认 [?]` },
  attendance: {
    warnMonths: 2,
    escalateMonths: 4,
    flagMonths: 6,
    source: '[N] 党章第九条：连续6个月不参加党的组织生活视为自行脱党（由支部大会决定，系统只提示）；2—3个月批评教育、4—5个月检查为地方做法 [L]',
  },
  publicity: { days: 7, source: '公示期无全国统一规定，默认7天 [?]' },
  reminders: { themeDayLeadDays: 1, politicalBirthdayLeadDays: 7, source: 'docs/DOMAIN.md §6；政治生日见 seed 004_445dbfd70ce3ee94 [L]' },
  development: {
    minApplicantAge: 18,
    interviewWithinMonths: 1,
    interviewersMin: 1,
    activistMinYears: 1,
    assessEveryMonths: 6,
    contactPersonsMin: 1,
    contactPersonsMax: 2,
    sponsors: 2,
    trainingMinDays: 3,
    trainingMinHours: 24,
    publicityWorkingDays: 5,
    approvalWithinMonths: 3,
    probationYears: 1,
    extensionMinMonths: 6,
    extensionMaxMonths: 12,
    dueSoonDays: 7,
    source:
      `${SRC.development}：年满十八岁、一个月内派人谈话、一至两名培养联系人、每半年考察一次、一年以上培养考察、两名入党介绍人、` +
      '集中培训不少于三天或24学时、支部大会双过半、三个月内审批、预备期一年、延长预备期不少于半年最长不超过一年；' +
      '公示5个工作日为省级通行做法 [L]；提前7天提醒为本系统默认 [?]',
  },
}
