/**
 * Test helper: a database service on a free port in a fresh temporary directory, with the real
 * `@cloudbase/node-sdk` pointed at it. Tests only; production code never imports `local/`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as tcb from '@cloudbase/node-sdk'
import { createDbService, pointSdkAt, type DbService, type DbServiceOptions } from './index'

export interface TestDb {
  service: DbService
  /** `app.database()` of a `tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })` app, as function code gets it. */
  db: ReturnType<ReturnType<typeof tcb.init>['database']>
  dataDir: string
  /** Closes the service and deletes the directory. */
  close(): Promise<void>
}

/** The transaction handed to `runTransaction`'s callback (the SDK's typings declare it `any`). */
export interface TxHandle {
  collection(name: string): ReturnType<TestDb['db']['collection']>
  rollback(reason?: unknown): Promise<unknown>
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `zhibu-${prefix}-`))
}

export async function startTestDb(collections: readonly string[] = [], opts: Omit<DbServiceOptions, 'dataDir'> = {}): Promise<TestDb> {
  const dataDir = makeTempDir('db')
  const service = await createDbService({ ...opts, dataDir })
  pointSdkAt(await service.listen(0))
  await service.ensureCollections(collections)
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  return {
    service,
    db: app.database(),
    dataDir,
    async close() {
      await service.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The code and message a promise rejects with (`no error` if it resolves): for asserting the SDK's errors. */
export async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown }
    return { code: String(e.code), message: String(e.message) }
  }
  return { code: 'no error', message: '' }
}
