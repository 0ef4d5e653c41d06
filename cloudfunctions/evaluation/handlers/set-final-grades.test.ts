/**
 * evaluation.setFinalGrades (组织评定) on a 31-member branch voted and closed before the block: the tally beside the
 * proposal, the 优秀 cap (31 → 10), 限期改正 for 不合格, 公示 (publishResults) and the export (exportXlsx).
 * The tests share the round's state in order.
 */
import ExcelJS from 'exceljs'
import type { EvaluationGrade } from '@shared/rules/evaluation/grades'
import { DEMO, clock, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { YEAR, ballot, evaluationCloud } from './test-setup'

const NOW = '2026-12-01T02:00:00.000Z' // 10:00 Beijing, the first day of the rounds' voting window
const { cloud, call, makeBranch, openAs } = evaluationCloud(NOW)

describe('组织评定 within the 优秀 cap: 31 正式党员 → 10', () => {
  const B = 'br_t31'
  const roundId = `ev_${B}_${YEAR}`
  let ids: string[] = []
  let formal: string[] = []
  const secretary = () => `dev_${ids[0]}`

  beforeAll(async () => {
    ids = (await makeBranch(B, 31, { probationary: 2 })).ids
    formal = ids.slice(0, 31)
    ok(await openAs(secretary(), B))
    // Twelve voters: members 0–9 get 优秀 from everyone, member 12 draws 不合格 from everyone.
    const voters = ids.slice(0, 12)
    await Promise.all(
      voters.map((v) =>
        call('vote', { roundId, rows: ballot(v, formal, (m) => (formal.indexOf(m) < 10 ? 'excellent' : m === formal[12] ? 'unqualified' : 'qualified')) }, `dev_${v}`),
      ),
    )
    ok(await call('closeRound', { roundId }, secretary()))
  })

  const grades = (excellent: number, reason = '支委会研究决定') =>
    formal.map((memberId, i) => ({ memberId, grade: (i < excellent ? 'excellent' : 'qualified') as EvaluationGrade, reason }))

  // About getTally.
  test('tally, proposal and review flag (more than 1/3 不合格) side by side', async () => {
    const t = ok(await call('getTally', { roundId }, secretary()))
    expect(t.settings).toMatchObject({ formalCount: 31, excellentQuota: 10 })
    expect(t.rows).toHaveLength(31)
    expect(t.probationary.map((p: { memberId: string }) => p.memberId)).toEqual(ids.slice(31))
    const flagged = t.rows.find((r: { memberId: string }) => r.memberId === formal[12])
    expect(flagged).toMatchObject({ needsReview: true, proposed: 'basically-qualified', flags: ['UNQUALIFIED_VOTES'], counts: { unqualified: 12 } })
    // Never 不合格 from the rules: only a flag for the 支委会.
    expect(t.rows.every((r: { proposed: string }) => r.proposed !== 'unqualified')).toBe(true)
    expect(t.rows.filter((r: { proposed: string }) => r.proposed === 'excellent')).toHaveLength(10)
    expect(t.rows[0].attendance).toEqual({ attended: 0, due: 0, leave: 0 })
  })

  test('an 11th 优秀 is refused with the rule named; 预备党员 cannot be graded; nothing written', async () => {
    const before = cloud.snapshot()
    const eleven = await call('setFinalGrades', { roundId, grades: grades(11) }, secretary())
    expect(errCode(eleven)).toBe('RULE_VIOLATED')
    expect(eleven.ok ? null : eleven.error.message).toBe('评定为优秀的党员一般不超过正式党员总数的三分之一：本次正式党员31人，优秀最多10人，现为11人')
    expect(eleven.ok ? null : eleven.error.details).toMatchObject({ rule: 'EXCELLENT_QUOTA_EXCEEDED', excellent: 11, quota: 10, formalCount: 31 })
    const prob = await call('setFinalGrades', { roundId, grades: [...grades(10), { memberId: ids[31], grade: 'qualified' }] }, secretary())
    expect(prob.ok ? null : prob.error.details?.rule).toBe('PROBATIONARY_GRADED')
    const missing = await call('setFinalGrades', { roundId, grades: grades(10).slice(1) }, secretary())
    expect(missing.ok ? null : missing.error.details?.rule).toBe('FORMAL_UNGRADED')
    const noReason = await call('setFinalGrades', { roundId, grades: grades(10).map((g, i) => (i === 12 ? { ...g, grade: 'unqualified', reason: '' } : g)) }, secretary())
    expect(noReason.ok ? null : noReason.error.details?.rule).toBe('REASON_REQUIRED')
    expect(noReason.ok ? null : noReason.error.message).toContain('党员12')
    expect(cloud.snapshot()).toEqual(before)
  })

  // Also uses recordFollowUp / getTally.
  test('ten 优秀 are saved; a member graded 不合格 gets a 限期改正 record and nothing else happens', async () => {
    const g = grades(10).map((x, i) => (i === 12 ? { ...x, grade: 'unqualified' as EvaluationGrade, reason: '经支委会研究，长期不参加组织生活' } : x))
    const saved = ok(await call('setFinalGrades', { roundId, grades: g }, `dev_${ids[1]}`)) // the 组织委员
    expect(saved).toMatchObject({ excellent: 10, quota: 10 })
    const membersBefore = cloud.db.dump('members').filter((m) => m.branchId === B)
    const before = cloud.snapshot()
    expect(errCode(await call('recordFollowUp', { roundId, memberId: formal[12], deadline: '2027-12-31', notes: '限期改正' }, secretary()))).toBe('INVALID_INPUT')
    expect(errCode(await call('recordFollowUp', { roundId, memberId: formal[11], deadline: '2027-06-01', notes: '限期改正' }, secretary()))).toBe('RULE_VIOLATED')
    expect(cloud.snapshot()).toEqual(before)
    const fu = ok(await call('recordFollowUp', { roundId, memberId: formal[12], deadline: '2027-06-01', notes: '限期半年改正，每月汇报思想' }, secretary()))
    expect(fu).toMatchObject({ memberId: formal[12], deadline: '2027-06-01' })
    expect(cloud.db.dump('members').filter((m) => m.branchId === B)).toEqual(membersBefore)
    const t = ok(await call('getTally', { roundId }, secretary()))
    expect(t.rows[12].final).toEqual({ grade: 'unqualified', reason: '经支委会研究，长期不参加组织生活' })
    expect(t.rows[12].followUp.deadline).toBe('2027-06-01')
  })

  // About publishResults, after the grades saved above.
  test('公示: each member sees their own grade and the 优秀 list; 预备党员 are not graded; no edits after', async () => {
    const pub = ok(await call('publishResults', { roundId }, secretary()))
    expect(pub).toMatchObject({ status: 'published', publishedOn: '2026-12-01', publicityEndsOn: '2026-12-07' })
    expect(errCode(await call('publishResults', { roundId }, secretary()))).toBe('CONFLICT')
    expect(errCode(await call('setFinalGrades', { roundId, grades: grades(9) }, secretary()))).toBe('CONFLICT')
    const me = ok(await call('getRound', { roundId }, `dev_${formal[12]}`)).round
    expect(me.result).toMatchObject({ grade: 'unqualified', reason: '经支委会研究，长期不参加组织生活', followUpDeadline: '2027-06-01', inPublicity: true, tally: null })
    expect(me.result.excellentNames).toHaveLength(10)
    const star = ok(await call('getRound', { roundId }, `dev_${formal[0]}`)).round
    expect(star.result).toMatchObject({ grade: 'excellent', reason: null })
    const prob = ok(await call('getRound', { roundId }, `dev_${ids[31]}`)).round
    expect(prob.result.grade).toBeNull()
    clock.set('2026-12-08T02:00:00.000Z')
    expect(ok(await call('getRound', { roundId }, `dev_${formal[0]}`)).round.result.inPublicity).toBe(false)
  })

  // About exportXlsx.
  test('export: 登记表 and 汇总表 as real .xlsx, stored and answered with a link', async () => {
    const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer())
    const reg = ok(await call('exportXlsx', { roundId, kind: 'register' }, secretary()))
    expect(reg.fileName).toBe('2026年度民主评议党员民主评议党员登记表.xlsx')
    expect(reg.fileId).toContain(`evaluation/exports/${B}/${roundId}-register-`)
    expect(reg.rows).toBe(33)
    const content = await download(reg.url)
    expect(reg.bytes).toBe(content.length)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(content as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('登记表')
    expect(ws?.getCell(1, 1).value).toBe('2026年度民主评议党员 民主评议党员登记表')
    expect(ws?.getRow(3).getCell(2).value).toBe('姓名')
    expect(ws?.getRow(4).getCell(2).value).toBe('党员0')
    expect(ws?.rowCount).toBe(3 + 33)
    const sum = ok(await call('exportXlsx', { roundId, kind: 'summary' }, secretary()))
    const wb2 = new ExcelJS.Workbook()
    await wb2.xlsx.load((await download(sum.url)) as unknown as ArrayBuffer)
    const row13 = wb2.getWorksheet('汇总表')?.getRow(3 + 13)
    expect(row13?.getCell(2).value).toBe('党员12')
    expect(errCode(await call('exportXlsx', { roundId, kind: 'register' }, devOpenid(DEMO.b2.secretary)))).toBe('FORBIDDEN')
  })
})
