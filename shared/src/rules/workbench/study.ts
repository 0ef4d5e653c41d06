/**
 * 学时 progress (docs/DOMAIN.md §7): each member ≥32 a year, 书记 and 支委 ≥56 [N plan][HN].
 */
import type { Profile } from '../../profiles/schema'
import { RuleInputError } from '../errors'

export interface StudyRow {
  memberId: string
  name: string
  committee: boolean
  hours: number
  target: number
  met: boolean
}

export function studyProgress(input: {
  members: readonly { id: string; name: string; committee: boolean }[]
  hoursByMember: Readonly<Record<string, number>>
  targets: Pick<Profile['study'], 'memberHours' | 'committeeHours'>
}): { rows: StudyRow[]; met: number; total: number } {
  const rows = input.members.map((m) => {
    const hours = input.hoursByMember[m.id] ?? 0
    if (!Number.isFinite(hours) || hours < 0) throw new RuleInputError('INVALID_COUNT', '学时应为非负数', { memberId: m.id, hours })
    const target = m.committee ? input.targets.committeeHours : input.targets.memberHours
    return { memberId: m.id, name: m.name, committee: m.committee, hours, target, met: hours >= target }
  })
  return { rows, met: rows.filter((r) => r.met).length, total: rows.length }
}
