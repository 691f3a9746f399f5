/**
 * `npm run recall:reindex -- --user <id>` or `-- --all`: rebuilds recall vectors from the event
 * store with the configured embedder and index (after changing EMBEDDINGS_MODEL, moving to
 * Pinecone, or to repair what a failed indexing lost). Reads the same environment as the
 * server; with the embedded PGlite, stop the server first (the data directory is locked).
 */
import { parseArgs } from 'node:util'
import { loadConfig } from './config.js'
import { createServices } from './services.js'

const USAGE = 'usage: npm run recall:reindex -- --user <patient id> | --all'

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { user: { type: 'string' }, all: { type: 'boolean' }, help: { type: 'boolean' } },
  })
  if (values.help || (!values.user && !values.all) || (values.user && values.all)) {
    console.error(USAGE)
    return values.help ? 0 : 2
  }
  const services = await createServices(loadConfig(), { startScheduler: false })
  const { recall } = services
  const started = performance.now()
  try {
    console.log(`recall: ${recall.embedder.id} into the ${recall.index.name} index`)
    const { patients, indexed } = values.user
      ? { patients: 1, ...(await recall.reindexPatient(values.user)) }
      : await recall.reindexAll((userId, n) => console.log(`  ${userId}: ${n} memories`))
    const seconds = (performance.now() - started) / 1000
    console.log(`reindexed ${indexed} memories of ${patients} patient(s) in ${seconds.toFixed(1)} s`)
    return 0
  } finally {
    await services.close()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
