/**
 * Initialises a new PGlite data directory, run as a child process by openEventDb: initdb runs
 * in a WASM instance of its own (~400 MB) that a long-running server would otherwise keep.
 * Usage: node pglite-init.js <dir> [start params as JSON]
 */
import { PGlite } from '@electric-sql/pglite'

const [dir, params] = process.argv.slice(2)
if (!dir) {
  console.error('usage: pglite-init <data dir> [start params JSON]')
  process.exit(2)
}
const db = await PGlite.create(dir, params ? { startParams: JSON.parse(params) as string[] } : {})
await db.close()
