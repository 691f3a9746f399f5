import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres'
import type { EventDbHandle } from '../../memory/event-db.js'

/**
 * Conversation checkpoints live in the event-store database (PGlite or PostgreSQL), never in
 * SQLite: the official Postgres saver runs over the same node-postgres pool as the event store.
 */
export async function openCheckpointer(eventDb: EventDbHandle): Promise<PostgresSaver> {
  const saver = new PostgresSaver(eventDb.pool, undefined, { schema: eventDb.schema })
  await saver.setup()
  return saver
}
