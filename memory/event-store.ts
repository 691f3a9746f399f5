import { sql, type Insertable, type Selectable } from 'kysely'
import { ConflictError, NotFoundError, PoddError } from '../core/errors.js'
import { UUID_RE, newId } from '../core/ids.js'
import type { VitalsFlags } from './clinical-thresholds.js'
import { DataKeyMissingError, type DataKey, type PatientKeys } from './encryption/patient-keys.js'
import type { EventDb, HealthEventsTable } from './event-db.js'
import { eventKindOf, type EventKind, type EventSource, type PayloadOf } from './event-kinds.js'
import { assertFilterable, lookupTagsFor, lookupTagsOf } from './event-lookup-tags.js'
import { FIRST_DATE, isAcceptedInstant, LAST_DATE } from './local-time.js'
import { EventValidationError, normalizePayload } from './normalize-payload.js'

/**
 * A health event as every reader sees it. With a specific kind the payload is typed; an event
 * of any kind carries a loosely typed payload (narrow on `kind` or use the kind's type).
 */
export interface HealthEvent<K extends EventKind = EventKind> {
  id: string
  user_id: string
  kind: K
  context_id: string
  event_kind: 'fact' | 'action'
  payload: EventKind extends K ? Record<string, any> : PayloadOf<K>
  flags: VitalsFlags | null
  occurred_at: string
  recorded_at: string
  source: EventSource
  supersedes: string | null
  idempotency_key: string | null
}

/** Widens a typed event to the any-kind view (lists, responses, streams). */
export const anyEvent = <K extends EventKind>(e: HealthEvent<K>): HealthEvent => e as unknown as HealthEvent

/** A version in an event's history, including the tombstone that removed it. */
export interface HistoricalEvent extends Omit<HealthEvent, 'payload'> {
  payload: Record<string, unknown>
  tombstone: boolean
}

export interface AppendInput<K extends EventKind = EventKind> {
  kind: K
  /** Validated and normalised by the kind's schema (units converted, vitals classified). */
  payload: unknown
  occurred_at?: string | Date
  source: EventSource
  /** A tool call id or a client key: a retry with the same key returns the first event. */
  idempotency_key?: string
  /** For entities with a fixed identity (the profile); otherwise `<kind>:<id>`. */
  context_id?: string
}

export interface CorrectionInput {
  payload: unknown
  occurred_at?: string | Date
  source: EventSource
  idempotency_key?: string
}

export interface ListQuery {
  kinds?: EventKind[]
  from?: string | Date
  to?: string | Date
  contextId?: string
  /**
   * Top-level payload fields that must equal these strings (e.g. a chat's thread_id). Payloads
   * are sealed: only the fields in LOOKUP_FIELDS (event-lookup-tags.ts) can be filtered on.
   */
  payloadEquals?: Record<string, string>
  /** 1–500, default 50. */
  limit?: number
  cursor?: string
  order?: 'desc' | 'asc'
}

export interface EventPage {
  events: HealthEvent[]
  next_cursor: string | null
}

export class EventNotFoundError extends NotFoundError {
  override name = 'EventNotFoundError'
}
export class EventConflictError extends ConflictError {
  override name = 'EventConflictError'
}

export type AppendListener = (event: HealthEvent) => void | Promise<void>
/** Told the version that a removal took out of the current view (its tombstone is in history). */
export type RemoveListener = (removed: HealthEvent) => void | Promise<void>

export const MAX_PAGE = 500
export const DEFAULT_PAGE = 50
/** How far in the future an occurred_at may be: clocks drift, the future does not happen. */
const FUTURE_TOLERANCE_MS = 5 * 60_000

type Row = Selectable<HealthEventsTable>

/** What a write reads back: everything but the sealed payload, which the writer has in clear. */
const WRITTEN_COLUMNS = [
  'seq',
  'id',
  'user_id',
  'kind',
  'context_id',
  'event_kind',
  'flags',
  'occurred_at',
  'recorded_at',
  'source',
  'supersedes',
  'tombstone',
  'idempotency_key',
] as const
type WrittenRow = Pick<Row, (typeof WRITTEN_COLUMNS)[number]>

/** What a sealed payload is bound to: the event it belongs to. */
export const payloadAad = (id: string, kind: string) => `event|${id}|${kind}`

/**
 * The event a row holds. The payload is opened with the patient's key (or taken from what the
 * key opened before: a version's payload never changes), unless the caller already has it (the
 * row it just wrote) or the row predates encryption.
 */
