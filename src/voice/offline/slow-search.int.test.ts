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

/**
 * A recognizer whose grammar search never answers in time, as on an overloaded machine; the
 * phone-loop and keyphrase searches (pocketsphinx_continuous) run as usual.
 */
function recognizerWithStalledSearch(): OfflineRecognizer {
  const stalled = path.join(dir, 'stalled-batch')
  fs.writeFileSync(stalled, '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 })
  return new OfflineRecognizer({
    batch: stalled,
    continuous: findBinary('pocketsphinx_continuous')!,
    files: new SearchFileCache(dir, findBinary('espeak-ng'), capturingLogger().logger),
    threshold: 0.5,
    timeoutMs: 500,
  })
}

describe('offline recognition when a search runs out of time', () => {
  it.skipIf(tools.missing)(`still hands a spotted emergency to the safety node${tools.note}`, async () => {
    const recognizer = recognizerWithStalledSearch()
    const audio = toMono16k(parseWav(espeakWav('I think I am having a heart attack')))
    const heard = await recognizer.recognize(audio, { medicines: [] })
    expect(heard.accepted).toBe(true)
    expect(heard.redFlags).toContain('heart attack')
    expect(heard.text).toMatch(/^heart attack/)
  }, 60_000)

  it.skipIf(tools.missing)(`fails as before when nothing was spotted${tools.note}`, async () => {
    const recognizer = recognizerWithStalledSearch()
    const audio = toMono16k(parseWav(espeakWav('I drank two glasses of water')))
    await expect(recognizer.recognize(audio, { medicines: [] })).rejects.toThrow()
  }, 60_000)
})
