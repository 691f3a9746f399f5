import type { EventKind } from '../event-kinds.js'
import { MAX_PAGE, type EventStore, type HealthEvent } from '../event-store.js'
import { isZeroVector, type Embedder } from './embedder.js'
import { memoryTextOf, RECALLED_KINDS } from './memory-text.js'
import { RecallIndexer, snippetOf, type RecallIndexerOptions } from './recall-indexer.js'
import type { VectorIndex } from './vector-index.js'

export type { RecallIndexerOptions }

export interface RecallQuery {
  /** What to look for, in the patient's words or the model's. */
  query: string
  kinds?: EventKind[]
  /** Inclusive. */
  from?: string | Date
  /** Exclusive. */
  to?: string | Date
  /** 1–50, default 10. */
  limit?: number
}

export interface RecallResult {
  /** The current version of the remembered event. */
  event: HealthEvent
  /** Cosine similarity to the query, higher is closer. */
  score: number
  /** The words that matched: what the patient said, cut short. */
  snippet: string
}

export interface ReindexSummary {
  patients: number
  indexed: number
}

/** The most results one search returns. */
export const MAX_RECALL_LIMIT = 50
const DEFAULT_LIMIT = 10
// Vectors of events removed or corrected a moment ago may still be indexed; fetching a few
// more than asked keeps the page full after they are dropped.
const OVERFETCH = 10

/**
 * Recall over a patient's own history: what they said in chat and the words of their events,
 * searched by similarity. Search reads one patient's vectors only and returns each match as
 * its current event from the store, so a removed or corrected memory never comes back even
 * before the index has caught up.
 *
 * @example
 * const recall = new RecallService(events, new LocalVectorIndex(eventDb.db, events.keys), new HashedNgramEmbedder())
 * recall.start()
 * const results = await recall.search(userId, { query: 'what did the doctor say about salt' })
 */
export class RecallService {
  readonly indexer: RecallIndexer
  private detach: (() => void) | undefined

  constructor(
    private readonly store: EventStore,
    readonly index: VectorIndex,
    readonly embedder: Embedder,
    opts: RecallIndexerOptions = {},
  ) {
    this.indexer = new RecallIndexer(index, embedder, opts)
  }

  /** Starts indexing every append, correction and removal of the store. */
  start(): void {
    this.detach ??= this.indexer.attach(this.store)
  }

  async search(userId: string, q: RecallQuery): Promise<RecallResult[]> {
    const limit = Math.min(Math.max(q.limit ?? DEFAULT_LIMIT, 1), MAX_RECALL_LIMIT)
    const vector = await this.embedder.embedQuery(q.query)
    if (isZeroVector(vector)) return []
    const matches = await this.index.query(userId, this.embedder.id, {
      vector,
      topK: limit + OVERFETCH,
      kinds: q.kinds,
      from: q.from === undefined ? undefined : new Date(q.from),
      to: q.to === undefined ? undefined : new Date(q.to),
    })
    const relevant = matches.filter((m) => m.score >= this.embedder.minScore)
    const results: RecallResult[] = []
    // Events are read a page at a time, only as many as still missing: usually one page of `limit`.
    for (let next = 0; next < relevant.length && results.length < limit; ) {
      const page = relevant.slice(next, next + limit - results.length)
      next += page.length
      const found = new Map((await this.store.getMany(userId, page.map((m) => m.eventId))).map((e) => [e.id, e]))
      page.forEach((m) => {
        const event = found.get(m.eventId)
        // Only the patient's current events: a vector whose event is gone is a change not yet indexed.
        if (!event || event.user_id !== userId) return
        const text = memoryTextOf(event)
        if (text) results.push({ event, score: m.score, snippet: snippetOf(text) })
      })
    }
    return results
  }

  /**
   * Rebuilds a patient's vectors from their events with the current embedder (after changing
   * it, or to repair). Queued behind the patient's pending changes, so none is lost or undone.
   * Searches during a reindex see the memories indexed so far.
   */
  async reindexPatient(userId: string): Promise<{ indexed: number }> {
    return this.indexer.exclusive(userId, async () => {
      await this.index.deletePatient(userId)
      let indexed = 0
      let cursor: string | undefined
      do {
        const page = await this.store.list(userId, { kinds: [...RECALLED_KINDS], order: 'asc', limit: MAX_PAGE, cursor })
        indexed += await this.indexer.indexEvents(userId, page.events)
        cursor = page.next_cursor ?? undefined
      } while (cursor)
      return { indexed }
    })
  }

  /** Reindexes every patient with something to recall, one after another. */
  async reindexAll(onPatient?: (userId: string, indexed: number) => void): Promise<ReindexSummary> {
    const users = await this.store.usersWithCurrent([...RECALLED_KINDS])
    let indexed = 0
    for (const userId of users) {
      const r = await this.reindexPatient(userId)
      indexed += r.indexed
      onPatient?.(userId, r.indexed)
    }
    return { patients: users.length, indexed }
  }

  /** Deletes every vector of a patient (their Pinecone namespace): part of deleting their data. */
  deletePatient(userId: string): Promise<void> {
    return this.indexer.exclusive(userId, () => this.index.deletePatient(userId))
  }

  /** Resolves once every change written so far is searchable. */
  whenIdle(): Promise<void> {
    return this.indexer.whenIdle()
  }

  /**
   * Stops following the store, applies the changes already queued (without waiting to retry a
   * failure, so shutdown is not held up by a provider that is down), and closes the index.
   */
  async close(): Promise<void> {
    this.detach?.()
    await this.indexer.drain()
    await this.index.close()
  }
}
