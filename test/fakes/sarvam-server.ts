import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'

/**
 * A local stand-in for api.sarvam.ai that speaks its wire protocol, for driving the real
 * `sarvamai` SDK in tests: REST speech-to-text (multipart) and text-to-speech (JSON), and the
 * two streaming WebSockets with their JSON frames. It checks the API key the way Sarvam does
 * (header or `api-subscription-key.<key>` subprotocol, 403 when wrong), records every request
 * and client frame, answers with transcripts a test queues, and fails on request.
 */

export type FakeEndpoint = 'stt' | 'tts' | 'stt_ws' | 'tts_ws'

export type FakeFailure =
  /** 403 `invalid_api_key_error` (a refused handshake on a socket). */
  | 'invalid_api_key'
  /** 429 `insufficient_quota_error` (an error frame on a socket). */
  | 'insufficient_quota'
  /** 429 `rate_limit_exceeded_error` (an error frame on a socket). */
  | 'rate_limited'
  /** 500 with the HTML page Azure Application Gateway sends (a refused handshake on a socket). */
  | 'html_500'
  /** 400 `invalid_request_error`. */
  | 'bad_request'
  /** Socket: closes with 1011 at the first client frame, without an error frame. */
  | 'close_abnormally'
  /** Socket: accepts frames and never answers. */
  | 'stall'
  /** Answers normally after a delay (a handshake delay on a socket). */
  | { delayMs: number }

export interface FakeTranscript {
  transcript: string
  /** The detected language; by default the requested one, or null when it was `unknown`. */
  language_code?: string | null
}

export interface RecordedRequest {
  endpoint: 'stt' | 'tts' | 'other'
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  /** Multipart text fields, as sent. */
  fields: Record<string, string>
  file?: { filename: string; contentType: string; bytes: Buffer }
  json?: Record<string, unknown>
  /** How long the fake took to answer once the request was read: the provider's share of a latency. */
  ms?: number
}

export interface RecordedSocket {
  endpoint: 'stt_ws' | 'tts_ws'
  query: Record<string, string>
  protocol: string
  /** Client frames, parsed. */
  frames: Record<string, unknown>[]
  /** PCM bytes received in audio frames (STT). */
  audioBytes: number
  closeCode?: number
  /** Time spent handling this socket's frames: the provider's share of a latency. */
  busyMs: number
}

export interface FakeSarvamOptions {
  apiKey?: string
  /** TTS socket: start each sentence's audio with a WAV header claiming 22050 Hz, as bulbul:v3 has been seen to. */
  ttsWavHeader?: boolean
}

const V3_SPEAKERS = new Set(
  [
    'shubh aditya ritu priya neha rahul pooja rohan simran kavya amit dev ishita shreya ratan varun manan sumit roopa',
    'kabir aayan ashutosh advait anand tanya tarun sunny mani gokul vijay shruti suhani mohit kavitha rehan soham rupali',
  ]
    .join(' ')
    .split(' '),
)
const TTS_LANGUAGES = new Set('en hi bn ta te kn ml mr gu pa od'.split(' ').map((l) => `${l}-IN`))
const GATEWAY_HTML = [
  '<html>',
  '<head><title>500 Internal Server Error</title></head>',
  '<body>',
  '<center><h1>500 Internal Server Error</h1></center>',
  '<hr><center>Microsoft-Azure-Application-Gateway/v2</center>',
  '</body>',
  '</html>',
  '',
].join('\r\n')
const WS_ENDPOINTS: Record<string, 'stt_ws' | 'tts_ws'> = {
  '/speech-to-text/ws': 'stt_ws',
  '/text-to-speech/ws': 'tts_ws',
}
const INVALID_KEY = JSON.stringify({ error: { message: 'Invalid API key', code: 'invalid_api_key_error' } })

export class FakeSarvamServer {
  readonly requests: RecordedRequest[] = []
  readonly sockets: RecordedSocket[] = []
  /** Transcripts to answer with, in order, REST and streaming alike; an empty transcript when none is queued. */
  readonly transcripts: FakeTranscript[] = []
  readonly apiKey: string
  private readonly failures: { endpoint: FakeEndpoint; failure: FakeFailure }[] = []
  private readonly wss: WebSocketServer
  private readonly connections = new Set<Socket>()
  private requestCounter = 0
  private port = 0

