import { newId } from '../core/ids.js'
import type { VitalsFlags } from './clinical-thresholds.js'
import { eventKindOf, SOURCES, type EventKind, type EventSource } from './event-kinds.js'
import {
  type AppendInput,
  type AppendListener,
  type CorrectionInput,
  DEFAULT_PAGE,
  decodeCursor,
  encodeCursor,
  EventConflictError,
  EventNotFoundError,
  type EventPage,
  type HealthEvent,
  type HealthEventStore,
  type HistoricalEvent,
  isUuid,
  type ListQuery,
  MAX_PAGE,
  type RemoveListener,
  assertSameWrite,
  toDate,
} from './event-store.js'
import { normalizePayload } from './normalize-payload.js'
import { assertFilterable } from './event-lookup-tags.js'

interface Row extends HealthEvent {
  seq: number
  tombstone: boolean
}

/**
 * The event store's twin in memory, for unit tests of tools, planners and domain services that
 * need no database. It keeps the store's contract (the same suite runs on both): payloads
 * validated and normalised by the same code, idempotent replays and conflicts, corrections and
 * tombstones, the current view, cursors, listeners. Each mutation happens without an `await`
 * between its check and its write, so concurrent corrections race as they do in SQL.
 */
export class InMemoryEventStore implements HealthEventStore {
  private readonly rows: Row[] = []
  private readonly listeners = new Set<AppendListener>()
  private readonly removeListeners = new Set<RemoveListener>()

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly onListenerError: (err: unknown) => void = () => {},
  ) {}

  onAppend(listener: AppendListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  onRemove(listener: RemoveListener): () => void {
    this.removeListeners.add(listener)
    return () => this.removeListeners.delete(listener)
  }

  async append<K extends EventKind>(userId: string, input: AppendInput<K>): Promise<{ event: HealthEvent<K>; created: boolean }> {
    const { payload, flags } = normalizePayload(input.kind, input.payload)
    const now = this.now()
    const occurredAt = toDate(input.occurred_at, now)
    if (input.idempotency_key !== undefined) {
      const first = this.rows.find((r) => r.user_id === userId && r.idempotency_key === input.idempotency_key)
      if (first) {
        const again = { kind: input.kind, payload, occurredAt: input.occurred_at === undefined ? undefined : occurredAt, supersedes: null }
        assertSameWrite(view(first), again)
        return { event: view(first) as unknown as HealthEvent<K>, created: false }
      }
    }
    const id = newId(now.getTime())
    const row = this.insert({
      id,
      user_id: userId,
      kind: input.kind,
      context_id: input.context_id ?? `${input.kind}:${id}`,
      event_kind: eventKindOf(input.kind),
      payload,
      flags,
      occurred_at: occurredAt.toISOString(),
      recorded_at: now.toISOString(),
      source: input.source,
      supersedes: null,
      idempotency_key: input.idempotency_key ?? null,
      tombstone: false,
    })
    const event = view(row)
    this.emit(event, this.listeners)
    return { event: event as unknown as HealthEvent<K>, created: true }
  }

  async get(userId: string, id: string): Promise<HealthEvent | undefined> {
    const row = this.currentRows(userId).find((r) => r.id === id)
    return row ? view(row) : undefined
  }

  async getMany(userId: string, ids: string[]): Promise<HealthEvent[]> {
    const wanted = new Set(ids.filter(isUuid))
    return this.currentRows(userId)
      .filter((r) => wanted.has(r.id))
      .map(view)
  }

  async list(userId: string, q: ListQuery = {}): Promise<EventPage> {
    const limit = Math.min(Math.max(q.limit ?? DEFAULT_PAGE, 1), MAX_PAGE)
    const desc = (q.order ?? 'desc') === 'desc'
    const after = q.cursor ? decodeCursor(q.cursor) : undefined
    const from = q.from ? new Date(q.from).getTime() : -Infinity
    const to = q.to ? new Date(q.to).getTime() : Infinity
    assertFilterable(q.payloadEquals ?? {})
    const rows = this.currentRows(userId)
      .filter((r) => !q.kinds?.length || q.kinds.includes(r.kind))
      .filter((r) => !q.contextId || r.context_id === q.contextId)
      .filter((r) => Object.entries(q.payloadEquals ?? {}).every(([field, value]) => String(r.payload[field]) === value))
      .filter((r) => Date.parse(r.occurred_at) >= from && Date.parse(r.occurred_at) < to)
      .sort((a, b) => (desc ? -1 : 1) * compareKey(a, b))
      .filter((r) => !after || (desc ? -1 : 1) * compareKey(r, { occurred_at: after[0].toISOString(), id: after[1] }) > 0)
    const events = rows.slice(0, limit).map(view)
    return { events, next_cursor: rows.length > limit ? encodeCursor(events.at(-1)!) : null }
  }

  async scan(userId: string, q: Omit<ListQuery, 'cursor' | 'limit' | 'order'> & { max?: number } = {}): Promise<HealthEvent[]> {
    const { max = 20_000, ...query } = q
    const out: HealthEvent[] = []
    let cursor: string | undefined
    do {
      const page = await this.list(userId, { ...query, order: 'asc', limit: MAX_PAGE, cursor })
      out.push(...page.events)
      cursor = page.next_cursor ?? undefined
    } while (cursor && out.length < max)
    return out.slice(0, max)
  }

  async latest<K extends EventKind>(userId: string, kind: K): Promise<HealthEvent<K> | undefined> {
    return (await this.list(userId, { kinds: [kind], limit: 1 })).events[0] as HealthEvent<K> | undefined
  }

  async correct(userId: string, id: string, input: CorrectionInput): Promise<HealthEvent> {
    const earlier = input.idempotency_key === undefined ? undefined : this.rows.find((r) => r.user_id === userId && r.idempotency_key === input.idempotency_key)
    if (earlier) {
      const { payload } = normalizePayload(earlier.kind, input.payload)
      const occurredAt = input.occurred_at === undefined ? undefined : toDate(input.occurred_at, this.now())
      assertSameWrite(view(earlier), { kind: earlier.kind, payload, occurredAt, supersedes: id })
      return view(earlier)
    }
    const target = this.currentRows(userId).find((r) => r.id === id)
    if (!target) throw this.missing(userId, id)
    const { payload, flags } = normalizePayload(target.kind, input.payload)
    const now = this.now()
    const row = this.insert({
      ...target,
      id: newId(now.getTime()),
      payload,
      flags,
      occurred_at: input.occurred_at ? toDate(input.occurred_at, now).toISOString() : target.occurred_at,
      recorded_at: now.toISOString(),
      source: input.source,
      supersedes: target.id,
      idempotency_key: input.idempotency_key ?? null,
      tombstone: false,
    })
    const event = view(row)
    this.emit(event, this.listeners)
    return event
  }

  async remove(userId: string, id: string, opts: { source: EventSource }): Promise<void> {
    const target = this.currentRows(userId).find((r) => r.id === id)
    if (!target) throw this.missing(userId, id)
    const now = this.now()
    this.insert({
      ...target,
      id: newId(now.getTime()),
      event_kind: 'action',
      payload: {},
      flags: null,
      occurred_at: now.toISOString(),
      recorded_at: now.toISOString(),
      source: opts.source,
      supersedes: target.id,
      idempotency_key: null,
      tombstone: true,
    })
    this.emit(view(target), this.removeListeners)
  }

  async history(userId: string, contextId: string): Promise<HistoricalEvent[]> {
    return this.rows
      .filter((r) => r.user_id === userId && r.context_id === contextId)
      .map((r) => ({ ...view(r), tombstone: r.tombstone }))
  }

  private insert(row: Omit<Row, 'seq'>): Row {
    // The table's check constraint, as a bug elsewhere might meet it.
    if (!SOURCES.includes(row.source)) throw new Error(`source "${row.source}" violates the events table's check`)
    const stored = { ...row, seq: this.rows.length }
    this.rows.push(stored)
    return stored
  }

  private currentRows(userId: string): Row[] {
    const superseded = new Set(this.rows.filter((r) => r.user_id === userId && r.supersedes).map((r) => r.supersedes))
    return this.rows.filter((r) => r.user_id === userId && !r.tombstone && !superseded.has(r.id))
  }

  /** As the SQL store says it: not found, or a conflict naming the version that replaced it. */
  private missing(userId: string, id: string): Error {
    const replacedBy = this.rows.find((r) => r.user_id === userId && r.supersedes === id)
    if (!replacedBy || replacedBy.tombstone) return new EventNotFoundError('Event not found')
    return new EventConflictError(`This event was already corrected; its current version is ${replacedBy.id}`)
  }

  private emit(event: HealthEvent, listeners: Set<AppendListener | RemoveListener>): void {
    for (const listener of listeners) {
      Promise.resolve()
        .then(() => listener(event))
        .catch(this.onListenerError)
    }
  }
}

/** A stored row as readers see it: a copy, so a caller cannot change the store by accident. */
function view(row: Row): HealthEvent {
  const { seq: _seq, tombstone: _tombstone, ...event } = row
  return structuredClone({ ...event, flags: (event.flags as VitalsFlags | null) ?? null })
}

/** The store's order: by occurred_at, then id. */
function compareKey(a: { occurred_at: string; id: string }, b: { occurred_at: string; id: string }): number {
  return Date.parse(a.occurred_at) - Date.parse(b.occurred_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