function toEvent(row: Row | WrittenRow, key: DataKey | undefined, known?: Record<string, unknown>): HealthEvent {
  let payload = known ?? ('payload' in row ? row.payload : undefined)
  if (!known && 'sealed' in row && row.sealed) {
    if (!key) throw new DataKeyMissingError(`events of account ${row.user_id} are sealed but no data key exists for it`)
    payload = JSON.parse(key.openText(row.sealed, payloadAad(row.id, row.kind)))
  }
  return {
    id: row.id,
    user_id: row.user_id,
    kind: row.kind as EventKind,
    context_id: row.context_id,
    event_kind: row.event_kind,
    payload: payload as never,
    flags: (row.flags as VitalsFlags | null) ?? null,
    occurred_at: new Date(row.occurred_at).toISOString(),
    recorded_at: new Date(row.recorded_at).toISOString(),
    source: row.source as EventSource,
    supersedes: row.supersedes,
    idempotency_key: row.idempotency_key,
  }
}

export function encodeCursor(e: HealthEvent): string {
  return Buffer.from(JSON.stringify([e.occurred_at, e.id])).toString('base64url')
}

export class InvalidCursorError extends PoddError {
  override name = 'InvalidCursorError'
  constructor(message: string) {
    super('BAD_REQUEST', message)
  }
}

export function decodeCursor(cursor: string): [Date, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string]
    const date = new Date(at)
    // A forged time outside the calendar (year -271821) would fail in the database, not here.
    if (!isAcceptedInstant(date) || typeof id !== 'string' || !UUID_RE.test(id)) throw new Error()
    return [date, id]
  } catch {
    throw new InvalidCursorError('cursor is not one this API returned')
  }
}

/** When an event happened: now when not given; refused when unreadable or in the future. */
export function toDate(value: string | Date | undefined, now: Date): Date {
  if (value === undefined) return now
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) throw invalidTime('must be an ISO 8601 date-time')
  if (!isAcceptedInstant(d)) throw invalidTime(`must be between ${FIRST_DATE} and ${LAST_DATE}`)
  if (d.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw invalidTime('cannot be more than 5 minutes in the future')
  return d
}

const invalidTime = (message: string) => new EventValidationError(`occurred_at ${message}`, [{ path: 'occurred_at', message }])

/** The sealed columns of a new row: the payload under the patient's key, and its lookup tags. */
function sealedColumns(key: DataKey, id: string, kind: EventKind, payload: Record<string, unknown>) {
  return {
    payload: null,
    sealed: key.seal(JSON.stringify(payload), payloadAad(id, kind)),
    lookup_tags: lookupTagsOf(key, kind, payload),
  }
}

/**
 * What the rest of Podd reads and writes health events through: the store below, or its
 * in-memory twin (in-memory-event-store.ts) in unit tests of tools, planners and services.
 */
export type HealthEventStore = Pick<
  EventStore,
  'append' | 'get' | 'getMany' | 'list' | 'scan' | 'latest' | 'correct' | 'remove' | 'history' | 'onAppend' | 'onRemove'
>

/**
 * The health event store: append-only, per patient, over Kysely's Postgres SQL (PGlite or
 * PostgreSQL). Every method takes the patient's user id; nothing reads across patients.
 * Corrections and removals are new events; reads return the current view. Payloads are sealed
 * with the patient's own data key (`keys`); ids, kinds, times and flags stay in clear columns.
 */
export class EventStore {
  private readonly listeners = new Set<AppendListener>()
  private readonly removeListeners = new Set<RemoveListener>()
  private readonly batcher: AppendBatcher

  constructor(
    private readonly db: EventDb,
    /** Each patient's data key: what seals their payloads (shared with recall and checkpoints). */
    readonly keys: PatientKeys,
    private readonly now: () => Date = () => new Date(),
    private readonly onListenerError: (err: unknown) => void = () => {},
  ) {
    this.batcher = new AppendBatcher(db)
  }

