import { execFileSync } from 'node:child_process'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { WebSocket } from 'ws'
import { hasBinary, hasPocketsphinx } from '../../src/voice/binaries.js'
import type { Pcm16Audio } from '../../src/voice/wav.js'

/** Synthetic audio for tests, generated on the spot (no binary fixtures in the repository). */

export function tone(
  seconds: number,
  { frequency = 440, sampleRate = 16_000, amplitude = 8000, channels = 1 } = {},
): Pcm16Audio {
  const frames = Math.round(seconds * sampleRate)
  const samples = new Int16Array(frames * channels)
  for (let f = 0; f < frames; f++) {
    const v = Math.round(amplitude * Math.sin((2 * Math.PI * frequency * f) / sampleRate))
    for (let c = 0; c < channels; c++) samples[f * channels + c] = v
  }
  return { sampleRate, channels, samples }
}

/** Quiet room noise (deterministic), or digital silence with `amplitude` 0. */
export function silence(seconds: number, { sampleRate = 16_000, amplitude = 30 } = {}): Pcm16Audio {
  const samples = new Int16Array(Math.round(seconds * sampleRate))
  let seed = 12345
  for (let i = 0; i < samples.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    samples[i] = Math.round(((seed / 0x7fffffff) * 2 - 1) * amplitude)
  }
  return { sampleRate, channels: 1, samples }
}

/** Syllable-like bursts: a tone switched on and off about four times a second. */
export function speechLike(seconds: number, { sampleRate = 16_000, amplitude = 9000 } = {}): Pcm16Audio {
  const samples = new Int16Array(Math.round(seconds * sampleRate))
  for (let i = 0; i < samples.length; i++) {
    const t = i / sampleRate
    const envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t)
    const voice = Math.sin(2 * Math.PI * 180 * t) * (1 + 0.3 * Math.sin(2 * Math.PI * 900 * t))
    samples[i] = Math.round((amplitude * envelope * voice) / 1.3)
  }
  return { sampleRate, channels: 1, samples }
}

export function joinAudio(...clips: Pcm16Audio[]): Pcm16Audio {
  const total = clips.reduce((n, c) => n + c.samples.length, 0)
  const samples = new Int16Array(total)
  let at = 0
  for (const c of clips) {
    samples.set(c.samples, at)
    at += c.samples.length
  }
  return { sampleRate: clips[0]!.sampleRate, channels: 1, samples }
}

/** The audio in 20 ms slices, as a browser or phone would stream it. */
export function frames20ms(audio: Pcm16Audio): Int16Array[] {
  const size = Math.round(audio.sampleRate / 50) * audio.channels
  const out: Int16Array[] = []
  for (let i = 0; i < audio.samples.length; i += size) out.push(audio.samples.subarray(i, i + size))
  return out
}

