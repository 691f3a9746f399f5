import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { rejection } from '../../test/helpers.js'
import { SealedDataError, open, seal } from './aes-gcm.js'
import { MasterKeyFormatError, masterKeyId, parseMasterKey } from './master-key.js'
import { type DataKey, MasterKeyMismatchError, MemoryWrappedKeyStore, PatientErasedError, PatientKeys } from './patient-keys.js'
import { OpenedValues } from './opened-values.js'

const master = () => {
  const key = randomBytes(32)
  return { key, id: masterKeyId(key) }
}

describe('AES-256-GCM sealing', () => {
  it('Should open what it sealed only with the same key and associated data', () => {
    const key = randomBytes(32)
    const sealed = seal(key, 'knee pain after the stairs', 'event|1|symptom')
    expect(sealed.toString('latin1')).not.toContain('knee')
    expect(open(key, sealed, 'event|1|symptom').toString()).toBe('knee pain after the stairs')
    expect(() => open(key, sealed, 'event|2|symptom')).toThrow(SealedDataError)
    expect(() => open(randomBytes(32), sealed, 'event|1|symptom')).toThrow(SealedDataError)
    const altered = Buffer.from(sealed)
    altered[altered.length - 1]! ^= 1
    expect(() => open(key, altered, 'event|1|symptom')).toThrow(SealedDataError)
    expect(() => open(key, Buffer.from('{"clear":true}'), 'x')).toThrow(SealedDataError)
  })

  it('Should seal the same text differently every time (random IV)', () => {
    const key = randomBytes(32)
    expect(seal(key, 'same', 'a').equals(seal(key, 'same', 'a'))).toBe(false)
  })
})

describe('master keys', () => {
  it('Should read base64, base64url and hex, and refuse anything not 32 bytes', () => {
    const raw = randomBytes(32)
    for (const text of [raw.toString('base64'), raw.toString('base64url'), raw.toString('hex'), ` ${raw.toString('base64')}\n`]) {
      expect(parseMasterKey(text).key.equals(raw)).toBe(true)
    }
    expect(parseMasterKey(raw.toString('hex')).id).toBe(masterKeyId(raw))
    for (const bad of ['', 'password', randomBytes(16).toString('base64'), randomBytes(33).toString('base64'), 'g'.repeat(64)]) {
      expect(() => parseMasterKey(bad)).toThrow(MasterKeyFormatError)
    }
  })
})

