/** A member's 自评 picture on the ballot and in 组织评定: one thumbnail, tap to see it full screen. */
import type { AttachmentView } from '@shared/contract/evaluation'
import { PhotoGrid } from '@/components/PhotoGrid'

export function AttachmentThumb({ attachment, testId }: { attachment: AttachmentView | null; testId: string }): React.ReactElement | null {
  if (!attachment) return null
  // The view carries no file id: the stored name is unique within the member's folder.
  return <PhotoGrid photos={[{ fileId: attachment.name, url: attachment.url }]} testId={testId} photoTestId={`${testId}-photo`} />
}