/** Encodes a WAV file with ffmpeg to another container (`ogg`, `mp3`, `webm`, `m4a`). */
export function ffmpegEncode(wav: Buffer, format: 'ogg' | 'mp3' | 'webm' | 'm4a', extraArgs: string[] = []): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-fixture-'))
  try {
    const input = path.join(dir, 'in.wav')
    const output = path.join(dir, `out.${format}`)
    fs.writeFileSync(input, wav)
    const codec = { ogg: 'libopus', webm: 'libopus', mp3: 'libmp3lame', m4a: 'aac' }[format]
    execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-i', input, '-c:a', codec, ...extraArgs, output])
    return fs.readFileSync(output)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** espeak-ng's own WAV for a sentence (22050 Hz), as the offline provider would hear it from a person. */
export function espeakWav(text: string, voice = 'en-us+klatt'): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-fixture-'))
  try {
    const out = path.join(dir, 'speech.wav')
    execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', out, text])
    return fs.readFileSync(out)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const APT_PACKAGES: Record<string, string> = {
  ffmpeg: 'ffmpeg',
  'espeak-ng': 'espeak-ng',
  pocketsphinx: 'pocketsphinx pocketsphinx-en-us',
}

/**
 * Whether the speech tools a test needs are installed, and a note for its name saying what to
 * install when they are not (vitest shows the name of a skipped test, not a reason).
 */
export function requires(...tools: ('ffmpeg' | 'espeak-ng' | 'pocketsphinx')[]): { missing: boolean; note: string } {
  const absent = tools.filter((t) => (t === 'pocketsphinx' ? !hasPocketsphinx() : !hasBinary(t)))
  if (absent.length === 0) return { missing: false, note: '' }
  const install = absent.map((t) => APT_PACKAGES[t]).join(' ')
  return { missing: true, note: ` [skipped: needs ${absent.join(', ')}: apt-get install ${install}]` }
}

export interface VoiceFrame {
  type: string
  [key: string]: unknown
}

/** What arrived on a voice socket, in order: JSON frames and binary audio, each with its arrival time. */
export type VoiceMessage = { at: number } & ({ kind: 'json'; frame: VoiceFrame } | { kind: 'audio'; bytes: Buffer })

/**
 * A client of `/api/v1/voice/stream`, as a browser or phone would be: it streams PCM, sends
 * control frames and keeps everything the server sends, for tests and the benchmark.
 */
export class VoiceClient {
  readonly messages: VoiceMessage[] = []
  closeCode: number | undefined
  private waiters: (() => void)[] = []

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const at = performance.now()
      const bytes = data as Buffer
      if (isBinary) this.messages.push({ at, kind: 'audio', bytes })
      else this.messages.push({ at, kind: 'json', frame: JSON.parse(bytes.toString('utf8')) as VoiceFrame })
      this.wake()
    })
    ws.on('close', (code) => {
      this.closeCode = code
      this.wake()
    })
  }

  /** Connects with the token as the `bearer` subprotocol, as a browser does. */
  static connect(baseUrl: string, token: string, path = '/api/v1/voice/stream'): Promise<VoiceClient> {
    const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + path, ['bearer', token])
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new VoiceClient(ws)))
      ws.once('error', reject)
      ws.once('unexpected-response', (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)))
    })
  }

  /** The JSON frames so far (of one type, if given). */
  frames(type?: string): VoiceFrame[] {
    const all = this.messages.flatMap((m) => (m.kind === 'json' ? [m.frame] : []))
    return type ? all.filter((f) => f.type === type) : all
  }

  /** Message types in order, audio as "audio", a run of the same type counted once. */
  sequence(): string[] {
    const out: string[] = []
    for (const m of this.messages) {
      const t = m.kind === 'audio' ? 'audio' : m.frame.type
      if (out.at(-1) !== t) out.push(t)
    }
    return out
  }

  send(frame: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(frame))
  }

  sendPcm(samples: Int16Array): void {
    this.ws.send(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength))
  }

  /** Streams audio in 20 ms frames; `realtime` paces them as a microphone would. */
  async stream(audio: Pcm16Audio, { realtime = false } = {}): Promise<void> {
    const started = performance.now()
    const size = Math.round(audio.sampleRate / 50)
    for (let i = 0, n = 0; i < audio.samples.length; i += size, n++) {
      this.sendPcm(audio.samples.subarray(i, i + size))
      if (realtime) {
        const due = started + (n + 1) * 20 - performance.now()
        if (due > 0) await new Promise((r) => setTimeout(r, due))
      }
    }
  }

  /** Waits for the `count`-th frame of a type (counting from the start), or fails after `ms`. */
  async next(type: string, count = 1, ms = 15_000): Promise<VoiceFrame> {
    await this.until(() => this.frames(type).length >= count, `${count} × ${type}`, ms)
    return this.frames(type)[count - 1]!
  }

  async until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
    const deadline = performance.now() + ms
    while (!check()) {
      if (this.closeCode !== undefined) throw new Error(`socket closed (${this.closeCode}) waiting for ${what}`)
      const left = deadline - performance.now()
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${this.sequence().join(' ')}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /** PCM bytes received after the `n`-th audio_start and before the audio_end that follows it. */
  audioOfTurn(n = 1): Buffer {
    let starts = 0
    const chunks: Buffer[] = []
    for (const m of this.messages) {
      if (m.kind === 'json' && m.frame.type === 'audio_start') starts++
      else if (m.kind === 'json' && m.frame.type === 'audio_end' && starts === n) break
      else if (m.kind === 'audio' && starts === n) chunks.push(m.bytes)
    }
    return Buffer.concat(chunks)
  }

  close(): Promise<void> {
    if (this.closeCode !== undefined) return Promise.resolve()
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve())
      this.ws.close()
    })
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }
}

/** Serves an app (with its WebSocket routes) on a free loopback port, for VoiceClient to reach. */
export async function listen(
  app: { fetch: (req: Request) => Response | Promise<Response> },
  services: { attachServer(server: Server): void },
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server
  })
  services.attachServer(server)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
