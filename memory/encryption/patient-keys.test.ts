import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { rejection } from '../../test/helpers.js'
import { SealedDataError, open, seal } from './aes-gcm.js'
import { MasterKeyFormatError, masterKeyId, parseMasterKey } from './master-key.js'
import { MasterKeyMismatchError, MemoryWrappedKeyStore, PatientErasedError, PatientKeys } from './patient-keys.js'

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
