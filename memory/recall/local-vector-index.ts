import { sql, type QueryCreator, type Kysely } from 'kysely'
import { DataKeyMissingError, type PatientKeys } from '../encryption/patient-keys.js'
import type { EventDb } from '../event-db.js'
import type { EventKind } from '../event-kinds.js'
import { decodePacked, encodePacked, packVector } from './packed-vector.js'
import { PatientVectors, type PatientRow } from './patient-vectors.js'
import type { MemoryVector, VectorIndex, VectorMatch, VectorQuery } from './vector-index.js'

interface RecallTables {
  recall_vectors: {
    user_id: string
    event_id: string
    embedder: string
    kind: string
    occurred_at: Date | string
    /** The packed vector, sealed with the patient's data key when `sealed` (every row written now). */
    vector: Buffer
    sealed: boolean
  }
  recall_versions: { user_id: string; version: string }
}

/** One patient's vectors of one embedder in memory, at the version they were read. */
interface CachedPatient {
  version: string
  embedderId: string
  vectors: PatientVectors
  bytes: number
}

export interface LocalVectorIndexOptions {
  /** Memory for cached patients' vectors; the least recently searched go first. Default 128 MB. */
  cacheBytes?: number
}

const INSERT_CHUNK = 500

/** What a sealed vector is bound to: its event. */
export const vectorAad = (eventId: string) => `recall-vector|${eventId}`

/**
 * Recall's default index: each patient's vectors in the event-store database (PGlite or
 * PostgreSQL, table `recall_vectors`), searched exactly. A patient has at most thousands of
 * memories, so scoring all of them takes a millisecond or so; reading them takes longer, so
 * the patients searched most recently stay in memory (an LRU bounded by bytes).
 *
 * The cache stays current without trusting this process to be the only writer: every write
 * moves the patient's version (`recall_versions`) in the same transaction, and a search reads
 * that version first (one primary-key lookup) and reloads on a mismatch. This process's own
 * writes patch its cached copy instead, so a chatting patient's next search does not reload.
 *
 * Vectors are sealed with the patient's data key: a hashed word vector is a list of which
 * words (hashes anyone can compute) were said, so in clear it would give the words away.
 */
export class LocalVectorIndex implements VectorIndex {
  readonly name = 'local'
  private readonly db: Kysely<RecallTables>
  private readonly cache = new Map<string, CachedPatient>()
  private cachedBytes = 0
  private readonly cacheLimit: number

  constructor(
    db: EventDb,
    private readonly keys: PatientKeys,
    opts: LocalVectorIndexOptions = {},
  ) {
    this.db = db as unknown as Kysely<RecallTables>
    this.cacheLimit = opts.cacheBytes ?? 128 * 1024 * 1024
  }

  async upsert(userId: string, embedderId: string, vectors: MemoryVector[]): Promise<void> {
    if (vectors.length === 0) return
    const key = await this.keys.forWrite(userId)
    const rows: PatientRow[] = vectors.map((v) => ({
      eventId: v.eventId,
      kind: v.kind,
      at: v.occurredAt.getTime(),
      vector: packVector(v.values),
    }))
    const values = (chunk: PatientRow[]) =>
      chunk.map((r) => ({
        user_id: userId,
        event_id: r.eventId,
        embedder: embedderId,
        kind: r.kind,
        occurred_at: new Date(r.at),
        vector: key.seal(encodePacked(r.vector), vectorAad(r.eventId)),
        sealed: true,
      }))
    const insertVectors = (db: Pick<Kysely<RecallTables>, 'insertInto'>, chunk: PatientRow[]) =>
      db
        .insertInto('recall_vectors')
        .values(values(chunk))
        .onConflict((oc) =>
          oc.columns(['user_id', 'event_id']).doUpdateSet((eb) => ({
            embedder: eb.ref('excluded.embedder'),
            kind: eb.ref('excluded.kind'),
            occurred_at: eb.ref('excluded.occurred_at'),
            vector: eb.ref('excluded.vector'),
            sealed: eb.ref('excluded.sealed'),
          })),
        )
    // The usual write (one turn's memories) is one statement; a reindex batch a transaction.
    const versions =
      rows.length <= INSERT_CHUNK
        ? await moveVersionWith(this.db, userId, (db) => insertVectors(db, rows))
        : await this.db.transaction().execute(async (tx) => {
            const moved = await moveVersion(tx, userId)
            for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insertVectors(tx, rows.slice(i, i + INSERT_CHUNK)).execute()
            return moved
          })
    this.patch(userId, versions, (cached) => {
      for (const r of rows) {
        // A vector of another embedder replaces this row in the table but is never searched with this copy.
        if (embedderId === cached.embedderId) cached.vectors.set(r)
        else cached.vectors.delete(r.eventId)
      }
    })
  }

  async delete(userId: string, eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return
    const versions = await moveVersionWith(this.db, userId, (db) =>
      db.deleteFrom('recall_vectors').where('user_id', '=', userId).where('event_id', 'in', eventIds),
    )
    this.patch(userId, versions, (cached) => eventIds.forEach((id) => cached.vectors.delete(id)))
  }

