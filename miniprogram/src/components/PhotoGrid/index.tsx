/**
 * A grid of photos (points 申报 evidence, 纪实 photos): tap one to preview it full screen. Editable when
 * `onAdd` / `onRemove` are given: a dashed "添加照片" cell while below `max`, a × on each photo (with a
 * confirmation, since the photo is gone from the record once saved).
 */
import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { previewImage } from '@/platform/files'
import './index.scss'

export interface GridPhoto {
  fileId: string
  url: string | null
}

interface Props {
  photos: readonly GridPhoto[]
  /** Editable: called when the "添加照片" cell is tapped. */
  onAdd?: () => void
  onRemove?: (fileId: string) => void
  /** While an upload runs: the add cell shows 上传中 and ignores taps. */
  uploading?: boolean
  max?: number
  testId?: string
  photoTestId?: string
  addTestId?: string
}

export function PhotoGrid({ photos, onAdd, onRemove, uploading = false, max = 9, testId, photoTestId, addTestId }: Props): React.ReactElement | null {
  if (photos.length === 0 && !onAdd) return null
  const remove = async (fileId: string): Promise<void> => {
    const res = await Taro.showModal({ title: '删除照片', content: '确定删除这张照片吗？', confirmText: '删除' })
    if (res.confirm) onRemove?.(fileId)
  }
  return (
    <View className='photo-grid' data-testid={testId}>
      {photos.map((p) => (
        <View key={p.fileId} className='photo-grid__cell'>
          {p.url ? (
            <Image className='photo-grid__img' src={p.url} mode='aspectFill' data-testid={photoTestId} onClick={() => previewImage(p.url as string)} />
          ) : (
            <View className='photo-grid__img photo-grid__img--missing' data-testid={photoTestId}>
              <Text>照片</Text>
            </View>
          )}
          {onRemove ? (
            <Text className='photo-grid__remove' aria-label='删除照片' onClick={() => void remove(p.fileId)}>
              ×
            </Text>
          ) : null}
        </View>
      ))}
      {onAdd && photos.length < max ? (
        <View className='photo-grid__add' data-testid={addTestId} onClick={() => (uploading ? undefined : onAdd())}>
          <Text className='photo-grid__plus'>{uploading ? '…' : '+'}</Text>
          <Text>{uploading ? '上传中' : '添加照片'}</Text>
        </View>
      ) : null}
    </View>
  )
}
