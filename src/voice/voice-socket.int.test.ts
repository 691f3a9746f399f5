import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { joinAudio, listen, silence, speechLike, tone, VoiceClient } from '../../test/fakes/audio-fixtures.js'
import type { VoiceFrame } from '../../test/fakes/audio-fixtures.js'
import { FakeSarvamServer } from '../../test/fakes/sarvam-server.js'
import { capturingLogger, createTestApp, registerUser, type TestApp } from '../../test/helpers.js'
import { splitSentences } from './sentences.js'
import { speakable } from './speakable.js'

let fake: FakeSarvamServer
let t: TestApp
let server: Awaited<ReturnType<typeof listen>>
let logLines: () => string[]
let token: string
const clients: VoiceClient[] = []

beforeAll(async () => {
  fake = await FakeSarvamServer.start()
  const cap = capturingLogger('debug')
  logLines = cap.lines
  t = await createTestApp(fake.env(), { logger: cap.logger })
  server = await listen(t.app, t.services)
  token = (await registerUser(t)).access_token
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  fake.reset()
})
afterAll(async () => {
  await t.close()
  await server.close()
  await fake.close()
})

async function connect(as = token): Promise<VoiceClient> {
  const c = await VoiceClient.connect(server.url, as)
  clients.push(c)
  return c
}

// An utterance the fake's VAD hears start and (after half a second of quiet) end.
const utterance = () => joinAudio(silence(0.3), speechLike(1), silence(0.8))
// Lines reporting a failed speech call (a retry's notice is a debug line and does not count).
const failureLines = () =>
  logLines().map((l) => JSON.parse(l) as { level: string; kind?: string }).filter((l) => l.kind && l.level !== 'debug')
// What was sent to Sarvam's TTS sockets to be spoken, in order.
const ttsTexts = () =>
  fake.sockets
    .filter((s) => s.endpoint === 'tts_ws')
    .flatMap((s) => s.frames.filter((f) => f.type === 'text').map((f) => (f.data as { text: string }).text))

