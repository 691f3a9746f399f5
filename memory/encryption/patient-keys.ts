import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { NotFoundError } from '../../core/errors.js'
import { KEY_BYTES, open, seal } from './aes-gcm.js'
import type { MasterKey } from './master-key.js'
import { OpenedValues } from './opened-values.js'

/** A patient's data key as stored: wrapped (AES-256-GCM) under a master key, and which one. */
export interface WrappedKey {
  wrapped: Buffer
  masterKeyId: string
}

/**
 * Where wrapped data keys live. Kept apart from the event store on purpose (the service puts
 * them in the auth database): destroying a key must not depend on destroying every copy of the
 * much larger event data, its WAL and its backups.
 */
export interface WrappedKeyStore {
  get(userId: string): Promise<WrappedKey | undefined>
  /** Stores a patient's first key; when one is already there (a concurrent first write), returns that one. */
  insert(userId: string, key: WrappedKey): Promise<WrappedKey>
  /** Removes the key for good (crypto-shredding): only ever as part of erasing the account. */
  destroy(userId: string): Promise<void>
  /** Whether this account was erased: it never gets a key again. */
  isErased(userId: string): Promise<boolean>
  /** Keys wrapped under any master but this one, a batch at a time (rotation). */
  listNotUnder(masterKeyId: string, limit: number): Promise<{ userId: string; key: WrappedKey }[]>
  /** Replaces a wrapped key if it is still `from` (so two rotations never undo each other). */
  replace(userId: string, from: WrappedKey, to: WrappedKey): Promise<boolean>
  /** The master keys (by id) that stored keys are wrapped under. */
  masterKeyIds(): Promise<string[]>
}

/** The patient's account was erased: their data key is gone and no new one is made. */
export class PatientErasedError extends NotFoundError {
  override name = 'PatientErasedError'
  constructor() {
    super('Account not found')
  }
}

/**
 * Data of a patient is sealed, but the key store has no key for them: the event store was
 * restored or copied without the key store that belongs to it.
 */
export class DataKeyMissingError extends Error {
  override name = 'DataKeyMissingError'
}

/**
 * A wrapped key names a master key this service was not given: the operator rotated
 * DATA_ENCRYPTION_KEY without keeping the old one as DATA_ENCRYPTION_KEY_PREVIOUS, or restored
 * a key store from another deployment.
 */
export class MasterKeyMismatchError extends Error {
  override name = 'MasterKeyMismatchError'
}

/** One patient's data key, unwrapped: seals and opens their data and makes their lookup tags. */
export class DataKey {
  private tagKey: Buffer | undefined
  private dropped = false

  constructor(
    private readonly key: Buffer,
    /** Where values this key opened are remembered (PatientKeys' cache), and whose they are. */
    private readonly memory?: { values: OpenedValues; userId: string },
  ) {}

  seal(plaintext: Buffer | string, aad: string): Buffer {
    return seal(this.key, plaintext, aad)
  }

  open(sealed: Uint8Array, aad: string): Buffer {
    return open(this.key, sealed, aad)
  }

  /**
   * Opens a value that is never rewritten under its associated data (an event version's
   * payload), as text, remembered for the next read while this key is held (OpenedValues).
   * Values are remembered when read, not when written: what a patient's reads come back to is
   * their recent record, and a burst of writes (an import, the summaries of a night) would
   * otherwise push it out.
   */
  openText(sealed: Uint8Array, aad: string): string {
    const known = this.memory?.values.get(this.memory.userId, aad, sealed)
    if (known !== undefined) return known
    const text = this.open(sealed, aad).toString('utf8')
    this.remember(aad, sealed, text)
    return text
  }

  private remember(aad: string, sealed: Uint8Array, text: string): void {
    // A key let go of while a read was under way must not bring its patient's values back.
    if (this.memory && !this.dropped) this.memory.values.set(this.memory.userId, aad, sealed, text)
  }

  /**
   * A keyed hash standing in for a value a query filters on (a chat's thread id, an alert's
   * condition). Keyed per patient, so equal values of two patients do not look equal, and
   * destroying the key leaves tags nobody can test a guess against.
   */
  tag(text: string): string {
    this.tagKey ??= createHmac('sha256', this.key).update('podd lookup tags').digest()
    return createHmac('sha256', this.tagKey).update(text).digest('base64url').slice(0, 22)
  }

  /** Whether this is the key `raw` (a key read again from the store is still the same one). */
  is(raw: Buffer): boolean {
    return raw.length === this.key.length && timingSafeEqual(raw, this.key)
  }

  /** PatientKeys let go of this key: the values it opened go with it, and it remembers no more. */
  drop(): void {
    this.dropped = true
    if (this.memory) this.memory.values.drop(this.memory.userId)
  }
}

