import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { espeakWav, requires } from '../../../test/fakes/audio-fixtures.js'
import { capturingLogger } from '../../../test/helpers.js'
import { toMono16k } from '../resample.js'
import { parseWav } from '../wav.js'
import { findBinary } from '../binaries.js'
import { OfflineRecognizer } from './offline-recognizer.js'
import { SearchFileCache } from './search-files.js'

const tools = requires('espeak-ng', 'pocketsphinx')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-slow-search-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A decoder that never answers in time, as the grammar search does on an overloaded machine. */
function stalledDecoder(): string {
  const file = path.join(dir, 'stalled-batch')
  fs.writeFileSync(file, '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 })
  return file
}

describe('offline recognition when a search runs out of time', () => {
  it.skipIf(tools.missing)(`still hands a spotted emergency to the safety node${tools.note}`, async () => {
    const recognizer = new OfflineRecognizer({
      batch: stalledDecoder(),
      continuous: findBinary('pocketsphinx_continuous')!,
      files: new SearchFileCache(dir, findBinary('espeak-ng'), capturingLogger().logger),
      threshold: 0.5,
      timeoutMs: 500,
    })
    const audio = toMono16k(parseWav(espeakWav('I think I am having a heart attack')))
    const heard = await recognizer.recognize(audio, { medicines: [] })
    expect(heard.accepted).toBe(true)
    expect(heard.redFlags).toContain('heart attack')
    expect(heard.text).toMatch(/^heart attack/)
  }, 60_000)

  it.skipIf(tools.missing)(`fails as before when nothing was spotted${tools.note}`, async () => {
    const recognizer = new OfflineRecognizer({
      batch: stalledDecoder(),
      continuous: findBinary('pocketsphinx_continuous')!,
      files: new SearchFileCache(dir, findBinary('espeak-ng'), capturingLogger().logger),
      threshold: 0.5,
      timeoutMs: 500,
    })
    const audio = toMono16k(parseWav(espeakWav('I drank two glasses of water')))
    await expect(recognizer.recognize(audio, { medicines: [] })).rejects.toThrow()
  }, 60_000)
})
