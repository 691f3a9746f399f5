import { sql, type Kysely } from 'kysely'
import type { EventDb } from '../event-db.js'
import type { EventKind } from '../event-kinds.js'
import { lookupTagsOf } from '../event-lookup-tags.js'
import { payloadAad } from '../event-store.js'
import { vectorAad } from '../recall/local-vector-index.js'
import type { PatientKeys } from './patient-keys.js'

const BATCH = 500

/**
 * Seals the payloads of events written before encryption at rest (their `payload` column is
 * still clear) with each patient's data key, and computes their lookup tags; run at start-up,
 * before anything reads (then `purgeOldVersions`). Returns how many events were sealed.
 */
export async function sealLegacyEvents(db: EventDb, keys: PatientKeys): Promise<number> {
  let sealed = 0
  for (;;) {
    const rows = await db
      .selectFrom('health_events')
      .select(['id', 'user_id', 'kind', 'payload'])
      .where('sealed', 'is', null)
      .limit(BATCH)
      .execute()
    if (rows.length === 0) break
    await db.transaction().execute(async (tx) => {
      for (const r of rows) {
        const key = await keys.forWrite(r.user_id)
        const payload = r.payload ?? {}
        await tx
          .updateTable('health_events')
          .set({
            payload: null,
            sealed: key.seal(JSON.stringify(payload), payloadAad(r.id, r.kind)),
            lookup_tags: lookupTagsOf(key, r.kind as EventKind, payload),
          })
          .where('id', '=', r.id)
          .execute()
      }
    })
    sealed += rows.length
  }
  return sealed
}

/** Seals recall vectors stored before encryption at rest (see local-vector-index.ts); returns how many. */
export async function sealLegacyVectors(db: EventDb, keys: PatientKeys): Promise<number> {
  const vectors = db as unknown as Kysely<{
    recall_vectors: { user_id: string; event_id: string; vector: Buffer; sealed: boolean }
  }>
  let sealed = 0
  for (;;) {
    const rows = await vectors.selectFrom('recall_vectors').select(['user_id', 'event_id', 'vector']).where('sealed', '=', false).limit(BATCH).execute()
    if (rows.length === 0) return sealed
    for (const r of rows) {
      const key = await keys.forWrite(r.user_id)
      await vectors
        .updateTable('recall_vectors')
        .set({ vector: key.seal(r.vector, vectorAad(r.event_id)), sealed: true })
        .where('user_id', '=', r.user_id)
        .where('event_id', '=', r.event_id)
        .execute()
    }
    sealed += rows.length
  }
}

/**
 * After sealing what was stored in clear: rewrites the tables so the clear versions leave their
 * files, then ends the WAL segment that logged them and checkpoints, so the segment is removed
 * (PGlite). A PostgreSQL server may not allow the last two to this role; its WAL archive and
 * backups are the operator's to rotate.
 */
export async function purgeOldVersions(db: EventDb, tables: string[]): Promise<void> {
  for (const table of tables) await sql`vacuum full ${sql.table(table)}`.execute(db)
  try {
    // PGlite checkpoints in this very session: with wal_recycle off the segment is then deleted,
    // not renamed for reuse with its contents.
    await db.transaction().execute(async (tx) => {
      await sql`set local wal_recycle = off`.execute(tx)
      await sql`select pg_switch_wal()`.execute(tx)
      await sql`checkpoint`.execute(tx)
    })
  } catch {
    // Not permitted to this role: the segments go when the server recycles them.
  }
}