  private constructor(
    private readonly server: http.Server,
    private readonly opts: FakeSarvamOptions,
  ) {
    this.apiKey = opts.apiKey ?? 'fake-sarvam-key'
    // Sarvam echoes the subprotocol; a client that offered one fails with "Server sent no subprotocol" otherwise.
    this.wss = new WebSocketServer({ noServer: true, handleProtocols: (p) => p.values().next().value ?? false })
    server.on('request', (req, res) => void this.onRequest(req, res))
    server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket as Socket, head))
    server.on('connection', (s) => {
      this.connections.add(s)
      s.on('close', () => this.connections.delete(s))
    })
  }

  static async start(opts: FakeSarvamOptions = {}): Promise<FakeSarvamServer> {
    const fake = new FakeSarvamServer(http.createServer(), opts)
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve))
    fake.port = (fake.server.address() as AddressInfo).port
    return fake
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** For `new SarvamAIClient({ environment })`. */
  get environment(): { base: string; production: string; creative: string } {
    return { base: this.url, production: `ws://127.0.0.1:${this.port}`, creative: `${this.url}/dubbing` }
  }

  /** Podd's environment for talking to this fake (a short timeout keeps timeout tests quick). */
  env(timeoutMs = 1000): Record<string, string> {
    return { SARVAM_API_KEY: this.apiKey, SARVAM_BASE_URL: this.url, SARVAM_TIMEOUT_MS: String(timeoutMs) }
  }

  /** The next `times` calls to `endpoint` fail this way. */
  failNext(endpoint: FakeEndpoint, failure: FakeFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ endpoint, failure })
  }

  requestsTo(endpoint: RecordedRequest['endpoint']): RecordedRequest[] {
    return this.requests.filter((r) => r.endpoint === endpoint)
  }

  reset(): void {
    this.requests.length = 0
    this.sockets.length = 0
    this.transcripts.length = 0
    this.failures.length = 0
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate()
    for (const s of this.connections) s.destroy()
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private takeFailure(endpoint: FakeEndpoint): FakeFailure | undefined {
    const i = this.failures.findIndex((f) => f.endpoint === endpoint)
    return i < 0 ? undefined : this.failures.splice(i, 1)[0]!.failure
  }

  private nextRequestId(): string {
    return `fake-${(++this.requestCounter).toString().padStart(6, '0')}`
  }

  private nextTranscript(requested: string | undefined): { transcript: string; language_code: string | null } {
    const t = this.transcripts.shift()
    const fallback = requested && requested !== 'unknown' ? requested : null
    const language = t && 'language_code' in t ? (t.language_code ?? null) : fallback
    return { transcript: t?.transcript ?? '', language_code: language }
  }

  private authorised(headers: http.IncomingHttpHeaders): boolean {
    const key = headers['api-subscription-key']
    const bearer = headers.authorization?.replace(/^Bearer\s+/i, '')
    const protocols = String(headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim())
    return key === this.apiKey || bearer === this.apiKey || protocols.includes(`api-subscription-key.${this.apiKey}`)
  }

  // ---- REST ----

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    const body = await readBody(req)
    const started = performance.now()
    const endpoint = req.method === 'POST' && url.pathname === '/speech-to-text' ? 'stt'
      : req.method === 'POST' && url.pathname === '/text-to-speech' ? 'tts'
      : 'other'
    const record: RecordedRequest = {
      endpoint,
      method: req.method ?? '',
      path: url.pathname,
      headers: req.headers,
      fields: {},
    }
    this.requests.push(record)
    res.on('finish', () => (record.ms = performance.now() - started))
    if (endpoint === 'other') return sendError(res, 404, 'not_found_error', `No route for ${req.method} ${url.pathname}`)
    if (!this.authorised(req.headers)) {
      return sendError(res, 403, 'invalid_api_key_error', 'Invalid API key', this.nextRequestId())
    }
    const failure = this.takeFailure(endpoint)
    if (failure && typeof failure === 'object') {
      const stillThere = await waitUnlessClosed(req, failure.delayMs)
      if (!stillThere) return
    } else if (failure) {
      return this.sendFailure(res, failure)
    }
    if (endpoint === 'stt') return this.transcribe(req, body, record, res)
    return this.speak(body, record, res)
  }

  private sendFailure(res: http.ServerResponse, failure: FakeFailure): void {
    const id = this.nextRequestId()
    switch (failure) {
      case 'invalid_api_key':
        return sendError(res, 403, 'invalid_api_key_error', 'Invalid API key', id)
      case 'insufficient_quota':
        return sendError(res, 429, 'insufficient_quota_error', 'You have exhausted your credits', id)
      case 'rate_limited':
        return sendError(res, 429, 'rate_limit_exceeded_error', 'Rate limit exceeded', id)
      case 'bad_request':
        return sendError(res, 400, 'invalid_request_error', 'Invalid request', id)
      default:
        res.writeHead(500, { 'content-type': 'text/html' }).end(GATEWAY_HTML)
    }
  }

  private async transcribe(req: http.IncomingMessage, body: Buffer, record: RecordedRequest, res: http.ServerResponse) {
    let form: FormData
    try {
      const headers = { 'content-type': req.headers['content-type'] ?? '' }
      form = await new Request(this.url, { method: 'POST', headers, body }).formData()
    } catch {
      return sendError(res, 400, 'invalid_request_error', 'Expected multipart/form-data', this.nextRequestId())
    }
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') record.fields[name] = value
      else {
        const bytes = Buffer.from(await value.arrayBuffer())
        record.file = { filename: value.name, contentType: value.type, bytes }
      }
    }
    if (!record.file) return sendError(res, 400, 'invalid_request_error', 'file is required', this.nextRequestId())
    const seconds = wavSeconds(record.file.bytes)
    if (seconds !== undefined && seconds > 30) {
      const message = 'Audio duration exceeds the maximum of 30 seconds'
      return sendError(res, 400, 'invalid_request_error', message, this.nextRequestId())
    }
    const t = this.nextTranscript(record.fields.language_code)
    sendJson(res, 200, { request_id: this.nextRequestId(), ...t, timestamps: null, diarized_transcript: null })
  }

  private speak(body: Buffer, record: RecordedRequest, res: http.ServerResponse): void {
    let json: Record<string, unknown>
    try {
      json = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    } catch {
      return sendError(res, 400, 'invalid_request_error', 'Body must be JSON', this.nextRequestId())
    }
    record.json = json
    const problem = ttsProblem(json, 2500)
    if (problem) return sendError(res, 400, 'invalid_request_error', problem, this.nextRequestId())
    const rate = Number(json.speech_sample_rate ?? 24000)
    const samples = toneFor(String(json.text), rate)
    sendJson(res, 200, { request_id: this.nextRequestId(), audios: [wavFile(samples, rate).toString('base64')] })
  }

  // ---- WebSockets ----

  private onUpgrade(req: http.IncomingMessage, socket: Socket, head: Buffer): void {
    const url = new URL(req.url ?? '/', this.url)
    const endpoint = WS_ENDPOINTS[url.pathname]
    if (!endpoint) return rejectUpgrade(socket, 404, 'application/json', '{"error":{"message":"not found"}}')
    const failure = this.authorised(req.headers) ? this.takeFailure(endpoint) : 'invalid_api_key'
    if (failure === 'invalid_api_key') return rejectUpgrade(socket, 403, 'application/json', INVALID_KEY)
    if (failure === 'html_500') return rejectUpgrade(socket, 500, 'text/html', GATEWAY_HTML)
    const accept = () =>
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        const record: RecordedSocket = {
          endpoint,
          query: Object.fromEntries(url.searchParams),
          protocol: ws.protocol,
          frames: [],
          audioBytes: 0,
          busyMs: 0,
        }
        this.sockets.push(record)
        ws.on('close', (code) => (record.closeCode = code))
        if (endpoint === 'stt_ws') this.serveSttSocket(ws, record, failure)
        else this.serveTtsSocket(ws, record, failure)
      })
    if (failure && typeof failure === 'object') setTimeout(accept, failure.delayMs)
    else accept()
  }

  private serveSttSocket(ws: WebSocket, record: RecordedSocket, failure: FakeFailure | undefined): void {
    const rate = Number(record.query.sample_rate ?? 16000)
    const vadEvents = record.query.vad_signals === 'true'
    const endSilenceMs = record.query.high_vad_sensitivity === 'true' ? 500 : 1000
    const frame = Math.round(rate / 50)
    let speaking = false
    let silentMs = 0
    let carry = Buffer.alloc(0)
    const finalise = () => {
      speaking = false
      silentMs = 0
      const t = this.nextTranscript(record.query['language-code'])
      send(ws, { type: 'data', data: { request_id: this.nextRequestId(), ...t, metrics: { processing_latency: 0.05 } } })
    }
    const event = (signal: 'START_SPEECH' | 'END_SPEECH') => {
      if (vadEvents) send(ws, { type: 'events', data: { signal_type: signal, occured_at: Date.now() / 1000 } })
    }
    onFrame(ws, record, (msg) => {
      if (failure && this.failSocket(ws, failure)) return
      if (failure === 'stall') return
      if (msg.type === 'flush') {
        if (speaking) finalise()
        return
      }
      const audio = msg.audio as { data?: string } | undefined
      if (typeof audio?.data !== 'string') return
      const pcm = Buffer.concat([carry, Buffer.from(audio.data, 'base64')])
      record.audioBytes += pcm.length - carry.length
      const whole = pcm.length - (pcm.length % (frame * 2))
      carry = pcm.subarray(whole)
      // Sarvam's VAD, roughly: loud frames start speech, enough quiet ends it and yields the transcript.
      for (let at = 0; at < whole; at += frame * 2) {
        const loud = rms(pcm.subarray(at, at + frame * 2)) > 500
        if (loud && !speaking) {
          speaking = true
          event('START_SPEECH')
        }
        if (!speaking) continue
        silentMs = loud ? 0 : silentMs + 20
        if (silentMs >= endSilenceMs) {
          event('END_SPEECH')
          finalise()
        }
      }
    })
  }

  private serveTtsSocket(ws: WebSocket, record: RecordedSocket, failure: FakeFailure | undefined): void {
    let config: Record<string, unknown> | undefined
    let text = ''
    const completion = record.query.send_completion_event === 'true'
    onFrame(ws, record, (msg) => {
      if (failure && this.failSocket(ws, failure)) return
      if (failure === 'stall') return
      const data = (msg.data ?? {}) as Record<string, unknown>
      if (msg.type === 'config') {
        const problem = ttsProblem({ ...data, model: record.query.model, text: 'x' }, 2500, ['linear16', 'wav'])
        if (problem) return this.socketError(ws, problem, 422)
        config = data
      } else if (msg.type === 'text') {
        if (!config) return this.socketError(ws, 'Send a config message first', 400)
        text += String(data.text ?? '')
        if (text.length > 2500) return this.socketError(ws, 'Text exceeds 2500 characters', 422)
      } else if (msg.type === 'flush') {
        if (!config || !text) return
        const rate = Number(config.speech_sample_rate ?? 22050)
        const pcm = pcmBytes(toneFor(text, rate))
        const requestId = this.nextRequestId()
        const chunks = [pcm.subarray(0, Math.floor(pcm.length / 4) * 2), pcm.subarray(Math.floor(pcm.length / 4) * 2)]
        if (this.opts.ttsWavHeader) chunks[0] = Buffer.concat([wavHeader(22050, 0x7ffff000), chunks[0]!])
        for (const c of chunks) {
          const audio = c.toString('base64')
          send(ws, { type: 'audio', data: { content_type: 'audio/wav', audio, request_id: requestId } })
        }
        if (completion) send(ws, { type: 'event', data: { event_type: 'final' } })
        text = ''
      }
    })
  }

  // Socket failures strike at the first client frame; true when the frame was answered with one.
  private failSocket(ws: WebSocket, failure: FakeFailure): boolean {
    if (failure === 'insufficient_quota') this.socketError(ws, 'Credits exhausted', 'insufficient_quota_error')
    else if (failure === 'rate_limited') this.socketError(ws, 'Rate limit exceeded', 'rate_limit_exceeded_error')
    else if (failure === 'bad_request') this.socketError(ws, 'Invalid request', 'invalid_request_error')
    else if (failure === 'close_abnormally') ws.close(1011, 'internal error')
    else return false
    return true
  }

  private socketError(ws: WebSocket, message: string, code: string | number): void {
    // STT frames carry {error, code}; TTS frames {message, code}: send both spellings.
    send(ws, { type: 'error', data: { error: message, message, code, request_id: this.nextRequestId() } })
    ws.close(1011, 'error')
  }
}