describe('/api/v1/voice/stream with Sarvam', () => {
  it('hears an utterance end, runs the turn and streams its reply as PCM, sentence by sentence', async () => {
    const c = await connect()
    c.send({ type: 'start', language: 'en-IN' })
    expect(await c.next('ready')).toMatchObject({ language: 'en-IN', sample_rate: 16_000, provider: 'sarvam' })
    fake.transcripts.push({ transcript: 'my blood pressure is', language_code: 'en-IN' })
    await c.stream(utterance())
    const timings = await c.next('timings')

    const seq = c.sequence()
    expect(seq.slice(0, 5)).toEqual(['ready', 'speech_start', 'speech_end', 'transcript', 'route'])
    // Audio may start before the turn is done; it ends after it, and the timings come last.
    expect(seq.slice(-2)).toEqual(['audio_end', 'timings'])
    expect(seq.indexOf('done')).toBeLessThan(seq.indexOf('audio_end'))
    expect(seq.indexOf('audio_start')).toBeLessThan(seq.indexOf('audio'))
    expect(c.frames('transcript')[0]).toEqual({ type: 'transcript', text: 'my blood pressure is', language: 'en-IN' })
    const done = (await c.next('done')).result as { reply: string; routes: string[] }
    expect(done.routes).toEqual(['vitals'])
    // A reply of two sentences goes to Sarvam as two, each answered with its own audio.
    const sentences = splitSentences(done.reply)
    expect(sentences.length).toBeGreaterThan(1)
    expect(ttsTexts()).toEqual(sentences.map(speakable))
    const pcm = { mime_type: 'audio/pcm', encoding: 's16le', sample_rate: 16_000, channels: 1 }
    expect(await c.next('audio_start')).toEqual({ type: 'audio_start', ...pcm })
    const seconds = c.audioOfTurn(1).length / 2 / 16_000
    const expected = ttsTexts().reduce((s, text) => s + Math.min(10, Math.max(0.2, text.length * 0.04)), 0)
    expect(seconds).toBeCloseTo(expected, 2)
    for (const k of ['stt_ms', 'graph_ms', 'tts_ms', 'total_ms', 'first_audio_ms', 'first_sentence_ms']) {
      expect(timings[k]).toBeGreaterThanOrEqual(0)
    }
    const stt = fake.sockets.find((s) => s.endpoint === 'stt_ws')!
    expect(stt.query).toMatchObject({ 'language-code': 'en-IN', vad_signals: 'true', sample_rate: '16000' })
    expect(stt.audioBytes).toBe(2.1 * 16_000 * 2)
  })

  it('holds many turns on one socket, in order, in one thread; the first needs no start', async () => {
    const c = await connect()
    fake.transcripts.push({ transcript: 'I had two chapatis for lunch', language_code: 'en-IN' })
    fake.transcripts.push({ transcript: 'my sugar was 120', language_code: 'en-IN' })
    await c.stream(joinAudio(utterance(), utterance()))
    await c.next('timings', 2)
    const [first, second] = c.frames('done').map((f) => f.result as { thread_id: string; routes: string[] })
    expect(first!.routes).toEqual(['food'])
    expect(second!.routes).toEqual(['vitals'])
    expect(second!.thread_id).toBe(first!.thread_id)
    // The profile's language was used: there was no start to say otherwise.
    expect(c.frames('ready')[0]).toMatchObject({ language: 'en-IN' })
    expect(fake.sockets.filter((s) => s.endpoint === 'stt_ws')).toHaveLength(1)
    const events = c.frames('event').map((f) => (f.event as { source: string }).source)
    expect(events).toEqual(['voice', 'voice'])
  })

  it('{type:"end"} ends the utterance at once (push-to-talk)', async () => {
    const c = await connect()
    c.send({ type: 'start' })
    await c.next('ready')
    fake.transcripts.push({ transcript: 'my weight is 72 kilos', language_code: 'en-IN' })
    await c.stream(joinAudio(silence(0.2), speechLike(0.8)))
    await c.next('speech_start')
    c.send({ type: 'end' })
    await c.next('timings')
    expect(c.sequence().slice(0, 4)).toEqual(['ready', 'speech_start', 'speech_end', 'transcript'])
    expect(fake.sockets[0]!.frames.some((f) => f.type === 'flush')).toBe(true)
  })

  it('{type:"end"} with nothing heard says so', async () => {
    const c = await connect()
    c.send({ type: 'start' })
    await c.next('ready')
    await c.stream(silence(0.3))
    c.send({ type: 'end' })
    await c.next('no_speech')
  })

  it('resamples 48 kHz audio when start says so', async () => {
    const c = await connect()
    c.send({ type: 'start', sample_rate: 48_000 })
    await c.next('ready')
    fake.transcripts.push({ transcript: 'hello', language_code: 'en-IN' })
    const loud = tone(1, { sampleRate: 48_000, frequency: 220 })
    await c.stream(joinAudio(silence(0.3, { sampleRate: 48_000 }), loud, silence(0.8, { sampleRate: 48_000 })))
    await c.next('transcript')
    const bytes = fake.sockets[0]!.audioBytes
    expect(bytes / 2 / 16_000).toBeGreaterThan(2.09)
    expect(bytes / 2 / 16_000).toBeLessThanOrEqual(2.1)
  })

  it('an emergency speaks the fixed text, and nothing else', async () => {
    const c = await connect()
    fake.transcripts.push({ transcript: 'I have crushing chest pain', language_code: 'en-IN' })
    await c.stream(utterance())
    await c.next('timings')
    const route = await c.next('route')
    expect(route).toMatchObject({ emergency: true })
    const reply = ((await c.next('done')).result as { reply: string }).reply
    expect(reply).toMatch(/^This could be a medical emergency\. Call 112 or 108/)
    expect(ttsTexts().join(' ')).toBe(speakable(reply))
  })

  it('barge-in: {type:"interrupt"} cancels the turn and its audio; the next utterance is heard', async () => {
    const c = await connect()
    fake.transcripts.push({ transcript: 'what did I eat today', language_code: 'en-IN' })
    // Sarvam's TTS takes its time to connect, so the interrupt comes before any audio.
    fake.failNext('tts_ws', { delayMs: 1500 })
    await c.stream(utterance())
    await c.next('done')
    c.send({ type: 'interrupt' })
    await c.next('interrupted')
    expect(c.frames('audio_start')).toHaveLength(0)
    expect(c.frames('timings')).toHaveLength(0)

    fake.transcripts.push({ transcript: 'my sugar was 110', language_code: 'en-IN' })
    await c.stream(utterance())
    await c.next('timings')
    expect(c.frames('audio_start')).toHaveLength(1)
    expect(c.sequence().filter((s) => s === 'audio')).toHaveLength(1)
  })
})

