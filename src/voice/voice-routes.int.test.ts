import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { joinAudio, requires, silence, speechLike, tone } from '../../test/fakes/audio-fixtures.js'
import { FakeSarvamServer } from '../../test/fakes/sarvam-server.js'
import { capturingLogger, createTestApp, registerUser, type TestApp } from '../../test/helpers.js'
import { speakable } from './speakable.js'
import { spokenReply } from './spoken-reply.js'
import { durationSeconds, encodeWav, parseWav } from './wav.js'

let fake: FakeSarvamServer
let t: TestApp
let logs: () => { level: string; msg: string; kind?: string; alarm?: boolean }[]
let patient: { access_token: string }

beforeAll(async () => {
  fake = await FakeSarvamServer.start()
  const cap = capturingLogger('debug')
  logs = () => cap.lines().map((l) => JSON.parse(l) as ReturnType<typeof logs>[number])
  t = await createTestApp(fake.env(), { logger: cap.logger })
  patient = await registerUser(t)
})
afterEach(() => fake.reset())
afterAll(async () => {
  await t.close()
  await fake.close()
})

const utterance = () => encodeWav(joinAudio(silence(0.2), speechLike(1.5), silence(0.3)))
const spoken = (text: string) => Math.min(10, Math.max(0.2, text.length * 0.04))

type Body = NonNullable<RequestInit['body']>

function turn(body: Body, init: { type?: string; accept?: string; query?: string; token?: string } = {}) {
  const headers: Record<string, string> = {}
  if (init.type !== undefined) headers['content-type'] = init.type
  if (init.accept) headers.accept = init.accept
  return t.request(`/api/v1/voice/turn${init.query ?? ''}`, {
    method: 'POST',
    body,
    headers,
    token: init.token ?? patient.access_token,
  })
}

interface VoiceTurnJson {
  transcript: string
  language: string | null
  reply: string
  routes: string[]
  events: { kind: string; source: string; id: string }[]
  emergency: boolean
  thread_id: string
  audio: { mime_type: string; sample_rate: number; data: string } | null
  audio_error?: { code: string; message: string }
  speech_provider: string
  timings: Record<string, number>
}

// Lines that report a failed speech call (retry notices are debug lines and do not count).
const failureLines = () => logs().filter((l) => l.kind && l.level !== 'debug')