function ttsProblem(json: Record<string, unknown>, maxChars: number, codecs = ['wav', 'linear16']): string | undefined {
  const language = json.language_code ?? json.target_language_code
  const model = String(json.model ?? 'bulbul:v3')
  if (typeof json.text !== 'string' || json.text.length === 0) return 'text is required'
  if (json.text.length > maxChars) return `text must be at most ${maxChars} characters for ${model}`
  if (typeof language !== 'string' || !TTS_LANGUAGES.has(language)) {
    return `language_code ${String(language)} is not supported`
  }
  if (model === 'bulbul:v3' && json.speaker !== undefined && !V3_SPEAKERS.has(String(json.speaker))) {
    return `Speaker '${String(json.speaker)}' is not compatible with model bulbul:v3`
  }
  if (json.pace !== undefined && (Number(json.pace) < 0.5 || Number(json.pace) > 2)) {
    return 'For the Bulbul V3 model, pace should be between 0.5 and 2.0'
  }
  const rate = Number(json.speech_sample_rate ?? 24000)
  const rates = [8000, 16000, 22050, 24000, 32000, 44100, 48000]
  if (!rates.includes(rate)) return `speech_sample_rate ${rate} is not supported`
  const codec = String(json.output_audio_codec ?? 'wav')
  if (!codecs.includes(codec)) return `the fake does not produce ${codec}`
  return undefined
}

