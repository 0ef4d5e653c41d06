/**
 * `college-zj-2019`: a 浙江 高职 “两化一创”强基引领三年行动计划 (seed `001_…`, after 浙高发〔2019〕30号):
 * 党课 at least twice a semester, 组织生活会 once a year, a fixed monthly 党员活动日, otherwise national.
 */
import { NATIONAL_2018, SRC } from './national-2018'
import type { Profile } from './schema'

const SEED = '[L] 职业学院党支部建设“两化一创”强基引领三年行动计划（浙高发〔2019〕30号，seed 001_473cea6eeca10bbc）'

export const COLLEGE_ZJ_2019: Profile = {
  ...NATIONAL_2018,
  id: 'college-zj-2019',
  name: '高校（浙江“两化一创”）',
  description: '参照浙江高校党支部“两化一创”行动计划的高校党支部',
  sources: [SEED, SRC.regulations, SRC.dues, SRC.evaluationQa],
  meetings: {
    requirements: [
      { kind: 'party-congress', min: 1, per: 'quarter' },
      { kind: 'committee', min: 1, per: 'month' },
      { kind: 'group', min: 1, per: 'month' },
      { kind: 'lecture', min: 2, per: 'semester', note: '党课每学期不少于2次' },
      { kind: 'lecture', min: 1, per: 'year', by: 'secretary', note: '各级党组织书记每年至少讲1次党课' },
      { kind: 'life-meeting', min: 1, per: 'year' },
      { kind: 'theme-day', min: 1, per: 'month', note: '每月固定1天为党员活动日' },
      { kind: 'evaluation', min: 1, per: 'year', note: '每年开展1次民主评议党员工作' },
    ],
    source: `${SEED}：4.1.1“党小组会一般每月召开1次，支委员会一般每月召开1次，党员大会一般每季度召开一次，党课每学期不少于2次”；4.2.1、4.3.1、4.4.1、4.5.1`,
  },
  themeDay: { ...NATIONAL_2018.themeDay, source: `${SEED}：4.4.1“每月固定1天为党员活动日”；默认日期为常见做法 [L]` },
}