describe('patient data keys', () => {
  it('Should make one key per patient on the first write, even when writes race, and keep it wrapped', async () => {
    const store = new MemoryWrappedKeyStore()
    const keys = new PatientKeys(store, { master: master() })
    expect(await keys.forRead('asha')).toBeUndefined()
    const [a, b] = await Promise.all([keys.forWrite('asha'), keys.forWrite('asha')])
    expect(a).toBe(b)
    const stored = (await store.get('asha'))!
    expect(stored.wrapped.length).toBe(1 + 12 + 16 + 32)
    // Another service over the same store (another instance) unwraps the same key.
    const other = new PatientKeys(store, { master: { ...(keys as any).opts.master } })
    const sealed = a.seal('hello', 'aad')
    expect((await other.forRead('asha'))!.open(sealed, 'aad').toString()).toBe('hello')
    // Keys differ between patients, and so do their lookup tags of one value.
    const ravi = await keys.forWrite('ravi')
    expect(() => ravi.open(sealed, 'aad')).toThrow(SealedDataError)
    expect(ravi.tag('thread_id\0t1')).not.toBe(a.tag('thread_id\0t1'))
    expect(a.tag('thread_id\0t1')).toBe(a.tag('thread_id\0t1'))
  })

  it('Should refuse a wrapped key moved to another patient', async () => {
    const store = new MemoryWrappedKeyStore()
    const keys = new PatientKeys(store, { master: master() })
    await keys.forWrite('asha')
    await store.insert('mallory', (await store.get('asha'))!)
    await expect(keys.forRead('mallory')).rejects.toBeInstanceOf(SealedDataError)
  })

  it('Should never give an erased patient a key again, and forget the cached one at once', async () => {
    const keys = new PatientKeys(new MemoryWrappedKeyStore(), { master: master() })
    const key = await keys.forWrite('asha')
    const sealed = key.seal('x', 'y')
    await keys.destroy('asha')
    await rejection(keys.forWrite('asha'), PatientErasedError)
    await rejection(keys.forRead('asha'), PatientErasedError)
    expect(sealed.length).toBeGreaterThan(0)
  })

  it('Should re-wrap every key under a new master key, readable during and after the rotation', async () => {
    const store = new MemoryWrappedKeyStore()
    const oldMaster = master()
    const before = new PatientKeys(store, { master: oldMaster })
    const sealed = new Map<string, Buffer>()
    for (let i = 0; i < 1203; i++) sealed.set(`p${i}`, (await before.forWrite(`p${i}`)).seal(`note ${i}`, 'a'))

    const newMaster = master()
    // Started with the new key alone, the service refuses: the old data could not be read.
    await rejection(new PatientKeys(store, { master: newMaster }).assertMasterKeys(), MasterKeyMismatchError)
    const during = new PatientKeys(store, { master: newMaster, previous: oldMaster })
    expect(await during.assertMasterKeys()).toEqual({ underPrevious: true })
    expect((await during.forRead('p7'))!.open(sealed.get('p7')!, 'a').toString()).toBe('note 7')
    expect(await during.rewrapAll()).toEqual({ rewrapped: 1203 })
    expect(await during.rewrapAll()).toEqual({ rewrapped: 0 })

    const after = new PatientKeys(store, { master: newMaster })
    expect(await after.assertMasterKeys()).toEqual({ underPrevious: false })
    for (const i of [0, 600, 1202]) expect((await after.forRead(`p${i}`))!.open(sealed.get(`p${i}`)!, 'a').toString()).toBe(`note ${i}`)
    // The old master alone opens nothing any more.
    await rejection(new PatientKeys(store, { master: oldMaster }).forRead('p1'), MasterKeyMismatchError)
  })

  it('Should keep at most maxCached keys unwrapped', async () => {
    const store = new MemoryWrappedKeyStore()
    let gets = 0
    const counting = Object.assign(Object.create(store), { get: (id: string) => (gets++, store.get(id)) })
    const keys = new PatientKeys(counting, { master: master(), maxCached: 2 })
    for (const p of ['a', 'b', 'c']) await keys.forWrite(p)
    gets = 0
    await keys.forRead('c')
    await keys.forRead('b')
    expect(gets).toBe(0)
    await keys.forRead('a')
    expect(gets).toBe(1)
  })
})