/** A tone whose length grows with the text: enough to check decoding, rates and ordering. */
export function toneFor(text: string, sampleRate: number): Int16Array {
  const seconds = Math.min(10, Math.max(0.2, text.length * 0.04))
  const out = new Int16Array(Math.round(seconds * sampleRate))
  for (let i = 0; i < out.length; i++) out[i] = Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / sampleRate))
  return out
}

function pcmBytes(samples: Int16Array): Buffer {
  const b = Buffer.alloc(samples.length * 2)
  for (let i = 0; i < samples.length; i++) b.writeInt16LE(samples[i]!, i * 2)
  return b
}

function wavHeader(rate: number, dataBytes: number): Buffer {
  const h = Buffer.alloc(44)
  h.write('RIFF', 0, 'latin1')
  h.writeUInt32LE(Math.min(0xffffffff, 36 + dataBytes), 4)
  h.write('WAVEfmt ', 8, 'latin1')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20)
  h.writeUInt16LE(1, 22)
  h.writeUInt32LE(rate, 24)
  h.writeUInt32LE(rate * 2, 28)
  h.writeUInt16LE(2, 32)
  h.writeUInt16LE(16, 34)
  h.write('data', 36, 'latin1')
  h.writeUInt32LE(dataBytes, 40)
  return h
}

