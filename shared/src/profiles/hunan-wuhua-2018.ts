/**
 * `hunan-wuhua-2018`: 湖南 党支部“五化”建设 — 湘组发〔2018〕6号 and its 细则 (seed `002_…`), on top of the
 * national baseline: 党课 and 组织生活会 each half-year, 党费 published each half-year, 积分管理 required,
 * 换届 reminded 3 months ahead in writing.
 */
import { BASE_60_SCHEME } from '../rules/points/scheme'
import { NATIONAL_2018, SRC } from './national-2018'
import type { Profile } from './schema'

export const HUNAN_WUHUA_2018: Profile = {
  ...NATIONAL_2018,
  id: 'hunan-wuhua-2018',
  name: '湖南党支部“五化”建设',
  description: '执行湖南省委组织部党支部“五化”建设意见及细则的党支部',
  sources: [SRC.hunan, SRC.regulations, SRC.dues, SRC.evaluationQa],
  meetings: {
    requirements: [
      { kind: 'party-congress', min: 1, per: 'quarter' },
      { kind: 'committee', min: 1, per: 'month' },
      { kind: 'group', min: 1, per: 'month' },
      { kind: 'lecture', min: 1, per: 'half-year', note: '讲党课每半年至少1次' },
      { kind: 'lecture', min: 1, per: 'year', by: 'secretary', note: '党员领导干部和党支部书记每年至少为党员讲1次党课' },
      { kind: 'life-meeting', min: 1, per: 'half-year', note: '根据上级确定的主题，每半年至少召开1次' },
      { kind: 'theme-day', min: 1, per: 'month', note: '每月相对固定1天' },
      { kind: 'evaluation', min: 1, per: 'year', note: '结合组织生活会，每年开展1次民主评议党员' },
    ],
    source: `${SRC.hunan}：“支部党员大会一般每季度召开1次，支部委员会会议和党小组会议一般每月召开1次，讲党课每半年至少1次”`,
  },
  themeDay: {
    rule: { kind: 'day-of-month', day: 26, shiftIfHoliday: true },
    note: '每月相对固定1天；默认每月26日（湘潭等地做法），遇节假日顺延，支部可自行设定',
    source: `${SRC.hunan}：“党支部每月相对固定1天作为主题党日”；26日为湘潭做法 [L]`,
  },
  dues: {
    ...NATIONAL_2018.dues,
    publicationPeriod: 'half-year',
    source: `${SRC.dues}；${SRC.hunan}：“每半年公布1次党费收缴情况”；核定截止3月底见 ${SRC.yongzhou}；取整默认不足1分按1分计 [?]`,
  },
  points: {
    required: true,
    scheme: BASE_60_SCHEME,
    publicRanking: false,
    source: `${SRC.hunan}：“每月申报登记、每季评定公示、每年汇总排名”；基础分60方案为预设 [L]`,
  },
  evaluation: {
    ...NATIONAL_2018.evaluation,
    source: `${SRC.evaluationQa}；${SRC.hunan}：“结合党员积分确定评议等次”`,
  },
  study: { memberHours: 32, committeeHours: 56, source: `${SRC.hunan}：党员一般不少于32学时，党支部书记不少于56学时` },
  talks: { ...NATIONAL_2018.talks, source: `${SRC.hunan}：书记每半年至少与班子成员谈1次、每年至少与党员谈1次；班子成员之间及与所联系党员每年至少1次` },
  term: {
    years: 3,
    reminders: [
      { offsetMonths: -3, label: '任期届满前3个月，上级党组织书面发函提醒' },
      { offsetMonths: -2, label: '任期届满前2个月，向上级党组织报送换届请示' },
    ],
    hardOverdueMonths: 12,
    source: `${SRC.hunan}：“一般应提前3个月书面发函提醒”；提前2个月报送请示为常见做法 [L]`,
  },
}
