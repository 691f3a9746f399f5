import { createHmac, randomBytes } from 'node:crypto'
import { NotFoundError } from '../../core/errors.js'
import { KEY_BYTES, open, seal } from './aes-gcm.js'
import type { MasterKey } from './master-key.js'

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

  constructor(private readonly key: Buffer) {}

  seal(plaintext: Buffer | string, aad: string): Buffer {
    return seal(this.key, plaintext, aad)
  }

  open(sealed: Uint8Array, aad: string): Buffer {
    return open(this.key, sealed, aad)
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
}

export interface PatientKeysOptions {
  /** The master key data keys are wrapped under. */
  master: MasterKey
  /** A master key being rotated away from: keys still under it are unwrapped with it. */
  previous?: MasterKey
  /** Unwrapped keys kept in memory (least recently used go first). Default 10,000. */
  maxCached?: number
  /**
   * How long an unwrapped key is used before it is read again. With several instances, this
   * bounds how long another instance can go on using the key of a patient erased elsewhere.
   * Default 60 s.
   */
  cacheTtlMs?: number
}

const wrapAad = (userId: string) => `podd data key|${userId}`

/**
 * Each patient's random 256-bit data key, wrapped under the master key in a `WrappedKeyStore`.
 * A key is made on a patient's first write, unwrapped once and cached (bounded LRU, short TTL);
 * destroying it makes everything sealed under it unreadable, wherever copies of it are.
 */
export class PatientKeys {
  private readonly cache = new Map<string, { key: DataKey; at: number }>()
  private readonly loading = new Map<string, Promise<DataKey | undefined>>()
  private readonly maxCached: number
  private readonly ttlMs: number

  constructor(
    private readonly store: WrappedKeyStore,
    private readonly opts: PatientKeysOptions,
  ) {
    this.maxCached = opts.maxCached ?? 10_000
    this.ttlMs = opts.cacheTtlMs ?? 60_000
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
    const hit = this.cache.get(userId)
    if (!hit || Date.now() - hit.at >= this.ttlMs) return undefined
    // A Map iterates in insertion order: re-inserting makes it the most recently used.
    this.cache.delete(userId)
    this.cache.set(userId, hit)
    return hit.key
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

  /** Drops a patient's key from the cache (it was destroyed in the key store by its owner). */
  forget(userId: string): void {
    this.cache.delete(userId)
  }

  /** Destroys the patient's key: from here on, nothing sealed under it can be read again. */
  async destroy(userId: string): Promise<void> {
    await this.store.destroy(userId)
    this.cache.delete(userId)
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
    let stored = await this.store.get(userId)
    if (!stored) {
      // A patient without a key is new, or was erased: an erased one must never get a fresh key.
      if (await this.store.isErased(userId)) throw new PatientErasedError()
      if (!create) return undefined
      stored = await this.store.insert(userId, this.wrap(userId, randomBytes(KEY_BYTES)))
    }
    const key = new DataKey(this.unwrap(userId, stored))
    this.cache.delete(userId)
    this.cache.set(userId, { key, at: Date.now() })
    if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value!)
    return key
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
