/**
 * The year plan page's actions: drafting a plan from the rules, saving the edited items (a blank topic
 * becomes the kind's short name) and publishing it.
 */
import type { Plan } from '@shared/contract/meetings'
import { api } from '@/services/api'
import { useAction } from '../common/use-action'
import { MEETING_KIND_SHORT_LABELS } from './labels'

export type PlanItem = Plan['items'][number]

export const useDraftPlan = (year: number) => useAction(() => api.meetings.draftPlan({ year }))

export const useSavePlan = (year: number, items: readonly PlanItem[]) =>
  useAction(() =>
    api.meetings.updatePlan({
      year,
      items: items.map((i) => ({ key: i.key, kind: i.kind, date: i.date, time: i.time, groupId: i.groupId, topic: i.topic.trim() || MEETING_KIND_SHORT_LABELS[i.kind], bySecretary: i.bySecretary })),
    }),
  )

export const usePublishPlan = (year: number) => useAction(() => api.meetings.publishPlan({ year }))