describe('voice socket failures', () => {
  async function failedStart(failure: Parameters<FakeSarvamServer['failNext']>[1]): Promise<VoiceFrame> {
    const c = await connect()
    fake.failNext('stt_ws', failure)
    c.send({ type: 'start' })
    return c.next('error')
  }

  it('a refused key (403) at connect is a 503 error frame, logged once as an alarm', async () => {
    const before = failureLines().length
    const err = (await failedStart('invalid_api_key')).error as { code: string; details: Record<string, unknown> }
    expect(err).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { provider: 'sarvam', reason: 'auth' } })
    const lines = failureLines().slice(before)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 'error', kind: 'auth' })
  })

  it('a 500 HTML handshake is a 502 error frame', async () => {
    expect(((await failedStart('html_500')).error as { code: string }).code).toBe('BAD_GATEWAY')
  })

  it('a handshake that never completes is a 504 error frame', async () => {
    expect(((await failedStart({ delayMs: 3000 })).error as { code: string }).code).toBe('GATEWAY_TIMEOUT')
  })

  it('credits running out mid-stream end the recogniser with an error frame; start tries again', async () => {
    const before = failureLines().length
    const c = await connect()
    fake.failNext('stt_ws', 'insufficient_quota')
    c.send({ type: 'start' })
    await c.next('ready')
    await c.stream(speechLike(0.2))
    const err = (await c.next('error')).error as { code: string; details: Record<string, unknown> }
    expect(err).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { reason: 'quota' } })
    expect(failureLines().slice(before)).toHaveLength(1)

    fake.transcripts.push({ transcript: 'my sugar was 100', language_code: 'en-IN' })
    c.send({ type: 'start' })
    await c.next('ready', 2)
    await c.stream(utterance())
    await c.next('timings')
  })

  it('a rate-limited synthesis still completes the turn in text, then reports the error', async () => {
    const before = failureLines().length
    const c = await connect()
    fake.transcripts.push({ transcript: 'my sugar was 150', language_code: 'en-IN' })
    fake.failNext('tts_ws', 'rate_limited')
    await c.stream(utterance())
    await c.next('timings')
    expect(c.frames('done')).toHaveLength(1)
    const err = (await c.next('error')).error as { code: string; details: Record<string, unknown> }
    expect(err).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { reason: 'rate_limited' } })
    expect(failureLines().slice(before)).toHaveLength(1)
  })

  it('a control frame it cannot read is a validation error; the socket stays open', async () => {
    const c = await connect()
    c.ws.send('not json')
    c.send({ type: 'start', sample_rate: 3 })
    expect(((await c.next('error', 2)).error as { code: string }).code).toBe('VALIDATION_ERROR')
    c.send({ type: 'ping' })
    await c.next('pong')
  })

  it('caregivers are refused; so is a connection without a token', async () => {
    const caregiver = await registerUser(t, 'caregiver')
    const c = await connect(caregiver.access_token)
    expect(((await c.next('error')).error as { code: string }).code).toBe('FORBIDDEN')
    await c.until(() => c.closeCode !== undefined, 'close').catch(() => {})
    expect(c.closeCode).toBe(1008)
    await expect(VoiceClient.connect(server.url, 'not-a-token')).rejects.toThrow(/401/)
  })
})
