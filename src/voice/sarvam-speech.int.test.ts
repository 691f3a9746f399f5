import { SarvamAI, SarvamAIClient } from 'sarvamai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { frames20ms, joinAudio, silence, speechLike, tone } from '../../test/fakes/audio-fixtures.js'
import { FakeSarvamServer } from '../../test/fakes/sarvam-server.js'
import { capturingLogger, rejection } from '../../test/helpers.js'
import { SarvamSpeechProvider, type SarvamSpeechOptions } from './sarvam-speech.js'
import { sentencesFrom } from './sentences.js'
import { httpStatusOf } from '../http/error-status.js'
import { SpeechProviderError } from './speech-errors.js'
import type { SttStreamOptions, StreamTranscript } from './speech-provider.js'
import { durationSeconds, encodeWav, parseWav } from './wav.js'

let fake: FakeSarvamServer

beforeAll(async () => {
  fake = await FakeSarvamServer.start()
})
afterEach(() => fake.reset())
afterAll(() => fake.close())

interface LogLine {
  level: string
  msg: string
  kind?: string
  alarm?: boolean
  upstream_request_id?: string
  detail?: string
}

function sarvam(overrides: Partial<SarvamSpeechOptions> = {}) {
  const cap = capturingLogger()
  const speech = new SarvamSpeechProvider(
    {
      apiKey: fake.apiKey,
      baseUrl: fake.url,
      timeoutMs: 2000,
      sttModel: 'saaras:v3',
      ttsModel: 'bulbul:v3',
      defaultSpeaker: 'shubh',
      ...overrides,
    },
    cap.logger,
  )
  const logs = () => cap.lines().map((l) => JSON.parse(l) as LogLine)
  // A failure's line carries its kind; a retry's debug line does too but is not a failure.
  const failures = () => logs().filter((l) => l.kind && l.level !== 'debug')
  return { speech, logs, failures, raw: () => cap.lines().join('\n') }
}

const failure = (p: Promise<unknown>) => rejection(p, SpeechProviderError)

async function waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

const clip = () => ({ wav: encodeWav(tone(1.2, { sampleRate: 44_100, channels: 2 })) })

describe('the fake Sarvam server', () => {
  it('answers the real SDK, and refuses a wrong key with 403 as Sarvam does', async () => {
    fake.transcripts.push({ transcript: 'hello', language_code: 'en-IN' })
    const client = new SarvamAIClient({ apiSubscriptionKey: fake.apiKey, environment: fake.environment, maxRetries: 0 })
    const file = encodeWav(tone(0.5))
    const res = await client.speechToText.transcribe({ file, model: 'saaras:v3', language_code: 'en-IN' })
    expect(res).toMatchObject({ transcript: 'hello', language_code: 'en-IN' })
    const wrong = new SarvamAIClient({ apiSubscriptionKey: 'wrong', environment: fake.environment, maxRetries: 0 })
    await expect(wrong.speechToText.transcribe({ file })).rejects.toBeInstanceOf(SarvamAI.ForbiddenError)
  })
})