  /** Called after each committed append (not for replays of an idempotency key). */
  onAppend(listener: AppendListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Called after each committed removal, with the version removed (derived views drop it). */
  onRemove(listener: RemoveListener): () => void {
    this.removeListeners.add(listener)
    return () => this.removeListeners.delete(listener)
  }

  async append<K extends EventKind>(userId: string, input: AppendInput<K>): Promise<{ event: HealthEvent<K>; created: boolean }> {
    const { payload, flags } = normalizePayload(input.kind, input.payload)
    // No await when the key is cached: appends arriving together must reach the batcher together.
    const key = this.keys.cached(userId) ?? (await this.keys.forWrite(userId))
    const now = this.now()
    const id = newId(now.getTime())
    const row = {
      id,
      user_id: userId,
      kind: input.kind,
      context_id: input.context_id ?? `${input.kind}:${id}`,
      event_kind: eventKindOf(input.kind),
      ...sealedColumns(key, id, input.kind, payload),
      flags: flags ? JSON.stringify(flags) : null,
      occurred_at: toDate(input.occurred_at, now),
      recorded_at: now,
      source: input.source,
      supersedes: null,
      tombstone: false,
      idempotency_key: input.idempotency_key ?? null,
    }
    const inserted = await this.batcher.insert(row)
    if (inserted) {
      const event = toEvent(inserted, key, payload)
      this.emit(event)
      return { event: event as unknown as HealthEvent<K>, created: true }
    }
    const replayed = (await this.byIdempotencyKey(userId, key, input.idempotency_key!))!
    assertSameWrite(replayed, { kind: input.kind, payload, occurredAt: input.occurred_at === undefined ? undefined : row.occurred_at, supersedes: null })
    return { event: replayed as unknown as HealthEvent<K>, created: false }
  }

  /** The event first written under an idempotency key, whatever became of it since. */
  private async byIdempotencyKey(userId: string, key: DataKey | undefined, idempotencyKey: string): Promise<HealthEvent | undefined> {
    const row = await this.db
      .selectFrom('health_events')
      .selectAll()
      .where('user_id', '=', userId)
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst()
    return row ? toEvent(row, key) : undefined
  }

  /** The current version of an event, or undefined when it does not exist, is another patient's, or was replaced. */
  async get(userId: string, id: string): Promise<HealthEvent | undefined> {
    if (!isUuid(id)) return undefined
    const key = await this.keys.forRead(userId)
    const row = await this.current(userId).where('e.id', '=', id).executeTakeFirst()
    return row ? toEvent(row, key) : undefined
  }

  /** The current versions of several events of a patient, in one query (missing ids are left out). */
  async getMany(userId: string, ids: string[]): Promise<HealthEvent[]> {
    const valid = ids.filter(isUuid)
    if (valid.length === 0) return []
    const key = await this.keys.forRead(userId)
    return (await this.current(userId).where('e.id', 'in', valid).execute()).map((r) => toEvent(r, key))
  }

  async list(userId: string, q: ListQuery = {}): Promise<EventPage> {
    const limit = Math.min(Math.max(q.limit ?? DEFAULT_PAGE, 1), MAX_PAGE)
    const desc = (q.order ?? 'desc') === 'desc'
    // A cursor this API never handed out is refused whatever else the query would find.
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor)
    const key = await this.keys.forRead(userId)
    let query = this.current(userId)
    if (q.kinds?.length) query = query.where('e.kind', 'in', q.kinds)
    if (q.contextId) query = query.where('e.context_id', '=', q.contextId)
    if (q.payloadEquals && Object.keys(q.payloadEquals).length) {
      // Without a key nothing of this patient is sealed, so nothing can carry the tags.
      if (!key) return (assertFilterable(q.payloadEquals), { events: [], next_cursor: null })
      query = query.where(sql<boolean>`e.lookup_tags @> ${lookupTagsFor(key, q.payloadEquals)}::text[]`)
    }
    if (q.from) query = query.where('e.occurred_at', '>=', new Date(q.from))
    if (q.to) query = query.where('e.occurred_at', '<', new Date(q.to))
    if (after) {
      const [at, id] = after
      query = query.where(sql<boolean>`(e.occurred_at, e.id) ${sql.raw(desc ? '<' : '>')} (${at}, ${id}::uuid)`)
    }
    const rows = await query
      .orderBy('e.occurred_at', desc ? 'desc' : 'asc')
      .orderBy('e.id', desc ? 'desc' : 'asc')
      .limit(limit + 1)
      .execute()
    const events = rows.slice(0, limit).map((r) => toEvent(r, key))
    return { events, next_cursor: rows.length > limit ? encodeCursor(events.at(-1)!) : null }
  }

  /** Every current event in a range, oldest first; for insights and summaries (bounded by `max`). */
  async scan(userId: string, q: Omit<ListQuery, 'cursor' | 'limit' | 'order'> & { max?: number } = {}): Promise<HealthEvent[]> {
    const out: HealthEvent[] = []
    const max = q.max ?? 20_000
    let cursor: string | undefined
    do {
      const page = await this.list(userId, { ...q, order: 'asc', limit: MAX_PAGE, cursor })
      out.push(...page.events)
      cursor = page.next_cursor ?? undefined
    } while (cursor && out.length < max)
    return out.slice(0, max)
  }

