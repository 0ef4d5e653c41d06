/**
 * `college-sany-2018`: 湖南三一工业职业技术学院党支部“五化”建设工作方案 (seed `000_…`): 支委会 and 党小组会
 * every two months, 党课 each quarter, 民主生活会 and a 主题实践活动 once a year. As a 湖南 college it
 * keeps the 湖南 values the plan does not restate (党费 publication, 换届 reminders).
 */
import { HUNAN_WUHUA_2018 } from './hunan-wuhua-2018'
import type { Profile } from './schema'

const SEED = '[L] 《湖南三一工业职业技术学院党支部“五化”建设工作方案》（seed 000_21a00da9fc1e32c1）'

export const COLLEGE_SANY_2018: Profile = {
  ...HUNAN_WUHUA_2018,
  id: 'college-sany-2018',
  name: '高校（三一工院方案）',
  description: '参照湖南三一工业职业技术学院“五化”建设方案的高校党支部',
  sources: [SEED, ...HUNAN_WUHUA_2018.sources],
  meetings: {
    requirements: [
      { kind: 'party-congress', min: 1, per: 'quarter' },
      { kind: 'committee', min: 1, per: 'bimonth' },
      { kind: 'group', min: 1, per: 'bimonth' },
      { kind: 'lecture', min: 1, per: 'quarter' },
      { kind: 'life-meeting', min: 1, per: 'year', note: '每年召开一次民主生活会' },
      { kind: 'theme-day', min: 1, per: 'year', note: '每年至少开展一次主题实践活动' },
      { kind: 'evaluation', min: 1, per: 'year', note: '一般结合年终党员目标管理责任制考核进行' },
    ],
    source: `${SEED}：“每季度召开一次党员大会；每两个月召开一次支委会和党小组会；每季度开展上一次党课；每年召开一次民主生活会”`,
  },
  themeDay: {
    ...HUNAN_WUHUA_2018.themeDay,
    source: `${SEED}：“每年至少开展一次主题实践活动”；每月党日默认沿用 ${HUNAN_WUHUA_2018.id}`,
  },
  evaluation: {
    ...HUNAN_WUHUA_2018.evaluation,
    source: `${HUNAN_WUHUA_2018.evaluation.source}；方案只列“优秀、合格、不合格”三档公示，等次沿用全国四档 [N]`,
  },
}