  async deletePatient(userId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('recall_vectors').where('user_id', '=', userId).execute()
      await tx.deleteFrom('recall_versions').where('user_id', '=', userId).execute()
    })
    this.drop(userId)
  }

  async query(userId: string, embedderId: string, q: VectorQuery): Promise<VectorMatch[]> {
    const cached = await this.load(userId, embedderId)
    if (!cached) return []
    const matches = cached.vectors.search(q.vector, q.topK, {
      kinds: q.kinds?.length ? new Set(q.kinds) : undefined,
      from: q.from?.getTime() ?? -Infinity,
      to: q.to?.getTime() ?? Infinity,
    })
    // A search may have built the patient's inverted index: the copy grew.
    this.account(cached)
    return matches.map((m) => ({ eventId: m.eventId, score: m.score, kind: m.kind, occurredAt: new Date(m.at) }))
  }

  async close(): Promise<void> {
    this.cache.clear()
    this.cachedBytes = 0
  }

  /** Patients and bytes of vectors held in memory now. */
  get cacheStats(): { patients: number; bytes: number } {
    return { patients: this.cache.size, bytes: this.cachedBytes }
  }

  /** The patient's vectors of this embedder, from the cache when its version is current. */
  private async load(userId: string, embedderId: string): Promise<CachedPatient | undefined> {
    const current = await this.db
      .selectFrom('recall_versions')
      .select('version')
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (!current) {
      this.drop(userId)
      return undefined
    }
    const version = String(current.version)
    const cached = this.cache.get(userId)
    if (cached && cached.version === version && cached.embedderId === embedderId) {
      // A Map iterates in insertion order: re-inserting makes it the most recently used.
      this.cache.delete(userId)
      this.cache.set(userId, cached)
      return cached
    }
    // Read after the version: a write landing in between leaves a copy newer than its version,
    // which the next search reloads; an older copy is never taken for current.
    const key = await this.keys.forRead(userId)
    const rows = await this.db
      .selectFrom('recall_vectors')
      .select(['event_id', 'kind', 'occurred_at', 'vector', 'sealed'])
      .where('user_id', '=', userId)
      .where('embedder', '=', embedderId)
      .execute()
    let vectors: PatientVectors | undefined
    for (const r of rows) {
      if (r.sealed && !key) throw new DataKeyMissingError(`recall vectors of account ${userId} are sealed but no data key exists for it`)
      const vector = decodePacked(r.sealed ? key!.open(r.vector, vectorAad(r.event_id)) : r.vector)
      vectors ??= new PatientVectors(vector.dims)
      vectors.set({ eventId: r.event_id, kind: r.kind as EventKind, at: new Date(r.occurred_at).getTime(), vector })
    }
    this.drop(userId)
    if (!vectors) return undefined
    const entry: CachedPatient = { version, embedderId, vectors, bytes: 0 }
    this.cache.set(userId, entry)
    this.account(entry)
    return entry
  }

  /** Applies this process's own write to its cached copy, if that copy was current just before it. */
  private patch(userId: string, versions: { before?: string; after: string }, apply: (c: CachedPatient) => void): void {
    const cached = this.cache.get(userId)
    if (!cached) return
    if (cached.version !== versions.before) return this.drop(userId)
    try {
      apply(cached)
    } catch {
      // A vector that does not fit the copy (another embedder's dimensions): read it afresh next time.
      return this.drop(userId)
    }
    cached.version = versions.after
    this.account(cached)
  }

  private account(cached: CachedPatient): void {
    const bytes = cached.vectors.bytes
    this.cachedBytes += bytes - cached.bytes
    cached.bytes = bytes
    this.evict()
  }

  private drop(userId: string): void {
    const cached = this.cache.get(userId)
    if (!cached) return
    this.cache.delete(userId)
    this.cachedBytes -= cached.bytes
  }

  private evict(): void {
    for (const userId of this.cache.keys()) {
      if (this.cachedBytes <= this.cacheLimit || this.cache.size <= 1) break
      this.drop(userId)
    }
  }
}

/**
 * Writes (through `write`, as a data-modifying CTE) and moves the patient's version, all in one
 * statement, returning the version replaced and the new one. One statement is atomic and its
 * version upsert locks the row, so one patient's writes still commit in version order.
 */
async function moveVersionWith(
  db: Kysely<RecallTables>,
  userId: string,
  write: (db: QueryCreator<RecallTables>) => { execute(): Promise<unknown> },
): Promise<{ before?: string; after: string }> {
  const next = sql<string>`nextval('recall_version_seq')`
  const row = await db
    .with('before', (qb) => qb.selectFrom('recall_versions').select('version').where('user_id', '=', userId).forUpdate())
    .with('written', (qb) => write(qb) as never)
    .with('after', (qb) =>
      qb
        .insertInto('recall_versions')
        .values({ user_id: userId, version: next })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ version: next }))
        .returning('version'),
    )
    .selectNoFrom((eb) => [
      eb.selectFrom('before').select('version').as('before'),
      eb.selectFrom('after').select('version').as('after'),
    ])
    .executeTakeFirstOrThrow()
  return { before: row.before === null || row.before === undefined ? undefined : String(row.before), after: String(row.after) }
}

/**
 * Gives the patient a new version and returns the one it replaces. The row lock taken here
 * holds until commit, so one patient's writes commit in version order.
 */
async function moveVersion(tx: Kysely<RecallTables>, userId: string): Promise<{ before?: string; after: string }> {
  const before = await tx
    .selectFrom('recall_versions')
    .select('version')
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst()
  const next = sql<string>`nextval('recall_version_seq')`
  const after = await tx
    .insertInto('recall_versions')
    .values({ user_id: userId, version: next })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ version: next }))
    .returning('version')
    .executeTakeFirstOrThrow()
  return { before: before ? String(before.version) : undefined, after: String(after.version) }
}
