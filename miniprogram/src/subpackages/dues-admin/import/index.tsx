/**
 * 导入核算表: pick a 《党员缴纳党费核算表》 (.xlsx: 姓名, 类别, 基数, 金额) through the platform adapter; the
 * server checks every row and shows the preview with row errors; nothing is imported while any row is
 * wrong. Then import from the chosen month.
 */
import { useState } from 'react'
import { View, Text, Picker as NativePicker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { dues, IMPORT_MAX_BASE64, type ImportRow } from '@shared/contract/dues'
import { beijingMonth } from '@shared/rules/time'
import { AccessGate } from '@/components/AccessGate'
import { DUES_CATEGORY_LABELS, monthCN, yuan } from '@/features/dues/labels'
import { pickSpreadsheet, type PickedFile } from '@/platform/files'
import { back } from '@/utils/nav'
import '@/features/dues/dues.scss'
import { useImportBases } from '@/features/dues/use-import-bases'
import './index.scss'

function Importer(): React.ReactElement {
  const [fromMonth, setFromMonth] = useState(() => beijingMonth(new Date()))
  const [file, setFile] = useState<PickedFile | null>(null)
  const [rows, setRows] = useState<ImportRow[] | null>(null)
  const check = useImportBases()
  const commit = useImportBases()

  const preview = async (f: PickedFile, month: string): Promise<void> => {
    setRows(null)
    const r = await check.run({ fromMonth: month, file: { name: f.name, base64: f.base64 }, dryRun: true })
    if (r) setRows(r.rows)
  }

  const choose = async (): Promise<void> => {
    const f = await pickSpreadsheet()
    if (!f) return
    if (f.base64.length > IMPORT_MAX_BASE64) {
      void Taro.showToast({ title: '文件过大，请不超过500KB', icon: 'none' })
      return
    }
    setFile(f)
    await preview(f, fromMonth)
  }

  const errors = rows?.filter((r) => r.error) ?? []
  const importable = rows?.filter((r) => !r.error && r.monthlyFen !== null) ?? []

  const doImport = async (): Promise<void> => {
    if (!file || errors.length) return
    const { confirm } = await Taro.showModal({
      title: '确认导入',
      content: `${importable.length}名党员的党费自${monthCN(fromMonth)}起按核算表执行。`,
      confirmText: '导入',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    const r = await commit.run({ fromMonth, file: { name: file.name, base64: file.base64 }, dryRun: false })
    if (!r) return
    void Taro.showToast({ title: `已导入${r.imported}人`, icon: 'success' })
    setTimeout(back, 800)
  }

  return (
    <View className={`page${rows ? ' page--with-bar' : ''} import`} data-testid='import-page'>
      <View className='card'>
        <Text className='dues-hint'>
          表格需包含“姓名”“类别”“基数”“金额”列（可先在党费管理页导出核算表作为模板）。类别填写在职、离退休、学生、农民、下岗失业、低保等；金额按基数核对，不一致的行会标出。任何一行有误都不会导入。
        </Text>
        <View className='import__from'>
          <Text className='import__label'>生效月份</Text>
          <NativePicker
            mode='date'
            fields='month'
            value={fromMonth}
            onChange={(e) => {
              const m = String(e.detail.value).slice(0, 7)
              setFromMonth(m)
              if (file) void preview(file, m)
            }}
          >
            <View className='dues-input import__from-value'>{monthCN(fromMonth)} ›</View>
          </NativePicker>
        </View>
        <Button type='primary' fill='outline' size='large' block loading={check.pending} data-testid='pick-xlsx' onClick={() => void choose()}>
          {file ? '重新选择文件' : '选择 Excel 文件'}
        </Button>
        {file ? (
          <Text className='dues-hint import__file' data-testid='import-file'>
            已选择：{file.name}
          </Text>
        ) : null}
      </View>

      {rows ? (
        <View className='card' data-testid='import-preview'>
          <View className='card__title'>
            <Text>预览</Text>
            <Text className={`card__title-extra${errors.length ? ' import__bad' : ''}`} data-testid='import-summary'>
              {errors.length ? `${errors.length}行有误，请修改后重新选择` : `共${importable.length}人，可以导入`}
            </Text>
          </View>
          {rows.map((r) => (
            <View key={r.row} className={`import-row${r.error ? ' import-row--bad' : ''}`} data-testid='import-row' data-row={r.row}>
              <Text className='import-row__no'>第{r.row}行</Text>
              <View className='import-row__main'>
                <Text className='import-row__name'>{r.name || '（无姓名）'}</Text>
                {r.error ? (
                  <Text className='import-row__error'>{r.error}</Text>
                ) : r.monthlyFen === null ? (
                  <Text className='dues-hint'>未填写，跳过</Text>
                ) : (
                  <Text className='dues-hint'>
                    {r.category ? DUES_CATEGORY_LABELS[r.category] : ''}
                    {r.baseFen !== null ? ` · 基数${yuan(r.baseFen)}元` : ''}
                  </Text>
                )}
              </View>
              <Text className='import-row__amount'>{r.monthlyFen !== null ? `${yuan(r.monthlyFen)}元` : ''}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {rows ? (
        <View className='bottom-bar'>
          <Button type='primary' size='large' block disabled={errors.length > 0 || importable.length === 0} loading={commit.pending} data-testid='import-confirm' onClick={() => void doImport()}>
            {errors.length ? '有错误，不能导入' : `导入${importable.length}人`}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function ImportPage(): React.ReactElement {
  return <AccessGate action={dues.actions.importBases}>{() => <Importer />}</AccessGate>
}
