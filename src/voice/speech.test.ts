import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tone } from '../../test/fakes/audio-fixtures.js'
import { FakeSarvamServer } from '../../test/fakes/sarvam-server.js'
import { capturingLogger, testConfig } from '../../test/helpers.js'
import { PoddError } from '../../core/errors.js'
import { OfflineSpeechProvider } from './offline-speech.js'
import { SarvamSpeechProvider } from './sarvam-speech.js'
import { httpStatusOf } from '../http/error-status.js'
import { SpeechProviderError, type SpeechErrorKind } from './speech-errors.js'
import { assertSpeechAvailable, createSpeech } from './speech.js'

let fake: FakeSarvamServer
beforeAll(async () => {
  fake = await FakeSarvamServer.start()
})
afterAll(() => fake.close())

describe('createSpeech', () => {
  it('uses Sarvam when SARVAM_API_KEY is set, at SARVAM_BASE_URL', async () => {
    const { logger } = capturingLogger()
    const speech = createSpeech(testConfig({ SARVAM_API_KEY: fake.apiKey, SARVAM_BASE_URL: fake.url }), logger)
    expect(speech).toBeInstanceOf(SarvamSpeechProvider)
    const availability = speech.availability()
    expect(availability).toMatchObject({ provider: 'sarvam', stt: { available: true }, tts: { available: true } })
    expect(availability.tts.languages).toHaveLength(11)
    fake.transcripts.push({ transcript: 'hello', language_code: 'en-IN' })
    expect((await speech.transcribe(tone(0.5))).text).toBe('hello')
    expect(fake.requestsTo('stt')[0]!.fields.model).toBe('saaras:v3')
  })

  it('uses the offline tools otherwise', () => {
    const speech = createSpeech(testConfig(), capturingLogger().logger)
    expect(speech).toBeInstanceOf(OfflineSpeechProvider)
    expect(speech.name).toBe('offline')
  })

  it('warns once at start-up when SARVAM_TTS_SPEAKER is not a voice of the model, and uses shubh', async () => {
    const { logger, lines } = capturingLogger()
    const speech = createSpeech(
      testConfig({ SARVAM_API_KEY: fake.apiKey, SARVAM_BASE_URL: fake.url, SARVAM_TTS_SPEAKER: 'anushka' }),
      logger,
    )
    expect(lines().filter((l) => l.includes('SARVAM_TTS_SPEAKER'))).toHaveLength(1)
    await speech.synthesize('Hello.', { language: 'en-IN' })
    expect(fake.requestsTo('tts').at(-1)!.json!.speaker).toBe('shubh')
  })
})

describe('assertSpeechAvailable', () => {
  it('answers 503 with what to install', () => {
    const speech = new OfflineSpeechProvider(capturingLogger().logger, { espeakPath: null, pocketsphinxPath: null })
    try {
      assertSpeechAvailable(speech, 'stt')
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(PoddError)
      expect(httpStatusOf((err as PoddError).code)).toBe(503)
      expect((err as PoddError).message).toMatch(/install pocketsphinx and pocketsphinx-en-us, or set SARVAM_API_KEY/)
    }
  })
})

describe('speech errors as HTTP answers', () => {
  it.each([
    ['auth', 503],
    ['quota', 503],
    ['rate_limited', 503],
    ['unavailable', 503],
    ['upstream', 502],
    ['network', 502],
    ['invalid_request', 502],
    ['timeout', 504],
    ['bad_audio', 400],
    ['unsupported_language', 400],
  ] as [SpeechErrorKind, number][])('%s becomes %i', (kind, status) => {
    const err = new SpeechProviderError(kind, 'message', { provider: 'sarvam', requestId: 'req-1' })
    expect(err).toBeInstanceOf(PoddError)
    expect(httpStatusOf(err.code)).toBe(status)
    expect(err.details).toMatchObject({ provider: 'sarvam', reason: kind, upstream_request_id: 'req-1' })
  })

  it('tells the caller when to retry a rate limit, 5 s unless the provider said', () => {
    expect(new SpeechProviderError('rate_limited', 'm', { provider: 'sarvam' }).retryAfterSeconds).toBe(5)
    const err = new SpeechProviderError('rate_limited', 'm', { provider: 'sarvam', retryAfterSeconds: 2 })
    expect(err).toMatchObject({ retryAfterSeconds: 2, providerRetryAfterSeconds: 2, details: { retry_after_seconds: 2 } })
  })
})
