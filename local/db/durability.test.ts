// Durability: the service runs in a child process, a burst of writes goes through the real SDK, the child
// is killed with SIGKILL mid-burst, and after a restart on the same directory every acknowledged write is there.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import * as tcb from '@cloudbase/node-sdk'
import { buildSync } from 'esbuild'
import { createDbService, pointSdkAt } from './index'
import { makeTempDir } from './test-support'

let workDir: string
let childScript: string
const children: ChildProcess[] = []

beforeAll(() => {
  workDir = makeTempDir('durability')
  childScript = path.join(workDir, 'child-server.js')
  buildSync({
    entryPoints: [path.join(__dirname, 'testing', 'child-server.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: childScript,
    logLevel: 'silent',
  })
})

afterAll(() => {
  // Never leave a server behind, even when the test failed before its kill.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  fs.rmSync(workDir, { recursive: true, force: true })
})

async function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [childScript, dataDir, 'burst'], { stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url))
    child.once('exit', (code) => reject(new Error(`child exited early with ${String(code)}`)))
  })
  return { child, url }
}

test('every write acknowledged before kill -9 is present after restart', async () => {
  const dataDir = path.join(workDir, 'data')
  const { child, url } = await startChild(dataDir)
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
  pointSdkAt(url)
  // The SDK arms a 3 s "slow request" timer per request and clears it only on success; the requests cut off
  // by the kill would leave theirs running past the test.
  process.env.SILENCE = 'true'
  const db = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database()
  await db.collection('burst').doc('counter').set({ n: 0 })

  const ackedAdds: number[] = []
  let ackedIncrements = 0
  let failures = 0
  const killAfter = 40
  const killIfDue = (): void => {
    if (ackedAdds.length + ackedIncrements === killAfter) child.kill('SIGKILL')
  }
  const writes = Array.from({ length: 300 }, (_, i) => {
    const write =
      i % 3 === 2
        ? db
            .collection('burst')
            .doc('counter')
            .update({ n: db.command.inc(1) })
            .then(() => {
              ackedIncrements += 1
            })
        : db
            .collection('burst')
            .add({ _id: `w${i}`, i, at: new Date(1_700_000_000_000 + i) })
            .then(() => {
              ackedAdds.push(i)
            })
    return write.then(killIfDue, () => {
      failures += 1
    })
  })
  await Promise.all(writes)
  expect(await exited).toBe('SIGKILL')
  // The kill really happened mid-burst: some writes were never acknowledged.
  expect(failures).toBeGreaterThan(0)
  expect(ackedAdds.length + ackedIncrements).toBeGreaterThanOrEqual(killAfter)

  const check = async (): Promise<void> => {
    const service = await createDbService({ dataDir })
    try {
      const docs = service.dump('burst')
      const byId = new Map(docs.map((doc) => [doc._id, doc]))
      for (const i of ackedAdds) {
        expect(byId.get(`w${i}`)).toEqual({ _id: `w${i}`, i, at: new Date(1_700_000_000_000 + i) })
      }
      // Unacknowledged increments may or may not have landed; acknowledged ones all did.
      expect((byId.get('counter') as { n: number }).n).toBeGreaterThanOrEqual(ackedIncrements)
    } finally {
      await service.close()
    }
  }
  await check() // restart: snapshot + journal replay, then compaction
  await check() // and again from the compacted snapshot
}, 30_000)
