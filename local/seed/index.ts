/**
 * Seeding the local cloud: the demo 党委 and, from each feature, a year of its records. Each feature adds
 * a `SeedPart` here; parts run in order and write straight into the local backend.
 */
import type { DbService } from '../db'
import { COLLECTIONS } from '../../cloudfunctions/_kit/collections'
import { demoOrg } from './demo-org'
import { pointsSeed } from './points'
import { evaluationSeed } from './evaluation'
import { demoMeetings } from './meetings'
import { duesSeedPart } from './dues'
import { remindersSeed } from './reminders'
import { withMeetingGap, workbenchSeed } from './workbench'
import { developmentSeed } from './development'

export { DEMO, devOpenid } from './demo-org'
export { DEMO_MEETINGS } from './meetings'
export { DEMO_WORKBENCH } from './workbench'
export { DEMO_DEVELOPMENT } from './development'

type Docs = Record<string, Record<string, unknown>[]>

/** A feature's seed: documents per collection, given "now" (the year of records ends at now). */
export type SeedPart = (nowIso: string) => Docs | Promise<Docs>

const orgPart: SeedPart = (nowIso) => {
  const { orgs, members, users } = demoOrg(nowIso)
  return { orgs, members, users } as unknown as Docs
}

// The workbench wraps the meetings seed to leave one 党小组会 missing (see ./workbench.ts).
export const SEED_PARTS: SeedPart[] = [orgPart, withMeetingGap(demoMeetings), evaluationSeed, duesSeedPart, remindersSeed, pointsSeed, workbenchSeed, developmentSeed]

export const seedDemo = async (db: DbService, nowIso: string, parts: SeedPart[] = SEED_PARTS): Promise<void> => {
  await db.ensureCollections(COLLECTIONS)
  for (const part of parts) {
    const docs = await part(nowIso)
    for (const [collection, rows] of Object.entries(docs)) if (rows.length) await db.insertMany(collection, rows)
  }
}