describe('POST /api/v1/voice/turn with Sarvam', () => {
  it('transcribes, runs the turn as a voice turn, and speaks the reply as 16 kHz WAV', async () => {
    fake.transcripts.push({ transcript: 'my blood pressure is 140/90', language_code: 'en-IN' })
    const res = await turn(utterance(), { type: 'audio/wav' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as VoiceTurnJson
    expect(body).toMatchObject({
      transcript: 'my blood pressure is 140/90',
      language: 'en-IN',
      routes: ['vitals'],
      emergency: false,
      speech_provider: 'sarvam',
    })
    expect(body.reply).toMatch(/BP 140\/90/)
    expect(body.events.map((e) => [e.kind, e.source])).toEqual([['vitals', 'voice']])

    const [stt] = fake.requestsTo('stt')
    expect(stt!.fields).toMatchObject({ model: 'saaras:v3', language_code: 'en-IN' })
    expect(parseWav(stt!.file!.bytes)).toMatchObject({ sampleRate: 16_000, channels: 1 })
    // The reply is spoken as it should be heard, "one forty over ninety", and as much as suits speech.
    const [tts] = fake.requestsTo('tts')
    expect(tts!.json).toMatchObject({ text: speakable(spokenReply(body.reply)), language_code: 'en-IN', speaker: 'shubh' })
    expect(tts!.json!.text).toContain('one forty over ninety')

    expect(body.audio!.mime_type).toBe('audio/wav')
    const audio = parseWav(Buffer.from(body.audio!.data, 'base64'))
    expect(audio).toMatchObject({ sampleRate: 16_000, channels: 1 })
    expect(durationSeconds(audio)).toBeCloseTo(spoken(String(tts!.json!.text)), 2)
    for (const k of ['stt_ms', 'graph_ms', 'tts_ms', 'total_ms']) expect(body.timings[k]).toBeGreaterThanOrEqual(0)

    const stored = await t.request('/api/v1/events?kind=vitals', { token: patient.access_token })
    const events = ((await stored.json()) as { events: { id: string; source: string }[] }).events
    expect(events.find((e) => e.id === body.events[0]!.id)?.source).toBe('voice')
  })

  it('detects the language with ?language=auto and speaks the reply in the language heard (Hindi)', async () => {
    fake.transcripts.push({ transcript: 'मेरा बीपी 140/90 है', language_code: 'hi-IN' })
    const res = await turn(utterance(), { type: 'audio/wav', query: '?language=auto' })
    const body = (await res.json()) as VoiceTurnJson
    expect(res.status).toBe(200)
    expect(body).toMatchObject({ transcript: 'मेरा बीपी 140/90 है', language: 'hi-IN' })
    expect(fake.requestsTo('stt')[0]!.fields.language_code).toBe('unknown')
    // A Devanagari transcript is answered in Hindi (issue 12, class 7), so it is spoken in Hindi.
    expect(fake.requestsTo('tts')[0]!.json!.language_code).toBe('hi-IN')
  })

  it("listens for the profile's language and speaks with its preferred voice", async () => {
    const other = await registerUser(t)
    const profile = { language: 'hi-IN', preferred_voice: 'priya' }
    const saved = await t.request('/api/v1/profile', { method: 'PUT', json: profile, token: other.access_token })
    expect(saved.status).toBe(200)
    fake.transcripts.push({ transcript: 'मेरा शुगर 120 है' })
    const res = await turn(utterance(), { type: 'audio/wav', token: other.access_token })
    expect(res.status).toBe(200)
    expect(fake.requestsTo('stt')[0]!.fields.language_code).toBe('hi-IN')
    expect(fake.requestsTo('tts')[0]!.json!.speaker).toBe('priya')
  })

  it('with Accept: audio/wav answers with the spoken reply and the fields in ASCII headers', async () => {
    fake.transcripts.push({ transcript: 'मेरा बीपी 140/90 है', language_code: 'hi-IN' })
    const res = await turn(utterance(), { type: 'audio/wav', accept: 'audio/wav' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('audio/wav')
    const audio = parseWav(Buffer.from(await res.arrayBuffer()))
    expect(audio.sampleRate).toBe(16_000)
    const h = (name: string) => res.headers.get(name) ?? ''
    expect(decodeURIComponent(h('x-podd-transcript'))).toBe('मेरा बीपी 140/90 है')
    expect(decodeURIComponent(h('x-podd-reply'))).toMatch(/बीपी 140\/90/)
    expect(h('x-podd-language')).toBe('hi-IN')
    expect(h('x-podd-routes')).toBe('vitals')
    expect(h('x-podd-emergency')).toBe('false')
    expect(h('x-podd-thread-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(h('x-podd-event-ids').split(',')).toHaveLength(1)
    expect(Object.keys(JSON.parse(h('x-podd-timings')) as object)).toEqual(['stt_ms', 'graph_ms', 'tts_ms', 'total_ms'])
    expect(h('server-timing')).toMatch(/^stt;dur=[\d.]+, graph;dur=[\d.]+, tts;dur=[\d.]+, total;dur=[\d.]+$/)
    for (const [, value] of res.headers) expect(value).toMatch(/^[\x20-\x7e]*$/)
  })

  it.skipIf(requires('ffmpeg').missing)(`with Accept: audio/mpeg answers MP3${requires('ffmpeg').note}`, async () => {
    fake.transcripts.push({ transcript: 'my sugar was 120', language_code: 'en-IN' })
    const res = await turn(utterance(), { type: 'audio/wav', accept: 'audio/mpeg' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('audio/mpeg')
    const mp3 = Buffer.from(await res.arrayBuffer())
    const id3OrFrame = mp3.subarray(0, 3).toString('latin1') === 'ID3' || (mp3[0] === 0xff && (mp3[1]! & 0xe0) === 0xe0)
    expect(id3OrFrame).toBe(true)
  })

  it('an emergency speaks the fixed emergency text, word for word', async () => {
    fake.transcripts.push({ transcript: 'I have crushing chest pain and I cannot breathe', language_code: 'en-IN' })
    const res = await turn(utterance(), { type: 'audio/wav' })
    const body = (await res.json()) as VoiceTurnJson
    expect(body.emergency).toBe(true)
    expect(body.reply).toMatch(/^This could be a medical emergency\. Call 112 or 108/)
    // Whole, however long: every sentence of it is a step to take. Only the numbers are said as words.
    expect(fake.requestsTo('tts').map((r) => r.json!.text)).toEqual([speakable(body.reply)])
    expect(body.events.map((e) => [e.kind, e.source])).toEqual([['alert', 'voice']])
  })

  it('takes a multipart upload with an audio field, and continues a thread', async () => {
    fake.transcripts.push({ transcript: 'I had two chapatis for lunch', language_code: 'en-IN' })
    const first = (await (await turn(multipart(utterance()))).json()) as VoiceTurnJson
    expect(first.routes).toEqual(['food'])
    fake.transcripts.push({ transcript: 'and my sugar was 120', language_code: 'en-IN' })
    const form = multipart(utterance(), { thread_id: first.thread_id })
    const second = (await (await turn(form)).json()) as VoiceTurnJson
    expect(second.thread_id).toBe(first.thread_id)
    expect(fake.requestsTo('stt')).toHaveLength(2)
  })

  it('records each stage in /metrics', async () => {
    fake.transcripts.push({ transcript: 'my weight is 72 kilos', language_code: 'en-IN' })
    expect((await turn(utterance(), { type: 'audio/wav' })).status).toBe(200)
    const metrics = await (await t.request('/metrics')).text()
    for (const stage of ['stt', 'graph', 'tts', 'total']) {
      expect(metrics).toMatch(new RegExp(`podd_voice_stage_seconds_count\\{stage="${stage}"\\} [1-9]`))
    }
  })
})

describe('the voice turn in the OpenAPI document', () => {
  it('documents the audio bodies, both answers and the errors', async () => {
    const doc = (await (await t.request('/api/v1/openapi.json')).json()) as { paths: Record<string, any> }
    const op = doc.paths['/api/v1/voice/turn']!.post
    const bodies = Object.keys(op.requestBody.content)
    expect(bodies).toEqual(expect.arrayContaining(['audio/wav', 'audio/webm', 'multipart/form-data']))
    expect(Object.keys(op.responses[200].content)).toEqual(['application/json', 'audio/wav', 'audio/mpeg'])
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['413', '415', '502', '503', '504']))
  })
})

function multipart(wav: Buffer, fields: Record<string, string> = {}): FormData {
  const form = new FormData()
  form.set('audio', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), 'speech.wav')
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  return form
}

describe('refused before any speech provider is called', () => {
  const noise = () => new Uint8Array(4000).map((_, i) => (i * 7919) % 251)
  const corrupted = () => {
    const wav = utterance()
    wav.write('XXXX', 12, 'latin1') // the fmt chunk's id
    return wav
  }
  const cases: [string, () => Body, string | undefined, number, RegExp][] = [
    ['empty audio', () => new Uint8Array(0), 'audio/wav', 400, /empty/],
    ['random bytes said to be WAV', noise, 'audio/wav', 400, /not valid WAV/],
    ['random bytes of no stated type', noise, 'application/octet-stream', 415, /not audio/],
    ['JSON', () => JSON.stringify({ audio: 'x' }), 'application/json', 415, /application\/json is not accepted/],
    ['text', () => 'hello', 'text/plain', 415, /text\/plain is not accepted/],
    ['a corrupted WAV header', () => new Uint8Array(corrupted()), 'audio/wav', 400, /WAV file is damaged/],
    ['audio over VOICE_MAX_SECONDS', () => new Uint8Array(encodeWav(tone(31))), 'audio/wav', 413, /limit is 30 s/],
    ['a form without an audio field', () => new FormData(), undefined, 400, /file field named "audio"/],
  ]

  it.each(cases)('%s', async (_, body, type, status, message) => {
    const res = await turn(body(), { type })
    expect(res.status).toBe(status)
    const err = (await res.json()) as { status: string; error: { message: string }; request_id: string }
    expect(err.status).toBe('error')
    expect(err.error.message).toMatch(message)
    expect(fake.requests).toHaveLength(0)
  })

  it('an unknown ?language= is a 400 naming the languages there are', async () => {
    const res = await turn(utterance(), { type: 'audio/wav', query: '?language=xx-YY' })
    expect(res.status).toBe(400)
    const err = (await res.json()) as { error: { details: { supported_languages: string[] } } }
    expect(err.error.details.supported_languages).toContain('hi-IN')
    expect(fake.requests).toHaveLength(0)
  })

  it('caregivers cannot hold a conversation (403)', async () => {
    const caregiver = await registerUser(t, 'caregiver')
    const res = await turn(utterance(), { type: 'audio/wav', token: caregiver.access_token })
    expect(res.status).toBe(403)
    expect(fake.requests).toHaveLength(0)
  })

  it('a thread of someone else is not found (404)', async () => {
    fake.transcripts.push({ transcript: 'hello' })
    const res = await turn(utterance(), { type: 'audio/wav', query: '?thread_id=0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' })
    expect(res.status).toBe(404)
  })
})

describe('Sarvam failures as HTTP answers, each logged once', () => {
  const cases: [string, Parameters<FakeSarvamServer['failNext']>[1], number, number, string, string][] = [
    ['403 invalid key', 'invalid_api_key', 1, 503, 'SERVICE_UNAVAILABLE', 'auth'],
    ['429 out of credits', 'insufficient_quota', 1, 503, 'SERVICE_UNAVAILABLE', 'quota'],
    ['429 rate limited (after one retry)', 'rate_limited', 2, 503, 'SERVICE_UNAVAILABLE', 'rate_limited'],
    ['500 HTML from the gateway (after one retry)', 'html_500', 2, 502, 'BAD_GATEWAY', 'upstream'],
    ['no answer within SARVAM_TIMEOUT_MS', { delayMs: 3000 }, 1, 504, 'GATEWAY_TIMEOUT', 'timeout'],
  ]

  it.each(cases)('speech-to-text: %s', async (_, failure, times, status, code, reason) => {
    const before = failureLines().length
    fake.failNext('stt', failure, times)
    const res = await turn(utterance(), { type: 'audio/wav' })
    expect(res.status).toBe(status)
    const err = (await res.json()) as { error: { code: string; message: string; details: Record<string, unknown> } }
    expect(err.error.code).toBe(code)
    expect(err.error.details).toMatchObject({ provider: 'sarvam', reason })
    expect(err.error.message).not.toMatch(/key|html/i)
    if (reason === 'rate_limited') expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
    const lines = failureLines().slice(before)
    expect(lines).toHaveLength(1)
    expect(lines[0]!.kind).toBe(reason)
    expect(logs().some((l) => l.msg === 'unhandled error')).toBe(false)
  })

  it('a failed synthesis after the turn keeps the turn: JSON has the reply and audio_error', async () => {
    fake.transcripts.push({ transcript: 'my sugar was 130 after lunch', language_code: 'en-IN' })
    fake.failNext('tts', 'html_500', 2)
    const res = await turn(utterance(), { type: 'audio/wav' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as VoiceTurnJson
    expect(body.audio).toBeNull()
    expect(body.audio_error).toMatchObject({ code: 'BAD_GATEWAY' })
    expect(body.events.map((e) => e.kind)).toEqual(['vitals'])
  })

  it('…and asked for audio, the error says the turn was completed, so it is not retried', async () => {
    fake.transcripts.push({ transcript: 'my sugar was 140 after dinner', language_code: 'en-IN' })
    fake.failNext('tts', 'insufficient_quota')
    const res = await turn(utterance(), { type: 'audio/wav', accept: 'audio/wav' })
    expect(res.status).toBe(503)
    const err = (await res.json()) as { error: { details: Record<string, unknown> } }
    expect(err.error.details).toMatchObject({ reason: 'quota', turn_completed: true })
    expect(err.error.details.reply).toMatch(/140/)
  })

  it('a transcript with nothing in it is a 422, never a made-up turn', async () => {
    fake.transcripts.push({ transcript: '   ' })
    const res = await turn(utterance(), { type: 'audio/wav' })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/No speech was recognised/)
    expect(fake.requestsTo('tts')).toHaveLength(0)
  })
})