  /** The latest current event of a kind (the profile, say). */
  async latest<K extends EventKind>(userId: string, kind: K): Promise<HealthEvent<K> | undefined> {
    const page = await this.list(userId, { kinds: [kind], limit: 1 })
    return page.events[0] as HealthEvent<K> | undefined
  }

  /** Writes a new version of an event; the old one stays in history. */
  async correct(userId: string, id: string, input: CorrectionInput): Promise<HealthEvent> {
    // A retried correction finds its first attempt by key: the target is no longer current then.
    if (input.idempotency_key) {
      const earlier = await this.byIdempotencyKey(userId, await this.keys.forRead(userId), input.idempotency_key)
      if (earlier) {
        const { payload } = normalizePayload(earlier.kind, input.payload)
        const occurredAt = input.occurred_at === undefined ? undefined : toDate(input.occurred_at, this.now())
        assertSameWrite(earlier, { kind: earlier.kind, payload, occurredAt, supersedes: id })
        return earlier
      }
    }
    const target = await this.get(userId, id)
    if (!target) throw await this.missing(userId, id)
    const { payload, flags } = normalizePayload(target.kind, input.payload)
    const key = await this.keys.forWrite(userId)
    const now = this.now()
    const versionId = newId(now.getTime())
    const row = {
      id: versionId,
      user_id: userId,
      kind: target.kind,
      context_id: target.context_id,
      event_kind: target.event_kind,
      ...sealedColumns(key, versionId, target.kind, payload),
      flags: flags ? JSON.stringify(flags) : null,
      occurred_at: input.occurred_at ? toDate(input.occurred_at, now) : new Date(target.occurred_at),
      recorded_at: now,
      source: input.source,
      supersedes: target.id,
      tombstone: false,
      idempotency_key: input.idempotency_key ?? null,
    }
    const event = toEvent(await this.insertSuperseding(row), key, payload)
    this.emit(event)
    return event
  }

  /** Removes an event from the current view with a tombstone; history keeps both. */
  async remove(userId: string, id: string, opts: { source: EventSource }): Promise<void> {
    const target = await this.get(userId, id)
    if (!target) throw await this.missing(userId, id)
    const key = await this.keys.forWrite(userId)
    const now = this.now()
    const tombstoneId = newId(now.getTime())
    await this.insertSuperseding({
      id: tombstoneId,
      user_id: userId,
      kind: target.kind,
      context_id: target.context_id,
      event_kind: 'action',
      ...sealedColumns(key, tombstoneId, target.kind, {}),
      flags: null,
      occurred_at: now,
      recorded_at: now,
      source: opts.source,
      supersedes: target.id,
      tombstone: true,
      idempotency_key: null,
    })
    this.emit(target, this.removeListeners)
  }

  /** Every version of an entity, oldest first, tombstones included: the audit trail. */
  async history(userId: string, contextId: string): Promise<HistoricalEvent[]> {
    const key = await this.keys.forRead(userId)
    const rows = await this.db
      .selectFrom('health_events')
      .selectAll()
      .where('user_id', '=', userId)
      .where('context_id', '=', contextId)
      .orderBy('seq', 'asc')
      .execute()
    return rows.map((r) => ({ ...toEvent(r, key), tombstone: r.tombstone }))
  }

  /**
   * Deletes every event of a patient, history and tombstones included: only for erasing the
   * account, after their data key was destroyed (so even copies elsewhere are unreadable).
   * The one exception to append-only.
   */
  async deleteAllOf(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('health_events').where('user_id', '=', userId).executeTakeFirst()
    return Number(result.numDeletedRows)
  }

