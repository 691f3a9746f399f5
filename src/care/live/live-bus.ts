import pg from 'pg'
import type { EventDbHandle } from '../../../memory/event-db.js'
import type { Logger } from '../../logger.js'

/**
 * What one instance tells all of them about a live push: ids only. The words stay in the
 * store; an instance holding the recipient's socket reads them (decrypted, scoped to that
 * patient) before it pushes, so no health data crosses the database's notification channel.
 */
export type LiveMessage =
  /** A patient notification was created: push it to that patient's open sockets. */
  | { type: 'notification'; user_id: string; reminder_id: string }
  /** In-app deliveries wait for this caregiver: an instance holding their socket sends them now. */
  | { type: 'flush'; caregiver_id: string }

/** The frame already built by the instance that created it, handed over in process only. */
export type LocalExtra = Record<string, unknown> | undefined
export type LiveListener = (msg: LiveMessage, local: LocalExtra) => void

/**
 * Live pushes between the instances sharing one event database. Every message reaches every
 * instance, this one included (at once, with `local`); delivery is at most once, and nothing
 * depends on it: what it announces is stored first and listed by the API.
 */
export interface LiveBus {
  publish(messages: LiveMessage[], local?: LocalExtra[]): Promise<void>
  subscribe(fn: LiveListener): () => void
  close(): Promise<void>
}

/** One instance (PGlite, or a test): publishing is calling the listeners. */
export class InProcessBus implements LiveBus {
  protected readonly listeners = new Set<LiveListener>()

  constructor(protected readonly logger?: Logger) {}

  async publish(messages: LiveMessage[], local: LocalExtra[] = []): Promise<void> {
    messages.forEach((m, i) => this.deliver(m, local[i]))
  }

  subscribe(fn: LiveListener): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  async close(): Promise<void> {
    this.listeners.clear()
  }

  protected deliver(msg: LiveMessage, local: LocalExtra): void {
    for (const fn of this.listeners) {
      try {
        fn(msg, local)
      } catch (err) {
        this.logger?.error({ err }, 'live listener failed')
      }
    }
  }
}

/** PostgreSQL limits a NOTIFY payload to 8000 bytes; messages are packed below that. */
const MAX_PAYLOAD = 7_500
const RECONNECT_MS = [500, 1_000, 2_000, 5_000, 10_000]

/**
 * Across instances on PostgreSQL: `pg_notify` on a channel named after the schema, and a
 * dedicated connection per instance that LISTENs to it (a pooled one could be handed to a
 * query mid-wait; PgBouncer in transaction mode would drop the LISTEN). Own messages are
 * delivered at once and their echo is ignored. While the listening connection is down,
 * messages to this instance are lost; it reconnects with backoff, and clients catch up by
 * listing what they missed.
 */
export class PgNotifyBus extends InProcessBus {
  private client?: pg.Client
  private closed = false
  private attempts = 0
  private readonly channel: string
  private ready: Promise<void>

  constructor(
    private readonly handle: Pick<EventDbHandle, 'pool' | 'schema'>,
    private readonly instanceId: string,
    logger: Logger,
  ) {
    super(logger)
    this.channel = `podd_live_${handle.schema}`.slice(0, 63)
    this.ready = this.listen()
  }

  /** Resolves once this instance is listening (tests wait for it before publishing elsewhere). */
  listening(): Promise<void> {
    return this.ready
  }

  override async publish(messages: LiveMessage[], local: LocalExtra[] = []): Promise<void> {
    if (messages.length === 0) return
    messages.forEach((m, i) => this.deliver(m, local[i]))
    for (const payload of pack(this.instanceId, messages)) {
      await this.handle.pool.query('select pg_notify($1, $2)', [this.channel, payload])
    }
  }

  override async close(): Promise<void> {
    this.closed = true
    await super.close()
    await this.client?.end().catch(() => undefined)
  }

  private async listen(): Promise<void> {
    const client = new pg.Client(this.handle.pool.options)
    client.on('notification', (n) => {
      if (n.channel !== this.channel || !n.payload) return
      try {
        const { origin, messages } = JSON.parse(n.payload) as { origin: string; messages: LiveMessage[] }
        if (origin !== this.instanceId) for (const m of messages) this.deliver(m, undefined)
      } catch (err) {
        this.logger?.warn({ err }, 'unreadable live notification')
      }
    })
    client.on('error', (err) => {
      this.logger?.warn({ err }, 'live notification connection lost; reconnecting')
      this.reconnect(client)
    })
    client.on('end', () => this.reconnect(client))
    this.client = client
    try {
      await client.connect()
      await client.query(`listen "${this.channel}"`)
      this.attempts = 0
    } catch (err) {
      this.logger?.warn({ err }, 'could not listen for live notifications; retrying')
      this.reconnect(client)
    }
  }

  private reconnect(client: pg.Client): void {
    if (this.closed || this.client !== client) return
    this.client = undefined
    client.end().catch(() => undefined)
    const delay = RECONNECT_MS[Math.min(this.attempts++, RECONNECT_MS.length - 1)]
    setTimeout(() => void (this.ready = this.listen()), delay).unref()
  }
}

/** Messages packed into payloads under PostgreSQL's limit, each serialised once. */
function pack(origin: string, messages: LiveMessage[]): string[] {
  const head = `{"origin":${JSON.stringify(origin)},"messages":[`
  const out: string[] = []
  let parts: string[] = []
  let size = head.length + 2
  for (const m of messages) {
    const s = JSON.stringify(m)
    if (parts.length && size + s.length + 1 > MAX_PAYLOAD) {
      out.push(`${head}${parts.join(',')}]}`)
      parts = []
      size = head.length + 2
    }
    parts.push(s)
    size += s.length + 1
  }
  if (parts.length) out.push(`${head}${parts.join(',')}]}`)
  return out
}

/** The bus for the event database in use: NOTIFY on PostgreSQL, in process on PGlite. */
export function createLiveBus(handle: EventDbHandle, instanceId: string, logger: Logger): LiveBus {
  return handle.engine === 'postgres' ? new PgNotifyBus(handle, instanceId, logger) : new InProcessBus(logger)
}
