/**
 * `village-2019`: a 基层党支部规范化建设实施方案 for 村 / 社区 branches (seed `004_…`): 党课 each
 * half-year, 组织生活会 1–2 a year, 每月8日 党员学习议事日, 民主评议 in three grades, 5-year terms.
 */
import { NATIONAL_2018, SRC } from './national-2018'
import type { Profile } from './schema'

const SEED = '[L] 基层党支部规范化建设实施方案（村、社区，seed 004_445dbfd70ce3ee94）'

export const VILLAGE_2019: Profile = {
  ...NATIONAL_2018,
  id: 'village-2019',
  name: '村（社区）党支部规范化',
  description: '参照村（社区）党支部规范化建设标准的党支部',
  sources: [SEED, SRC.rural, SRC.regulations, SRC.dues],
  meetings: {
    requirements: [
      { kind: 'party-congress', min: 1, per: 'quarter' },
      { kind: 'committee', min: 1, per: 'month' },
      { kind: 'group', min: 1, per: 'month' },
      { kind: 'lecture', min: 1, per: 'half-year' },
      { kind: 'life-meeting', min: 1, max: 2, per: 'year', note: '按照每年的主题要求，一年召开1—2次' },
      { kind: 'theme-day', min: 1, per: 'month', note: '每月8日党员学习议事日' },
      { kind: 'evaluation', min: 1, per: 'year', note: '每年年终开展一次民主评议党员' },
    ],
    source: `${SEED}：“每月至少召开一次支委会和党小组会，每季度至少召开一次支部党员大会，每半年至少组织党员上一次党课；一年组织召开1-2次组织生活会”`,
  },
  themeDay: {
    rule: { kind: 'day-of-month', day: 8, shiftIfHoliday: true },
    note: '固定每月8日为“党员学习议事日”，可根据农时（工期）适当调整',
    source: `${SEED}：“坚持开展‘党员学习议事日’活动，固定每月8日”`,
  },
  evaluation: {
    ...NATIONAL_2018.evaluation,
    grades: ['qualified', 'basically-qualified', 'unqualified'],
    source: `${SEED}：“每年年终组织开展一次民主评议党员，分合格、基本合格、不合格三个等次”`,
  },
  term: { ...NATIONAL_2018.term, years: 5, source: `${SRC.rural}；提前6个月提醒为通行做法 [N-practice]` },
}
