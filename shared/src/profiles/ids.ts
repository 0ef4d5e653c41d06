/** The rule-set profiles a branch can follow (docs/DOMAIN.md §0). */
export const PROFILE_IDS = ['national-2018', 'hunan-wuhua-2018', 'college-sany-2018', 'college-zj-2019', 'village-2019'] as const
export type ProfileId = (typeof PROFILE_IDS)[number]