export interface PatientKeysOptions {
  /** The master key data keys are wrapped under. */
  master: MasterKey
  /** A master key being rotated away from: keys still under it are unwrapped with it. */
  previous?: MasterKey
  /** Unwrapped keys kept in memory (those read from the store longest ago go first). Default 10,000. */
  maxCached?: number
  /**
   * How long an unwrapped key is used before it is read again. With several instances, this
   * bounds how long another instance can go on using the key of a patient erased elsewhere.
   * Default 60 s.
   */
  cacheTtlMs?: number
  /**
   * Characters of opened payloads kept in memory (OpenedValues, their sealed bytes counted too),
   * so a payload read again is not decrypted again; each patient's go when their key leaves the
   * cache. Default 8 million (about 16–25 MB with their bookkeeping); 0 keeps none.
   */
  maxOpenedChars?: number
  /** How long an opened payload stays at least before a newer one may push it out (OpenedValues). Default 60 s. */
  openedMinStayMs?: number
}

const wrapAad = (userId: string) => `podd data key|${userId}`

/**
 * Each patient's random 256-bit data key, wrapped under the master key in a `WrappedKeyStore`.
 * A key is made on a patient's first write, unwrapped once and cached (bounded, short TTL);
 * destroying it makes everything sealed under it unreadable, wherever copies of it are.
 */
export class PatientKeys {
  /**
   * In the order the keys were read from the store: a key in use is read again every TTL, so the
   * first ones are the least recently used or already expired, and go first when the cache is
   * full. (A lookup does not move its key: re-inserting into a Map of thousands on every read
   * cost more than the rest of the lookup.)
   */
  private readonly cache = new Map<string, { key: DataKey; at: number }>()
  private readonly loading = new Map<string, Promise<DataKey | undefined>>()
  private readonly maxCached: number
  private readonly ttlMs: number
  private readonly opened: OpenedValues | undefined
  private sweptAt = Date.now()
  /** Sweeps while keys are held, reads or not (unref'd: it never keeps the process alive). */
  private sweeper: ReturnType<typeof setInterval> | undefined

  constructor(
    private readonly store: WrappedKeyStore,
    private readonly opts: PatientKeysOptions,
  ) {
    this.maxCached = opts.maxCached ?? 10_000
    this.ttlMs = opts.cacheTtlMs ?? 60_000
    const maxOpened = opts.maxOpenedChars ?? 8_000_000
    this.opened = maxOpened > 0 ? new OpenedValues(maxOpened, opts.openedMinStayMs) : undefined
  }

  /** Opened values held in memory (OpenedValues). */
  get openedSize(): { values: number; chars: number } {
    return this.opened?.size ?? { values: 0, chars: 0 }
  }

  /** How long an unwrapped key is used before it is read from the store again. */
  get cacheTtlMs(): number {
    return this.ttlMs
  }

  get masterKeyId(): string {
    return this.opts.master.id
  }

  /**
   * Fails when stored keys are wrapped under a master key this service was not given, so a
   * wrong or lost DATA_ENCRYPTION_KEY stops the start instead of failing every request.
   */
  async assertMasterKeys(): Promise<{ underPrevious: boolean }> {
    const known = [this.opts.master.id, this.opts.previous?.id]
    const ids = await this.store.masterKeyIds()
    const unknown = ids.filter((id) => !known.includes(id))
    if (unknown.length) {
      throw new MasterKeyMismatchError(
        `data keys are wrapped under master key ${unknown.join(', ')}, but DATA_ENCRYPTION_KEY is ${this.opts.master.id}` +
          (this.opts.previous ? ` and DATA_ENCRYPTION_KEY_PREVIOUS ${this.opts.previous.id}` : '') +
          '; without that key the data cannot be read',
      )
    }
    return { underPrevious: ids.some((id) => id !== this.opts.master.id) }
  }

  /**
   * The patient's key when it is cached, without waiting: the hot path of an append stays
   * synchronous, so concurrent appends still meet in one batch.
   */
  cached(userId: string): DataKey | undefined {
    const now = Date.now()
    if (now - this.sweptAt >= this.ttlMs / 2) this.sweep(now)
    const hit = this.cache.get(userId)
    return hit && now - hit.at < this.ttlMs ? hit.key : undefined
  }

  /** The patient's key, made now if they have none; refused once the account was erased. */
  async forWrite(userId: string): Promise<DataKey> {
    const key = await this.load(userId, true)
    if (!key) throw new PatientErasedError()
    return key
  }

  /** The patient's key, or undefined when they never had one (so nothing of theirs is sealed). */
  async forRead(userId: string): Promise<DataKey | undefined> {
    return this.load(userId, false)
  }

  /** Drops a patient's key from the cache (it was destroyed in the key store by its owner), and what it opened. */
  forget(userId: string): void {
    this.cache.get(userId)?.key.drop()
    this.cache.delete(userId)
    if (this.cache.size === 0) this.stopSweeping()
  }

  /** Destroys the patient's key: from here on, nothing sealed under it can be read again. */
  async destroy(userId: string): Promise<void> {
    await this.store.destroy(userId)
    this.forget(userId)
  }

