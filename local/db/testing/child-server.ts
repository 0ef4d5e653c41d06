/**
 * A database service in its own process, for the kill -9 durability test: opens the data directory given
 * as the first argument, listens on a free port and prints `{"url": …}` on one line of stdout.
 */
import { createDbService } from '../index'

async function main(): Promise<void> {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: child-server <dataDir> [collection...]')
  const service = await createDbService({ dataDir })
  await service.ensureCollections(process.argv.slice(3))
  const url = await service.listen(0)
  process.stdout.write(`${JSON.stringify({ url })}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