describe('Sarvam transcription (REST)', () => {
  it('sends 16 kHz mono WAV with snake_case fields and returns the detected language', async () => {
    const { speech, raw } = sarvam()
    fake.transcripts.push({ transcript: 'मेरा बीपी 140/90 है', language_code: 'hi-IN' })
    const result = await speech.transcribe(clip())
    expect(result).toMatchObject({ text: 'मेरा बीपी 140/90 है', language: 'hi-IN', provider: 'sarvam' })
    const [req] = fake.requestsTo('stt')
    expect(req!.fields).toEqual({ model: 'saaras:v3', mode: 'transcribe', language_code: 'unknown' })
    expect(req!.headers['api-subscription-key']).toBe(fake.apiKey)
    expect(req!.file!.contentType).toBe('audio/wav')
    const sent = parseWav(req!.file!.bytes)
    expect(sent).toMatchObject({ sampleRate: 16_000, channels: 1 })
    expect(durationSeconds(sent)).toBeCloseTo(1.2, 2)
    // The transcript and the key stay out of the logs.
    expect(raw()).not.toContain('बीपी')
    expect(raw()).not.toContain(fake.apiKey)
  })

  it('passes a known language as Sarvam spells it (Odia is od-IN)', async () => {
    const { speech } = sarvam()
    fake.transcripts.push({ transcript: 'ଭଲ ଅଛି' })
    const result = await speech.transcribe(clip(), { language: 'or' })
    expect(fake.requestsTo('stt')[0]!.fields.language_code).toBe('od-IN')
    expect(result.language).toBe('od-IN')
  })

  it('refuses a language Sarvam does not know without calling it', async () => {
    const { speech } = sarvam()
    const err = await failure(speech.transcribe(clip(), { language: 'fr-FR' }))
    expect(err.kind).toBe('unsupported_language')
    expect(err.supportedLanguages).toContain('hi-IN')
    expect(httpStatusOf(err.code)).toBe(400)
    expect(fake.requestsTo('stt')).toHaveLength(0)
  })

  it('sends audio over 30 s in pieces Sarvam accepts and joins the transcripts', async () => {
    const { speech } = sarvam()
    fake.transcripts.push({ transcript: 'first part', language_code: 'en-IN' }, { transcript: 'second part' })
    fake.transcripts.push({ transcript: 'end' })
    const pause = silence(0.5, { amplitude: 0 })
    const long = joinAudio(speechLike(28), pause, speechLike(28), pause, speechLike(5))
    const result = await speech.transcribe(long)
    expect(result.text).toBe('first part second part end')
    const requests = fake.requestsTo('stt')
    expect(requests).toHaveLength(3)
    expect(requests.every((r) => durationSeconds(parseWav(r.file!.bytes)) <= 30)).toBe(true)
    // Once detected, the language is given for the remaining pieces.
    expect(requests.map((r) => r.fields.language_code)).toEqual(['unknown', 'en-IN', 'en-IN'])
  })

  it('passes an abort through without logging it as a failure', async () => {
    const { speech, failures } = sarvam()
    fake.failNext('stt', { delayMs: 1500 })
    const controller = new AbortController()
    const pending = speech.transcribe(clip(), { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect(failures()).toEqual([])
  })
})

describe('Sarvam failures', () => {
  it('403 is an auth failure, logged once as an alarm, never retried', async () => {
    const { speech, failures } = sarvam()
    fake.failNext('stt', 'invalid_api_key')
    const err = await failure(speech.transcribe(clip()))
    expect(err).toMatchObject({ kind: 'auth', status: 403, providerCode: 'invalid_api_key_error' })
    expect(err.requestId).toMatch(/^fake-/)
    expect(err.message).not.toMatch(/key/i)
    expect(fake.requestsTo('stt')).toHaveLength(1)
    expect(failures()).toHaveLength(1)
    expect(failures()[0]).toMatchObject({ level: 'error', kind: 'auth', alarm: true, upstream_request_id: err.requestId })
    expect(httpStatusOf(err.code)).toBe(503)
  })

  it('a wrong key configured is the same auth failure', async () => {
    const { speech } = sarvam({ apiKey: 'not-the-key' })
    expect((await failure(speech.synthesize('Hello.', { language: 'en-IN' }))).kind).toBe('auth')
  })

  it('429 insufficient_quota is a quota failure and is not retried', async () => {
    const { speech, failures } = sarvam()
    fake.failNext('stt', 'insufficient_quota', 2)
    const err = await failure(speech.transcribe(clip()))
    expect(err).toMatchObject({ kind: 'quota', status: 429 })
    expect(fake.requestsTo('stt')).toHaveLength(1)
    expect(failures()).toHaveLength(1)
    expect(failures()[0]!.level).toBe('error')
    expect(httpStatusOf(err.code)).toBe(503)
  })

  it('429 rate_limit_exceeded is retried once, then reported as rate_limited', async () => {
    const { speech, failures, logs } = sarvam()
    fake.failNext('stt', 'rate_limited', 2)
    const err = await failure(speech.transcribe(clip()))
    expect(err.kind).toBe('rate_limited')
    expect(fake.requestsTo('stt')).toHaveLength(2)
    expect(failures()).toHaveLength(1)
    expect(failures()[0]!.level).toBe('warn')
    expect(logs().filter((l) => l.msg === 'speech call failed, retrying once')).toHaveLength(1)
    expect(httpStatusOf(err.code)).toBe(503)
    expect(err.retryAfterSeconds).toBeDefined()
  })

  it('a 500 HTML page from the gateway is an upstream failure; one retry can rescue the call', async () => {
    const { speech, failures } = sarvam()
    fake.failNext('stt', 'html_500', 2)
    const err = await failure(speech.transcribe(clip()))
    expect(err).toMatchObject({ kind: 'upstream', status: 500 })
    expect(failures()).toHaveLength(1)
    expect(failures()[0]!.detail).toBe('HTTP 500 with an HTML error page')
    expect(httpStatusOf(err.code)).toBe(502)

    fake.reset()
    const second = sarvam()
    fake.failNext('tts', 'html_500', 1)
    const ok = await second.speech.synthesize('Hello.', { language: 'en-IN' })
    expect(ok.provider).toBe('sarvam')
    expect(fake.requestsTo('tts')).toHaveLength(2)
    expect(second.failures()).toEqual([])
  })

  it('no answer within SARVAM_TIMEOUT_MS is a timeout', async () => {
    const { speech, failures } = sarvam({ timeoutMs: 200 })
    fake.failNext('stt', { delayMs: 3000 })
    const err = await failure(speech.transcribe(clip()))
    expect(err.kind).toBe('timeout')
    expect(fake.requestsTo('stt')).toHaveLength(1)
    expect(failures()).toHaveLength(1)
    expect(httpStatusOf(err.code)).toBe(504)
  })

  it('an unreachable server is a network failure', async () => {
    const { speech } = sarvam({ baseUrl: 'http://127.0.0.1:9', maxRetries: 0 })
    const err = await failure(speech.transcribe(clip()))
    expect(err.kind).toBe('network')
    expect(httpStatusOf(err.code)).toBe(502)
  })

  it('a 400 on audio is bad_audio carrying Sarvam’s reason; on TTS it is our own invalid request', async () => {
    const { speech } = sarvam()
    fake.failNext('stt', 'bad_request')
    const stt = await failure(speech.transcribe(clip()))
    expect(stt.kind).toBe('bad_audio')
    expect(stt.message).toMatch(/Invalid request/)
    expect(httpStatusOf(stt.code)).toBe(400)
    fake.failNext('tts', 'bad_request')
    expect((await failure(speech.synthesize('Hello.', { language: 'en-IN' }))).kind).toBe('invalid_request')
  })
})

describe('Sarvam synthesis (REST)', () => {
  it('asks for 16 kHz WAV from bulbul:v3 and decodes audios[0]', async () => {
    const { speech } = sarvam()
    const result = await speech.synthesize('Your reading is normal.', { language: 'ta-IN', speaker: 'Priya' })
    expect(result).toMatchObject({ mimeType: 'audio/wav', sampleRate: 16_000, provider: 'sarvam' })
    const audio = parseWav(result.audio)
    expect(audio).toMatchObject({ sampleRate: 16_000, channels: 1 })
    expect(durationSeconds(audio)).toBeCloseTo('Your reading is normal.'.length * 0.04, 1)
    expect(fake.requestsTo('tts')[0]!.json).toEqual({
      text: 'Your reading is normal.',
      language_code: 'ta-IN',
      model: 'bulbul:v3',
      speaker: 'priya',
      speech_sample_rate: 16_000,
      output_audio_codec: 'wav',
    })
  })

  it('falls back to the configured voice when the preferred one is not a v3 voice', async () => {
    const { speech } = sarvam({ defaultSpeaker: 'kavya' })
    await speech.synthesize('One.', { language: 'hi-IN', speaker: 'anushka' })
    await speech.synthesize('Two.', { language: 'hi-IN', speaker: 'amelia' })
    await speech.synthesize('Three.', { language: 'hi-IN' })
    expect(fake.requestsTo('tts').map((r) => r.json!.speaker)).toEqual(['kavya', 'kavya', 'kavya'])
  })

  it('splits text over 2500 characters at sentence ends into several requests', async () => {
    const { speech } = sarvam()
    const sentence = 'Please take your evening tablet after dinner with a glass of water. '
    const text = sentence.repeat(80)
    const result = await speech.synthesize(text, { language: 'en-IN' })
    const requests = fake.requestsTo('tts')
    expect(requests.length).toBeGreaterThanOrEqual(3)
    expect(requests.every((r) => String(r.json!.text).length <= 2500)).toBe(true)
    expect(requests.every((r) => String(r.json!.text).endsWith('water.'))).toBe(true)
    const expected = requests.reduce((s, r) => s + Math.min(10, String(r.json!.text).length * 0.04), 0)
    expect(durationSeconds(parseWav(result.audio))).toBeCloseTo(expected, 1)
  })

  it('refuses a language bulbul cannot speak', async () => {
    const { speech } = sarvam()
    expect((await failure(speech.synthesize('নমস্কাৰ', { language: 'as-IN' }))).kind).toBe('unsupported_language')
  })
})

describe('Sarvam streaming recognition (WebSocket)', () => {
  function collect() {
    const events: string[] = []
    const transcripts: StreamTranscript[] = []
    const errors: SpeechProviderError[] = []
    const opts: SttStreamOptions = {
      language: 'hi-IN',
      onTranscript: (t) => {
        transcripts.push(t)
        events.push(`transcript:${t.text}`)
      },
      onSpeechStart: () => events.push('start'),
      onSpeechEnd: () => events.push('end'),
      onError: (e) => {
        errors.push(e)
        events.push(`error:${e.kind}`)
      },
    }
    return { events, transcripts, errors, opts }
  }

  it('streams base64 PCM frames, reports Sarvam’s VAD events and flushes at the end of speech', async () => {
    const { speech } = sarvam()
    const c = collect()
    fake.transcripts.push({ transcript: 'मुझे चक्कर आ रहा है', language_code: 'hi-IN' })
    const stream = await speech.openStream(c.opts)
    for (const f of frames20ms(joinAudio(silence(0.3), speechLike(1), silence(0.8)))) stream.sendPcm(f)
    await waitFor(() => c.transcripts.length === 1, 'the transcript')
    await waitFor(() => fake.sockets[0]!.frames.some((f) => f.type === 'flush'), 'the flush frame')
    await stream.close()
    expect(c.events).toEqual(['start', 'end', 'transcript:मुझे चक्कर आ रहा है'])
    expect(c.transcripts[0]).toEqual({ text: 'मुझे चक्कर आ रहा है', language: 'hi-IN', provider: 'sarvam' })

    const [socket] = fake.sockets
    expect(socket!.query).toEqual({
      'language-code': 'hi-IN',
      model: 'saaras:v3',
      mode: 'transcribe',
      sample_rate: '16000',
      input_audio_codec: 'pcm_s16le',
      vad_signals: 'true',
      high_vad_sensitivity: 'true',
      flush_signal: 'true',
    })
    expect(socket!.protocol).toBe(`api-subscription-key.${fake.apiKey}`)
    expect(socket!.audioBytes).toBe(2.1 * 16_000 * 2)
    const audioFrame = socket!.frames.find((f) => 'audio' in f) as { audio: Record<string, unknown> }
    expect(audioFrame.audio).toMatchObject({ sample_rate: 16_000, encoding: 'audio/wav' })
    // The flush follows Sarvam's END_SPEECH, after the audio.
    const lastAudio = socket!.frames.findLastIndex((f) => 'audio' in f)
    expect(socket!.frames.findIndex((f) => f.type === 'flush')).toBeGreaterThan(lastAudio)
  })

  it('flush() finalises speech at once (push-to-talk released mid-sentence)', async () => {
    const { speech } = sarvam()
    const c = collect()
    fake.transcripts.push({ transcript: 'take my tablet', language_code: 'en-IN' })
    const stream = await speech.openStream({ ...c.opts, language: undefined })
    for (const f of frames20ms(joinAudio(silence(0.2), speechLike(0.8)))) stream.sendPcm(f)
    await waitFor(() => c.events.includes('start'), 'speech start')
    stream.flush()
    await waitFor(() => c.transcripts.length === 1, 'the transcript')
    expect(fake.sockets[0]!.query['language-code']).toBe('unknown')
    await stream.close()
  })

  it('close() waits for the transcript of speech already heard', async () => {
    const { speech } = sarvam()
    const c = collect()
    fake.transcripts.push({ transcript: 'sugar was 180' })
    const stream = await speech.openStream(c.opts)
    for (const f of frames20ms(joinAudio(silence(0.2), speechLike(0.8)))) stream.sendPcm(f)
    await waitFor(() => c.events.includes('start'), 'speech start')
    await stream.close()
    expect(c.transcripts.map((t) => t.text)).toEqual(['sugar was 180'])
    stream.sendPcm(speechLike(0.2).samples) // ignored once closed
  })

  it('close({ discard: true }) drops speech not yet transcribed', async () => {
    const { speech } = sarvam()
    const c = collect()
    fake.transcripts.push({ transcript: 'never delivered' })
    const stream = await speech.openStream(c.opts)
    for (const f of frames20ms(joinAudio(silence(0.2), speechLike(0.8)))) stream.sendPcm(f)
    await waitFor(() => c.events.includes('start'), 'speech start')
    await stream.close({ discard: true })
    await new Promise((r) => setTimeout(r, 50))
    expect(c.transcripts).toEqual([])
    expect(fake.sockets[0]!.frames.some((f) => f.type === 'flush')).toBe(false)
  })

  it('a refused handshake (403) fails openStream with auth, logged once', async () => {
    const { speech, failures } = sarvam()
    fake.failNext('stt_ws', 'invalid_api_key')
    const err = await failure(speech.openStream(collect().opts))
    expect(err).toMatchObject({ kind: 'auth', status: 403 })
    expect(failures()).toHaveLength(1)
    expect(failures()[0]).toMatchObject({ level: 'error', alarm: true })
  })

  it('a handshake that never completes is a timeout', async () => {
    const { speech } = sarvam({ timeoutMs: 200 })
    fake.failNext('stt_ws', { delayMs: 2000 })
    expect((await failure(speech.openStream(collect().opts))).kind).toBe('timeout')
  })

  it('an error frame mid-stream ends the stream with its kind, reported and logged once', async () => {
    const { speech, failures } = sarvam()
    const c = collect()
    fake.failNext('stt_ws', 'insufficient_quota')
    const stream = await speech.openStream(c.opts)
    for (const f of frames20ms(speechLike(0.5))) stream.sendPcm(f)
    await waitFor(() => c.errors.length > 0, 'the error')
    await new Promise((r) => setTimeout(r, 50))
    expect(c.errors).toHaveLength(1)
    expect(c.errors[0]).toMatchObject({ kind: 'quota', providerCode: 'insufficient_quota_error' })
    expect(failures()).toHaveLength(1)
    await stream.close()
  })

  it('a close without an error frame (code 1011) is an upstream failure', async () => {
    const { speech } = sarvam()
    const c = collect()
    fake.failNext('stt_ws', 'close_abnormally')
    const stream = await speech.openStream(c.opts)
    stream.sendPcm(speechLike(0.1).samples)
    await waitFor(() => c.errors.length > 0, 'the error')
    expect(c.errors[0]).toMatchObject({ kind: 'upstream', status: 1011 })
    expect(c.events).toEqual(['error:upstream'])
  })
})

describe('Sarvam streaming synthesis (WebSocket)', () => {
  async function* sentences(...list: string[]) {
    for (const s of list) {
      await new Promise((r) => setTimeout(r, 5))
      yield s
    }
  }

  it('speaks an LLM token stream a sentence at a time: one 16 kHz WAV each, in order, over one socket', async () => {
    const { speech } = sarvam()
    const list = ['Your sugar is 180.', 'That is high.', 'Please drink water and rest for a while.']
    const tokens = list.join(' ').match(/.{1,7}/g)!
    const clips: Buffer[] = []
    const opts = { language: 'hi-IN', speaker: 'ritu' }
    for await (const wav of speech.synthesizeStream(sentencesFrom(sentences(...tokens)), opts)) clips.push(wav)
    expect(clips).toHaveLength(3)
    clips.forEach((wav, i) => {
      const audio = parseWav(wav)
      expect(audio.sampleRate).toBe(16_000)
      expect(durationSeconds(audio)).toBeCloseTo(list[i]!.length * 0.04, 2)
    })
    expect(fake.sockets).toHaveLength(1)
    const [socket] = fake.sockets
    expect(socket!.query).toEqual({ model: 'bulbul:v3', send_completion_event: 'true' })
    const config = socket!.frames[0] as { type: string; data: Record<string, unknown> }
    expect(config.type).toBe('config')
    expect(config.data).toMatchObject({
      language_code: 'hi-IN',
      speaker: 'ritu',
      speech_sample_rate: 16_000,
      output_audio_codec: 'linear16',
    })
    expect(socket!.frames.slice(1).map((f) => f.type)).toEqual(['text', 'flush', 'text', 'flush', 'text', 'flush'])
  })

  it('strips the WAV header bulbul:v3 puts before the PCM', async () => {
    const quirky = await FakeSarvamServer.start({ ttsWavHeader: true })
    try {
      const { speech } = sarvam({ baseUrl: quirky.url, apiKey: quirky.apiKey })
      const clips: Buffer[] = []
      for await (const wav of speech.synthesizeStream(sentences('Take rest.'), { language: 'en-IN' })) clips.push(wav)
      expect(durationSeconds(parseWav(clips[0]!))).toBeCloseTo('Take rest.'.length * 0.04, 2)
    } finally {
      await quirky.close()
    }
  })

  it('an error frame becomes a thrown SpeechProviderError, logged once', async () => {
    const { speech, failures } = sarvam()
    fake.failNext('tts_ws', 'rate_limited')
    const err = await failure(
      (async () => {
        for await (const _ of speech.synthesizeStream(sentences('Hello.'), { language: 'en-IN' })) void _
      })(),
    )
    expect(err.kind).toBe('rate_limited')
    expect(failures()).toHaveLength(1)
  })

  it('a socket that goes silent is a timeout', async () => {
    const { speech } = sarvam({ timeoutMs: 300 })
    fake.failNext('tts_ws', 'stall')
    const err = await failure(
      (async () => {
        for await (const _ of speech.synthesizeStream(sentences('Hello.'), { language: 'en-IN' })) void _
      })(),
    )
    expect(err.kind).toBe('timeout')
  })
})
