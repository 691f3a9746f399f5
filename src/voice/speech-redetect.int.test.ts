import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { silence } from '../../test/fakes/audio-fixtures.js'
import { createTestApp, registerUser, tempDir, type TestApp } from '../../test/helpers.js'
import { encodeWav } from './wav.js'

// This file owns its process's PATH: it starts with the speech tools out of reach, as on a
// machine where they were never installed, and "installs" them by linking them into a PATH dir.
// (findBinary is not asked before that: it would remember what it found.)
const onPath = (name: string) =>
  (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, name))
    .find((file) => fs.existsSync(file))
const DECODERS = ['pocketsphinx_continuous', 'pocketsphinx_batch', 'espeak-ng']
const installed = DECODERS.map(onPath)
const tools =
  installed.every(Boolean) && fs.existsSync('/usr/share/pocketsphinx/model/en-us/en-us')
    ? { missing: false, note: '' }
    : { missing: true, note: ' (needs pocketsphinx and pocketsphinx-en-us)' }
const bin = tempDir('podd-path-')
const savedPath = process.env.PATH
let t: TestApp
let token: string

beforeAll(async () => {
  process.env.PATH = bin
  vi.useFakeTimers({ toFake: ['Date'] })
  t = await createTestApp()
  token = (await registerUser(t)).access_token
})
afterAll(async () => {
  vi.useRealTimers()
  process.env.PATH = savedPath
  await t?.close()
})

const turn = () =>
  t.request('/api/v1/voice/turn', {
    method: 'POST',
    body: new Uint8Array(encodeWav(silence(0.5))),
    headers: { 'content-type': 'audio/wav' },
    token,
  })

describe('speech tools installed while Podd runs', () => {
  it.skipIf(tools.missing)(`Should be found within a minute, without a restart${tools.note}`, async () => {
    const before = await turn()
    expect(before.status).toBe(503)
    expect(((await before.json()) as { error: { message: string } }).error.message).toMatch(/install pocketsphinx/)

    DECODERS.forEach((name, i) => fs.symlinkSync(installed[i]!, path.join(bin, name)))
    // Within the minute the answer is still the cached one; after it, the decoder is found.
    expect((await turn()).status).toBe(503)
    vi.setSystemTime(Date.now() + 61_000)
    const after = await turn()
    expect(after.status).not.toBe(503)
    expect([200, 422]).toContain(after.status)
  })
})