  /** Users with current events of these kinds: for the care scheduler's explicit cross-patient scans. */
  async usersWithCurrent(kinds: EventKind[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('health_events as e')
      .select('e.user_id')
      .distinct()
      .where('e.kind', 'in', kinds)
      .where('e.tombstone', '=', false)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('health_events as s').select('s.id').whereRef('s.supersedes', '=', 'e.id'))),
      )
      .execute()
    return rows.map((r) => r.user_id)
  }

  private current(userId: string) {
    return this.db
      .selectFrom('health_events as e')
      .selectAll('e')
      .where('e.user_id', '=', userId)
      .where('e.tombstone', '=', false)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('health_events as s').select('s.id').whereRef('s.supersedes', '=', 'e.id'))),
      )
  }

  private async insertSuperseding(row: Insertable<HealthEventsTable>): Promise<WrittenRow> {
    try {
      return await this.db.insertInto('health_events').values(row).returning(WRITTEN_COLUMNS).executeTakeFirstOrThrow()
    } catch (err) {
      if (isUniqueViolation(err)) throw new EventConflictError('This event was changed at the same time; read it again')
      throw err
    }
  }

  /** Not found, or (for our own event that was replaced) a conflict that names what happened. */
  private async missing(userId: string, id: string): Promise<Error> {
    if (!isUuid(id)) return new EventNotFoundError('Event not found')
    const row = await this.db
      .selectFrom('health_events as e')
      .leftJoin('health_events as s', 's.supersedes', 'e.id')
      .select(['e.id', 's.tombstone as replaced_by_tombstone', 's.id as replaced_by'])
      .where('e.user_id', '=', userId)
      .where('e.id', '=', id)
      .executeTakeFirst()
    if (!row || !row.replaced_by || row.replaced_by_tombstone) return new EventNotFoundError('Event not found')
    return new EventConflictError(`This event was already corrected; its current version is ${row.replaced_by}`)
  }

  private emit(event: HealthEvent, listeners: Set<AppendListener | RemoveListener> = this.listeners): void {
    for (const listener of listeners) {
      Promise.resolve()
        .then(() => listener(event))
        .catch(this.onListenerError)
    }
  }
}

type NewRow = Insertable<HealthEventsTable> & { id: string }
interface Pending {
  row: NewRow
  resolve: (row: WrittenRow | undefined) => void
  reject: (err: unknown) => void
}

/**
 * Group commit for appends: rows that arrive while an insert is running go together in the
 * next multi-row INSERT. One statement costs PGlite far more than one row (a batch of 20 is
 * ~6x the throughput), and an append alone still goes out at once. A row skipped by the
 * idempotency index resolves to undefined; if a batch fails, its rows are retried one by one
 * so one bad row cannot fail the others.
 */
class AppendBatcher {
  private queue: Pending[] = []
  private running = false
  private static readonly MAX_ROWS = 500

  constructor(private readonly db: EventDb) {}

  insert(row: NewRow): Promise<WrittenRow | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject })
      if (!this.running) {
        this.running = true
        queueMicrotask(() => void this.drain())
      }
    })
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, AppendBatcher.MAX_ROWS)
      try {
        const rows = await this.write(batch.map((p) => p.row))
        const byId = new Map(rows.map((r) => [r.id, r]))
        for (const p of batch) p.resolve(byId.get(p.row.id))
      } catch (err) {
        if (batch.length === 1) batch[0]!.reject(err)
        else for (const p of batch) await this.write([p.row]).then((r) => p.resolve(r[0]), p.reject)
      }
      // Writers just resolved append again within this turn of the event loop: wait for the turn to
      // end so their rows go out together. Otherwise the one that comes back first goes alone, and
      // the batches stay split (1 + 19 instead of 20) for as long as the writers keep writing.
      if (this.queue.length < batch.length) await new Promise<void>((resolve) => setImmediate(resolve))
    }
    this.running = false
  }

  private write(rows: NewRow[]): Promise<WrittenRow[]> {
    return this.db
      .insertInto('health_events')
      .values(rows)
      .onConflict((oc) => oc.columns(['user_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing())
      .returning(WRITTEN_COLUMNS)
      .execute()
  }
}

export const isUuid = (s: string) => UUID_RE.test(s)

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505'
}

/** Deep equality of JSON values regardless of key order (jsonb reorders keys). */
/**
 * A write replayed under its idempotency key must be the same write: same kind, payload, target
 * and, when the client named one, the same occurred_at. Anything else is a conflict, never a
 * silent return of the first event.
 */
export function assertSameWrite(
  earlier: HealthEvent,
  again: { kind: EventKind; payload: unknown; occurredAt: Date | undefined; supersedes: string | null },
): void {
  const same =
    earlier.kind === again.kind &&
    earlier.supersedes === again.supersedes &&
    sameJson(earlier.payload, again.payload) &&
    (again.occurredAt === undefined || new Date(earlier.occurred_at).getTime() === again.occurredAt.getTime())
  if (!same) throw new EventConflictError('This idempotency key was already used for a different event')
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v)
}
