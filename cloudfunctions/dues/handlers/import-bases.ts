/**
 * dues.importBases — a 《党员缴纳党费核算表》 (.xlsx, sent as base64 in the input): each row's 姓名 matched
 * to a member of the branch, 类别 read, 基数 parsed in 元, and the file's 金额 checked against the amount we
 * compute. `dryRun` answers the rows with their errors; a real import with any bad row imports nothing.
 */
import { IMPORT_MAX_ROWS, IMPORT_TOO_MANY_ROWS, type dues, type ImportRow } from '@shared/contract/dues'
import { AppError, isAppError } from '@shared/contract/errors'
import { formatYuan, yuanToFen } from '@shared/rules/money'
import { isRateCategory, parseDuesCategory } from '@shared/rules/dues/categories'
import type { Handler } from '../../_kit/create-main'
import type { OrgDoc } from '../../org/public/branches'
import { decodeUpload } from '../../_kit/files'
import { checkEntry, checkFromMonth, saveBases, type CheckedBase } from '../bases'
import { branchDues, branchFor, loadBranchAccounts } from '../model'
import { readAssessmentSheet } from '../xlsx'

const IMPORT_MAX_BYTES = 512 * 1024

const money = (text: string, what: string): number | string => {
  const t = text.replace(/[,，\s元¥￥]/g, '')
  if (t === '') return `请填写${what}`
  try {
    return yuanToFen(t)
  } catch (e) {
    return isAppError(e) ? `${what}格式不正确，最多保留两位小数` : String(e)
  }
}

export const importBases: Handler<typeof dues.actions.importBases, OrgDoc> = {
  target: branchFor,
  run: async (input, ctx, branch) => {
    const bd = branchDues(branch, ctx.now)
    checkFromMonth(input.fromMonth, bd)
    if (!/\.xlsx$/i.test(input.file.name)) throw new AppError('INVALID_INPUT', '请上传 .xlsx 格式的 Excel 文件')
    const content = decodeUpload(input.file.base64, 'xlsx', IMPORT_MAX_BYTES)
    const sheet = await readAssessmentSheet(content)
    if (sheet.length === 0) throw new AppError('INVALID_INPUT', '核算表中没有党员数据')
    if (sheet.length > IMPORT_MAX_ROWS) throw new AppError('INVALID_INPUT', IMPORT_TOO_MANY_ROWS)
    const members = await loadBranchAccounts(ctx, branch._id)
    const byName = new Map<string, typeof members>()
    for (const m of members) byName.set(m.name, [...(byName.get(m.name) ?? []), m])

    const seen = new Set<string>()
    const checked: CheckedBase[] = []
    const rows: ImportRow[] = sheet.map((r) => {
      const out: ImportRow = { row: r.row, name: r.name, memberId: null, category: null, baseFen: null, monthlyFen: null, fileAmountFen: null, error: null }
      const fail = (error: string): ImportRow => ({ ...out, error })
      if (r.name === '') return fail('缺少姓名')
      const found = byName.get(r.name) ?? []
      if (found.length === 0) return fail(`本支部没有名为“${r.name}”的党员`)
      if (found.length > 1) return fail('支部内有同名党员，请在核定页面逐一填写')
      const member = found[0] as (typeof members)[number]
      out.memberId = member._id
      if (seen.has(member._id)) return fail('该党员在表中重复出现')
      seen.add(member._id)
      // A member listed without 类别, 基数 or 金额 (not yet 核定) is skipped, not an error.
      if (r.category === '' && r.base === '' && r.amount === '') return out
      const category = parseDuesCategory(r.category)
      if (!category) return fail(r.category ? `无法识别的类别“${r.category}”` : '缺少类别')
      out.category = category
      let baseFen: number | null = null
      if (isRateCategory(category)) {
        const b = money(r.base, '基数')
        if (typeof b === 'string') return fail(b)
        baseFen = b
        out.baseFen = b
      }
      let fileAmount: number | null = null
      if (r.amount !== '') {
        const a = money(r.amount, '金额')
        if (typeof a === 'string') return fail(a)
        fileAmount = a
        out.fileAmountFen = a
      }
      const record = checkEntry(
        { memberId: member._id, category, baseFen, farmerFen: category === 'farmer' ? fileAmount : null },
        input.fromMonth,
        bd,
      )
      if (typeof record === 'string') return fail(record)
      out.monthlyFen = record.monthlyFen
      if (fileAmount !== null && fileAmount !== record.monthlyFen) {
        return fail(`金额应为${formatYuan(record.monthlyFen)}（表中为${formatYuan(fileAmount)}）`)
      }
      checked.push({ member, record })
      return out
    })

    const errorCount = rows.filter((r) => r.error !== null).length
    if (input.dryRun) return { rows, errorCount, imported: 0 }
    if (errorCount > 0) {
      const first = rows.find((r) => r.error !== null) as ImportRow
      throw new AppError('INVALID_INPUT', `第${first.row}行：${first.error}${errorCount > 1 ? `（共${errorCount}行有误）` : ''}，未导入任何数据`, {
        rows: rows.filter((r) => r.error !== null).map((r) => ({ row: r.row, name: r.name, message: r.error })),
      })
    }
    await saveBases(ctx, bd, checked, `导入核算表“${input.file.name}”`)
    return { rows, errorCount: 0, imported: checked.length }
  },
}
