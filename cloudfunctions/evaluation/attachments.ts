/**
 * 自评 attachments: one folder per member per round (`evaluation/<branch>/<round>/<member>/`), so a 自评
 * can name only a picture its author uploaded for that round; views resolve temporary links for every
 * attachment they show with ONE storage call (no database request).
 */
import type { AttachmentView } from '@shared/contract/evaluation'
import type { EvalRoundDoc, EvalSelfAssessment } from './documents'
import { files, PICTURE_LINK_SECONDS } from '../_kit/files'

export const attachmentFolder = (branchId: string, roundId: string, memberId: string): string => `evaluation/${branchId}/${roundId}/${memberId}/`

/** Temporary links by file id. */
export type Links = ReadonlyMap<string, string>
export const NO_LINKS: Links = new Map()

/** Links for the attachments of `memberIds`' 自评 in `round` (one storage call; none when nothing is attached). */
export const attachmentLinks = async (round: Pick<EvalRoundDoc, 'selfAssessments'>, memberIds: readonly string[]): Promise<Links> => {
  const ids = [...new Set(memberIds.flatMap((id) => round.selfAssessments[id]?.attachment?.fileId ?? []))]
  return ids.length > 0 ? files().tempUrls(ids, PICTURE_LINK_SECONDS) : NO_LINKS
}

/** What others see of a 自评's attachment: its name and link. */
export const attachmentView = (entry: EvalSelfAssessment | undefined, links: Links): AttachmentView | null =>
  entry?.attachment ? { name: entry.attachment.name, url: links.get(entry.attachment.fileId) ?? null } : null
