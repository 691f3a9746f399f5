import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openEventDb, type EventDbHandle } from '../memory/event-db.js'

export interface EngineUnderTest {
  name: 'pglite' | 'postgres'
  open(): Promise<EventDbHandle>
}

/**
 * The engines an event-store test runs against: in-memory PGlite always, and PostgreSQL in a
 * schema of its own when TEST_DATABASE_URL is set (so parallel test files never meet).
 */
export function eventEngines(): EngineUnderTest[] {
  const engines: EngineUnderTest[] = [{ name: 'pglite', open: () => openEventDb({}) }]
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    engines.push({
      name: 'postgres',
      async open() {
        const schema = `podd_test_${randomBytes(6).toString('hex')}`
        const handle = await openEventDb({ databaseUrl: url, schema })
        return {
          ...handle,
          async close() {
            await handle.close()
            const client = new pg.Client({ connectionString: url })
            await client.connect()
            await client.query(`drop schema if exists ${schema} cascade`)
            await client.end()
          },
        }
      },
    })
  }
  return engines
}