  /**
   * Re-wraps every data key still under another master key (`previous`) under the current one.
   * Events and checkpoints are not touched: only the small wrapped keys change. Safe to run
   * again after an interruption, and while the service runs with both keys configured.
   */
  async rewrapAll(onBatch?: (done: number) => void): Promise<{ rewrapped: number }> {
    let rewrapped = 0
    for (;;) {
      const batch = await this.store.listNotUnder(this.opts.master.id, 500)
      if (batch.length === 0) return { rewrapped }
      for (const { userId, key } of batch) {
        if (await this.store.replace(userId, key, this.wrap(userId, this.unwrap(userId, key)))) rewrapped++
      }
      onBatch?.(rewrapped)
    }
  }

  private async load(userId: string, create: boolean): Promise<DataKey | undefined> {
    const hit = this.cached(userId)
    if (hit) return hit
    const id = `${create ? 'w' : 'r'}:${userId}`
    let pending = this.loading.get(id)
    if (!pending) {
      pending = this.fetch(userId, create).finally(() => this.loading.delete(id))
      this.loading.set(id, pending)
    }
    return pending
  }

  private async fetch(userId: string, create: boolean): Promise<DataKey | undefined> {
    let raw: Buffer
    try {
      let stored = await this.store.get(userId)
      if (!stored) {
        // A patient without a key is new, or was erased: an erased one must never get a fresh key.
        if (await this.store.isErased(userId)) throw new PatientErasedError()
        if (!create) return (this.forget(userId), undefined)
        stored = await this.store.insert(userId, this.wrap(userId, randomBytes(KEY_BYTES)))
      }
      raw = this.unwrap(userId, stored)
    } catch (err) {
      // Whatever the key store says now, the key held until now is not to be used any more.
      this.forget(userId)
      throw err
    }
    // The same key read again after its time in the cache keeps what it opened.
    const held = this.cache.get(userId)?.key
    const key = held?.is(raw) ? held : new DataKey(raw, this.opened && { values: this.opened, userId })
    if (held && held !== key) held.drop()
    this.cache.delete(userId)
    this.cache.set(userId, { key, at: Date.now() })
    if (this.cache.size > this.maxCached) this.forget(this.cache.keys().next().value!)
    this.sweeper ??= setInterval(() => this.sweep(Date.now()), this.ttlMs / 2).unref()
    return key
  }

  /**
   * Lets go of keys not read again within a TTL of their expiry (and of what they opened), so
   * neither a key nor plaintext stays in memory long after the patient's last read: at most two
   * and a half TTLs after the key was last read from the store. Runs every half TTL while keys
   * are held, on a timer (an idle process lets go too) and on lookups when timers lag.
   */
  private sweep(now: number): void {
    this.sweptAt = now
    for (const [userId, { at }] of this.cache) if (now - at >= 2 * this.ttlMs) this.forget(userId)
  }

  private stopSweeping(): void {
    clearInterval(this.sweeper)
    this.sweeper = undefined
  }

  private wrap(userId: string, raw: Buffer): WrappedKey {
    return { wrapped: seal(this.opts.master.key, raw, wrapAad(userId)), masterKeyId: this.opts.master.id }
  }

  private unwrap(userId: string, stored: WrappedKey): Buffer {
    const { master, previous } = this.opts
    const by = [master, previous].find((m) => m?.id === stored.masterKeyId)
    if (!by) {
      throw new MasterKeyMismatchError(
        `the data key of account ${userId} is wrapped under master key ${stored.masterKeyId}, ` +
          `but DATA_ENCRYPTION_KEY is ${master.id}${previous ? ` and DATA_ENCRYPTION_KEY_PREVIOUS ${previous.id}` : ''}`,
      )
    }
    return open(by.key, stored.wrapped, wrapAad(userId))
  }
}

/**
 * Wrapped keys in memory: for evaluation runs and tests over an in-memory event store, whose
 * data lives exactly as long as the process (and so do its keys).
 */
export class MemoryWrappedKeyStore implements WrappedKeyStore {
  private readonly keys = new Map<string, WrappedKey>()
  private readonly erased = new Set<string>()

  async get(userId: string) {
    return this.keys.get(userId)
  }
  async insert(userId: string, key: WrappedKey) {
    if (!this.keys.has(userId)) this.keys.set(userId, key)
    return this.keys.get(userId)!
  }
  async destroy(userId: string) {
    this.keys.delete(userId)
    this.erased.add(userId)
  }
  async isErased(userId: string) {
    return this.erased.has(userId)
  }
  async listNotUnder(masterKeyId: string, limit: number) {
    return [...this.keys]
      .filter(([, k]) => k.masterKeyId !== masterKeyId)
      .slice(0, limit)
      .map(([userId, key]) => ({ userId, key }))
  }
  async replace(userId: string, from: WrappedKey, to: WrappedKey) {
    if (this.keys.get(userId) !== from) return false
    this.keys.set(userId, to)
    return true
  }
  async masterKeyIds() {
    return [...new Set([...this.keys.values()].map((k) => k.masterKeyId))]
  }
}

/** Keys for a store that lives only in memory: a random master key, never written anywhere. */
export function ephemeralPatientKeys(): PatientKeys {
  const key = randomBytes(KEY_BYTES)
  return new PatientKeys(new MemoryWrappedKeyStore(), { master: { key, id: 'ephemeral' } })
}
