import type { EventStore, HealthEvent } from '../event-store.js'
import { isZeroVector, type Embedder } from './embedder.js'
import { isRecalledKind, memoryTextOf } from './memory-text.js'
import type { MemoryVector, VectorIndex } from './vector-index.js'

/** Longest snippet kept beside a vector (Pinecone metadata) and shown in results. */
export const SNIPPET_CHARS = 300

type Op =
  | { type: 'put'; event: HealthEvent; text: string }
  | { type: 'drop'; eventId: string }
  | { type: 'job'; run: () => Promise<void> }

export interface RecallIndexerOptions {
  /** Told when indexing a change failed after its retries; the write it follows never fails. */
  onError?: (err: unknown, userId: string) => void
  /** Waits before each retry of a failed batch; default 1 s then 5 s. */
  retryDelaysMs?: number[]
  /** Patients indexed at once; one patient's changes always apply in order. Default 2. */
  concurrency?: number
  /** Texts per embedding call. Default 64. */
  batchSize?: number
}

/**
 * Keeps a vector index in step with the event store, off the write path: appends, corrections
 * and removals are queued per patient and applied in order by a small pool of workers, so a
 * slow or failing embedder never slows or fails a turn (a failed batch is retried, then
 * reported; `recall:reindex` repairs what was lost). Consecutive changes of one patient go
 * out together: one embedding call and one upsert for a burst of writes.
 */
export class RecallIndexer {
  private readonly pending = new Map<string, Op[]>()
  private readonly ready: string[] = []
  private readonly active = new Set<string>()
  private idleWaiters: (() => void)[] = []
  private draining = false
  private readonly opts: Required<RecallIndexerOptions>

  constructor(
    private readonly index: VectorIndex,
    private readonly embedder: Embedder,
    opts: RecallIndexerOptions = {},
  ) {
    this.opts = { onError: () => {}, retryDelaysMs: [1000, 5000], concurrency: 2, batchSize: 64, ...opts }
  }

  /** Follows the store's appends and removals until the returned function is called. */
  attach(store: EventStore): () => void {
    const offAppend = store.onAppend((e) => this.appended(e))
    const offRemove = store.onRemove((e) => this.removed(e))
    return () => {
      offAppend()
      offRemove()
    }
  }

  /** A new event, or a correction: its predecessor's vector goes and its own (if it has words) comes. */
  appended(event: HealthEvent): void {
    // Kinds recall never indexes (a profile edit, a reading) cost nothing here.
    if (!isRecalledKind(event.kind)) return
    const text = memoryTextOf(event)
    if (event.supersedes) this.enqueue(event.user_id, { type: 'drop', eventId: event.supersedes })
    if (text) this.enqueue(event.user_id, { type: 'put', event, text })
  }

  removed(event: HealthEvent): void {
    if (isRecalledKind(event.kind)) this.enqueue(event.user_id, { type: 'drop', eventId: event.id })
  }

  /** Runs `fn` after the patient's queued changes and before any queued later (a reindex). */
  exclusive<T>(userId: string, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue(userId, { type: 'job', run: () => fn().then(resolve, reject) })
    })
  }

  /** Embeds and stores events of one patient now, in batches; returns how many were indexed. */
  async indexEvents(userId: string, events: HealthEvent[]): Promise<number> {
    const puts = events.flatMap((event) => {
      const text = memoryTextOf(event)
      return text ? [{ event, text }] : []
    })
    let indexed = 0
    for (let i = 0; i < puts.length; i += this.opts.batchSize) {
      const batch = puts.slice(i, i + this.opts.batchSize)
      const vectors = await this.embedder.embedDocuments(batch.map((p) => p.text))
      // Words that are all stopwords ("ok, hi") embed to zero: nothing could find them, and
      // Pinecone refuses all-zero vectors.
      const memories = batch.flatMap((p, k) => {
        const values = vectors[k]!
        return isZeroVector(values) ? [] : [toMemoryVector(p.event, p.text, values)]
      })
      await this.index.upsert(userId, this.embedder.id, memories)
      indexed += memories.length
    }
    return indexed
  }

  /** Resolves once every queued change is applied (tests, reindex, shutdown). */
  async whenIdle(): Promise<void> {
    // Store listeners run a microtask after the write; let them queue their changes first.
    await new Promise((r) => setImmediate(r))
    if (this.isIdle()) return
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /** Applies what is queued without waiting to retry failures, and resolves when done (shutdown). */
  drain(): Promise<void> {
    this.draining = true
    return this.whenIdle()
  }

  private isIdle(): boolean {
    return this.pending.size === 0 && this.active.size === 0
  }

  private enqueue(userId: string, op: Op): void {
    const ops = this.pending.get(userId)
    if (ops) return void ops.push(op)
    this.pending.set(userId, [op])
    if (!this.active.has(userId)) this.ready.push(userId)
    this.pump()
  }

  private pump(): void {
    while (this.active.size < this.opts.concurrency && this.ready.length > 0) {
      const userId = this.ready.shift()!
      this.active.add(userId)
      void this.work(userId)
    }
    if (this.isIdle()) {
      const waiters = this.idleWaiters
      this.idleWaiters = []
      waiters.forEach((w) => w())
    }
  }

  /** Applies a patient's queued changes: runs of puts and drops together, jobs on their own. */
  private async work(userId: string): Promise<void> {
    const ops = this.pending.get(userId) ?? []
    this.pending.delete(userId)
    let run: Op[] = []
    for (const op of ops) {
      if (op.type !== 'job') {
        run.push(op)
        continue
      }
      await this.applyChanges(userId, run)
      run = []
      await op.run()
    }
    await this.applyChanges(userId, run)
    this.active.delete(userId)
    // Changes that came while this ran wait their turn behind other patients.
    if (this.pending.has(userId)) this.ready.push(userId)
    this.pump()
  }

  private async applyChanges(userId: string, ops: Op[]): Promise<void> {
    if (ops.length === 0) return
    // The last word on each event wins: appended then removed in one burst means removed.
    const last = new Map<string, Op>()
    for (const op of ops) if (op.type !== 'job') last.set(op.type === 'put' ? op.event.id : op.eventId, op)
    const drops = [...last.values()].flatMap((op) => (op.type === 'drop' ? [op.eventId] : []))
    const puts = [...last.values()].flatMap((op) => (op.type === 'put' ? [op.event] : []))
    await this.withRetries(userId, async () => {
      await this.index.delete(userId, drops)
      await this.indexEvents(userId, puts)
    })
  }

  private async withRetries(userId: string, fn: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn()
      } catch (err) {
        const delay = this.draining ? undefined : this.opts.retryDelaysMs[attempt]
        if (delay === undefined) return this.opts.onError(err, userId)
        await new Promise((r) => setTimeout(r, delay))
      }
    }
  }
}

/** The vector of an event as indexes store it. */
export function toMemoryVector(event: HealthEvent, text: string, values: Float32Array): MemoryVector {
  return {
    eventId: event.id,
    kind: event.kind,
    occurredAt: new Date(event.occurred_at),
    snippet: snippetOf(text),
    values,
  }
}

/** A text cut at a word boundary near `SNIPPET_CHARS`, with an ellipsis when cut. */
export function snippetOf(text: string): string {
  if (text.length <= SNIPPET_CHARS) return text
  const cut = text.slice(0, SNIPPET_CHARS)
  const space = cut.lastIndexOf(' ')
  return `${(space > SNIPPET_CHARS * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}
