/** A 公示 as a table: 姓名, 应交, 实交 (with months), and the totals; used by members and the publish page. */
import { View, Text } from '@tarojs/components'
import type { Publication } from '@shared/contract/dues'
import { formatDate, formatInstant } from '@/utils/format'
import { yuan } from './labels'
import './dues.scss'
import './publication-table.scss'

export function PublicationTable({ p }: { p: Publication }): React.ReactElement {
  return (
    <View className='card pub-table' data-testid='publication-table'>
      <Text className='pub-table__title'>
        {p.branchName}
        {'\n'}
        {p.label}党费收缴情况公示
      </Text>
      <Text className='dues-hint pub-table__sub'>
        统计期间 {formatDate(p.start)} 至 {formatDate(p.end)}
        {p.publishedAt ? `；${formatInstant(p.publishedAt)} 公示` : '（预览，尚未公示）'}
      </Text>
      <View className='pub-table__totals'>
        <View className='pub-table__total'>
          <Text className='pub-table__total-value'>{yuan(p.totals.dueFen)}</Text>
          <Text className='pub-table__total-label'>应交（元）</Text>
        </View>
        <View className='pub-table__total'>
          <Text className='pub-table__total-value' data-testid='pub-paid-total'>
            {yuan(p.totals.paidFen)}
          </Text>
          <Text className='pub-table__total-label'>实交（元）</Text>
        </View>
        <View className='pub-table__total'>
          <Text className='pub-table__total-value'>
            {p.totals.fullyPaid}/{p.totals.members}
          </Text>
          <Text className='pub-table__total-label'>足额交纳（人）</Text>
        </View>
      </View>
      <View className='pub-table__row pub-table__row--head'>
        <Text className='pub-table__name'>姓名</Text>
        <Text className='pub-table__num'>应交</Text>
        <Text className='pub-table__num'>实交</Text>
      </View>
      {p.rows.map((r) => (
        <View key={r.memberId} className='pub-table__row' data-testid='pub-row'>
          <Text className='pub-table__name'>{r.name}</Text>
          <Text className='pub-table__num'>
            {yuan(r.dueFen)}
            <Text className='pub-table__months'>（{r.dueMonths}个月）</Text>
          </Text>
          <Text className={`pub-table__num${r.paidFen < r.dueFen ? ' pub-table__num--short' : ''}`}>
            {yuan(r.paidFen)}
            <Text className='pub-table__months'>（{r.paidMonths}个月）</Text>
          </Text>
        </View>
      ))}
    </View>
  )
}