function wavFile(samples: Int16Array, rate: number): Buffer {
  const data = pcmBytes(samples)
  return Buffer.concat([wavHeader(rate, data.length), data])
}

function wavSeconds(b: Buffer): number | undefined {
  if (b.length < 44 || b.toString('latin1', 0, 4) !== 'RIFF') return undefined
  return (b.length - 44) / b.readUInt32LE(28)
}

function rms(pcm: Buffer): number {
  let sum = 0
  const n = pcm.length / 2
  for (let i = 0; i < n; i++) sum += pcm.readInt16LE(i * 2) ** 2
  return n ? Math.sqrt(sum / n) : 0
}

function errorBody(code: string, message: string, requestId?: string) {
  return { error: { message, code, ...(requestId ? { request_id: requestId } : {}) } }
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string, requestId?: string): void {
  sendJson(res, status, errorBody(code, message, requestId))
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

function send(ws: WebSocket, frame: unknown): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
}

// Records each client frame and the time spent answering it.
function onFrame(ws: WebSocket, record: RecordedSocket, handle: (msg: Record<string, unknown>) => void): void {
  ws.on('message', (raw) => {
    const started = performance.now()
    const msg = parseFrame(raw)
    record.frames.push(msg)
    handle(msg)
    record.busyMs += performance.now() - started
  })
}

function parseFrame(raw: unknown): Record<string, unknown> {
  try {
    return JSON.parse(String(raw)) as Record<string, unknown>
  } catch {
    return { unparsable: String(raw).slice(0, 100) }
  }
}

function rejectUpgrade(socket: Socket, status: number, contentType: string, body: string): void {
  const reason = http.STATUS_CODES[status] ?? 'Error'
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  )
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

// Resolves after `ms`, or early with false if the client gave up (its timeout fired).
function waitUnlessClosed(req: http.IncomingMessage, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms)
    req.socket.once('close', () => {
      clearTimeout(timer)
      resolve(false)
    })
  })
}