describe('opened values', () => {
  afterEach(() => vi.useRealTimers())

  /** Seals a value and reads it once through the key (which remembers it); its sealed bytes. */
  const readOnce = (key: DataKey, aad: string, text: string) => {
    const sealed = key.seal(text, aad)
    expect(key.openText(sealed, aad)).toBe(text)
    return sealed
  }
  /** What the key answers for these bytes, and whether it had to open them to answer. */
  const answer = (key: DataKey, sealed: Buffer, aad: string) => {
    const opens = vi.spyOn(key, 'open')
    try {
      const text = key.openText(sealed, aad)
      return { text, opened: opens.mock.calls.length > 0 }
    } finally {
      opens.mockRestore()
    }
  }

  it('Should open a value once and answer again from memory, for its own patient and those bytes only', async () => {
    const keys = new PatientKeys(new MemoryWrappedKeyStore(), { master: master() })
    const asha = await keys.forWrite('asha')
    const sealed = readOnce(asha, 'event|1|symptom', '{"name":"knee pain"}')
    expect(answer(asha, sealed, 'event|1|symptom')).toEqual({ text: '{"name":"knee pain"}', opened: false })
    expect(keys.openedSize).toEqual({ values: 1, chars: 20 + sealed.length })
    // Another patient's key has no memory of it (and cannot open it).
    const ravi = await keys.forWrite('ravi')
    expect(() => ravi.openText(sealed, 'event|1|symptom')).toThrow(SealedDataError)
    // Bytes altered or moved in the database miss, and fail to open as ever.
    const moved = asha.seal('{"name":"other"}', 'event|3|symptom')
    expect(() => asha.openText(moved, 'event|1|symptom')).toThrow(SealedDataError)
    const altered = Buffer.from(sealed)
    altered[altered.length - 1]! ^= 1
    expect(() => asha.openText(altered, 'event|1|symptom')).toThrow(SealedDataError)
  })

  it("Should drop a patient's values with their key on erasure, and not take them back from a read under way", async () => {
    const keys = new PatientKeys(new MemoryWrappedKeyStore(), { master: master() })
    const asha = await keys.forWrite('asha')
    const ravi = await keys.forWrite('ravi')
    const sealed = readOnce(asha, 'event|1|chat', 'secret')
    readOnce(ravi, 'event|2|chat', 'other')
    await keys.destroy('asha')
    expect(keys.openedSize.values).toBe(1)
    // The key object a read still holds opens, but remembers nothing any more.
    readOnce(asha, 'event|3|chat', 'after the erasure')
    expect(answer(asha, sealed, 'event|1|chat').opened).toBe(true)
    expect(keys.openedSize.values).toBe(1)
    await rejection(keys.forRead('asha'), PatientErasedError)
    // forget (an erasure by the account service) drops them the same way.
    keys.forget('ravi')
    expect(keys.openedSize).toEqual({ values: 0, chars: 0 })
  })

  it('Should keep the values of a key read again after its TTL, and drop them when the key is gone from the store', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const store = new MemoryWrappedKeyStore()
    const keys = new PatientKeys(store, { master: master(), cacheTtlMs: 1000 })
    const asha = await keys.forWrite('asha')
    const sealed = readOnce(asha, 'event|1|chat', 'hello')
    vi.advanceTimersByTime(1500)
    expect(keys.cached('asha')).toBeUndefined()
    const again = (await keys.forRead('asha'))!
    expect(again).toBe(asha)
    expect(answer(again, sealed, 'event|1|chat')).toEqual({ text: 'hello', opened: false })

    // Erased by another instance: after the TTL the key store has no key, and the values go.
    await store.destroy('asha')
    vi.advanceTimersByTime(1500)
    await rejection(keys.forRead('asha'), PatientErasedError)
    expect(keys.openedSize.values).toBe(0)
  })

  it('Should let go of keys and values not read for two TTLs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const store = new MemoryWrappedKeyStore()
    let gets = 0
    const counting = Object.assign(Object.create(store), { get: (id: string) => (gets++, store.get(id)) })
    const keys = new PatientKeys(counting, { master: master(), cacheTtlMs: 1000 })
    readOnce(await keys.forWrite('asha'), 'event|1|chat', 'hello')
    vi.advanceTimersByTime(1200)
    readOnce(await keys.forWrite('ravi'), 'event|2|chat', 'hi')
    vi.advanceTimersByTime(900)
    keys.cached('ravi')
    expect(keys.openedSize.values).toBe(1)
    gets = 0
    await keys.forRead('asha')
    expect(gets).toBe(1)
  })

  it('Should let go of keys and values in an idle process too, without keeping it alive', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    const keys = new PatientKeys(new MemoryWrappedKeyStore(), { master: master(), cacheTtlMs: 1000 })
    readOnce(await keys.forWrite('asha'), 'event|1|chat', 'hello')
    // No read, no write: the timer alone sweeps, within two and a half TTLs.
    vi.advanceTimersByTime(2500)
    expect(keys.openedSize.values).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })

  it("Should drop an evicted key's values, and keep at most maxOpenedChars characters", async () => {
    const keys = new PatientKeys(new MemoryWrappedKeyStore(), { master: master(), maxCached: 1, maxOpenedChars: 2000, openedMinStayMs: 0 })
    readOnce(await keys.forWrite('asha'), 'event|1|chat', 'hello')
    const ravi = await keys.forWrite('ravi')
    expect(keys.openedSize.values).toBe(0)
    const sealed = Array.from({ length: 30 }, (_, i) => readOnce(ravi, `event|${i}|chat`, 'x'.repeat(20 + i)))
    expect(keys.openedSize.chars).toBeLessThanOrEqual(2000)
    // The oldest went first.
    expect(answer(ravi, sealed[0]!, 'event|0|chat').opened).toBe(true)
    expect(answer(ravi, sealed[29]!, 'event|29|chat')).toEqual({ text: 'x'.repeat(49), opened: false })
    const none = new PatientKeys(new MemoryWrappedKeyStore(), { master: master(), maxOpenedChars: 0 })
    readOnce(await none.forWrite('asha'), 'event|1|chat', 'hello')
    expect(none.openedSize.values).toBe(0)
  })

  it('Should not push out a value stored less than minStayMs ago: the newer one is not kept instead', () => {
    let now = 0
    const values = new OpenedValues(100, 1000, () => now)
    const bytes = Buffer.from([1])
    for (let i = 0; i < 12; i++) values.set('a', `event|${i}|water`, bytes, 'x'.repeat(9))
    // Ten fit; the eleventh and twelfth came while the first were young.
    expect(values.size).toEqual({ values: 10, chars: 100 })
    expect(values.get('a', 'event|0|water', bytes)).toBe('x'.repeat(9))
    expect(values.get('a', 'event|11|water', bytes)).toBeUndefined()
    // Once the oldest has stayed its time, a new value pushes it out.
    now = 1000
    values.set('a', 'event|12|water', bytes, 'y'.repeat(9))
    expect(values.get('a', 'event|0|water', bytes)).toBeUndefined()
    expect(values.get('a', 'event|1|water', bytes)).toBe('x'.repeat(9))
    expect(values.get('a', 'event|12|water', bytes)).toBe('y'.repeat(9))
    expect(values.size).toEqual({ values: 10, chars: 100 })
  })

  it('Should count and drop values by patient, and answer only for the bytes they came from', () => {
    const values = new OpenedValues(100)
    const [b1, b2, b3] = [Buffer.from([1, 2]), Buffer.from([3, 4]), Buffer.from([5])]
    values.set('a', 'x', b1, '12345')
    values.set('a', 'x', b1, '123')
    values.set('b', 'y', b2, '1234')
    expect(values.size).toEqual({ values: 2, chars: 3 + 2 + 4 + 2 })
    expect(values.get('a', 'x', Buffer.from([1, 2]))).toBe('123')
    expect(values.get('a', 'x', b2)).toBeUndefined()
    values.drop('a')
    expect(values.get('a', 'x', b1)).toBeUndefined()
    expect(values.size).toEqual({ values: 1, chars: 6 })
    // A value too large for its share of the budget is not kept.
    values.set('b', 'z', b3, 'y'.repeat(50))
    expect(values.get('b', 'z', b3)).toBeUndefined()
  })
})

describe('opened values at scale', () => {
  it('Should stay fast and bounded through many evictions and drops', () => {
    const values = new OpenedValues(50_000, 0)
    const bytes = Buffer.alloc(40, 7)
    const t0 = performance.now()
    for (let i = 0; i < 200_000; i++) {
      values.set(`p${i % 500}`, `event|${i}|water`, bytes, '{"amount_ml":250}')
      if (i % 1000 === 999) values.drop(`p${(i / 1000) % 500}`)
    }
    expect(values.size.chars).toBeLessThanOrEqual(50_000)
    expect(values.size.values).toBeGreaterThan(500)
    expect(values.get('p499', 'event|199999|water', bytes)).toBe('{"amount_ml":250}')
    // Linear, not quadratic: 200,000 values through a memory of ~880 take well under a second.
    expect(performance.now() - t0).toBeLessThan(3000)
    expect((values as unknown as { line: unknown[] }).line.length).toBeLessThan(5000)
  })
})
