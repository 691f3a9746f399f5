/**
 * Property-based fuzzing of the three WebSockets (chat, care, voice) as every role that may
 * open them: generated frames — the protocol's messages with hostile fields, any text, text that
 * is not UTF-8, binary of any length, frames over the limit, deep nesting. The server must answer
 * each socket's closing ping with a pong or close it with a code that names the client's fault
 * (1007, 1008, 1009), never send INTERNAL_ERROR, never hang, and keep answering /health.
 * FUZZ_RUNS (default 50) is the number of connections per socket.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startServer, type RunningServer } from '../../src/server.js'
import { capturingLogger, registerUser, sharedEventDb, testConfig } from '../helpers.js'
import { fuzzTally } from './fuzz-support.js'
import { deepNesting, nastyString, nastyValue, NASTY_NUMBERS } from './schema-arbitraries.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 50)
const ANSWER_TIMEOUT_MS = 20_000
/** Close codes that blame the client: policy (wrong role), bad data, too big. */
const CLIENT_FAULT_CLOSES = [1007, 1008, 1009]

type Json = Record<string, any>
type Frame = { data: string | Uint8Array; binary: boolean }

let running: RunningServer
let errorLogs: () => string[]
const tokens: Record<'patient' | 'caregiver', string> = { patient: '', caregiver: '' }
const closes = new Map<number, number>()
let connections = 0

beforeAll(async () => {
  const cap = capturingLogger('error')
  errorLogs = cap.lines
  running = await startServer(testConfig(), { eventDb: await sharedEventDb(), startScheduler: false, logger: cap.logger })
  const client = {
    request: (p: string, init: RequestInit & { json?: unknown } = {}) =>
      fetch(`${running.url}${p}`, { method: init.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.json) }),
  }
  tokens.patient = (await registerUser(client, 'patient')).access_token
  tokens.caregiver = (await registerUser(client, 'caregiver')).access_token
})
afterAll(async () => {
  await running?.close()
  const closed = [...closes.values()].reduce((a, b) => a + b, 0)
  console.log(`fuzz sockets: ${connections} connections, ${closed} closed by the server (${[...closes.entries()].map(([c, n]) => `${c}×${n}`).join(' ') || 'none'}), the rest answered the closing ping; ${fuzzTally.report('socket frames')}`)
})

const text = (value: unknown): Frame => ({ data: JSON.stringify(value) ?? 'null', binary: false })

const field = (good: fc.Arbitrary<unknown>) => fc.option(fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: nastyValue, weight: 1 }), { nil: undefined })

const anyFrame: fc.Arbitrary<Frame> = fc.oneof(
  { arbitrary: nastyString.map((s) => ({ data: s, binary: false })), weight: 2 },
  { arbitrary: nastyValue.map(text), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 4096 }).map((b) => ({ data: b, binary: true })), weight: 2 },
  // Text frames whose bytes are not UTF-8.
  { arbitrary: fc.constantFrom([0x7b, 0xff, 0xfe, 0x7d], [0xc3, 0x28], [0xed, 0xa0, 0x80]).map((b) => ({ data: new Uint8Array(b), binary: false })), weight: 1 },
  { arbitrary: fc.constantFrom(2 * 1024 * 1024).map((n) => ({ data: new Uint8Array(n).fill(0x61), binary: false })), weight: 1 },
  { arbitrary: fc.constant(text(deepNesting(2000))), weight: 1 },
)

const SOCKETS = {
  '/api/v1/ws': fc.oneof(
    fc.record({ type: fc.constantFrom('chat', 'cancel', 'ping', 'unknown'), message: field(fc.string({ unit: 'grapheme', maxLength: 80 })), thread_id: field(fc.uuid()) }).map(text),
    fc.constant(text({ type: 'chat', message: 'bp 141/91 and took metformin' })),
    anyFrame,
  ),
  '/api/v1/care/ws': fc.oneof(fc.constant(text({ type: 'ping' })), anyFrame),
  '/api/v1/voice/stream': fc.oneof(
    fc
      .record({
        type: fc.constantFrom('start', 'end', 'interrupt', 'ping', 'stop'),
        language: field(fc.constantFrom('en-IN', 'hi-IN', 'auto', 'xx-YY')),
        thread_id: field(fc.uuid()),
        sample_rate: field(fc.oneof(fc.constantFrom(8000, 16_000, 48_000), fc.constantFrom(...NASTY_NUMBERS))),
      })
      .map(text),
    // PCM of any length, odd ones included.
    fc.integer({ min: 0, max: 32_000 }).map((n) => ({ data: new Uint8Array(n).map((_, i) => (i * 37) & 0xff), binary: true })),
    anyFrame,
  ),
} as const

interface Outcome {
  frames: Json[]
  unreadable: string[]
  closeCode?: number
  pong: boolean
}

/** Opens a socket as `role`, sends the frames and a ping, and waits for the pong or the close. */
function converse(path: string, token: string, frames: Frame[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${running.url.replace('http', 'ws')}${path}`, ['bearer', token])
    const outcome: Outcome = { frames: [], unreadable: [], pong: false }
    const timer = setTimeout(() => {
      ws.terminate()
      reject(new Error(`no pong and no close within ${ANSWER_TIMEOUT_MS} ms on ${path}`))
    }, ANSWER_TIMEOUT_MS)
    const finish = () => {
      clearTimeout(timer)
      resolve(outcome)
    }
    ws.on('error', () => undefined)
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)))
    ws.on('message', (data, isBinary) => {
      if (isBinary) return
      try {
        const frame = JSON.parse(String(data)) as Json
        outcome.frames.push(frame)
        if (frame.type === 'pong') {
          outcome.pong = true
          ws.close(1000)
        }
      } catch {
        outcome.unreadable.push(String(data).slice(0, 200))
      }
    })
    ws.on('close', (code) => {
      if (!outcome.pong) outcome.closeCode = code
      finish()
    })
    ws.on('open', () => {
      for (const f of frames) if (ws.readyState === ws.OPEN) ws.send(f.data, { binary: f.binary })
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'ping' }))
    })
  })
}

describe.each(Object.entries(SOCKETS))('%s under generated frames', (path, frame) => {
  it.each(['patient', 'caregiver'] as const)('Should answer or close for the client, never fail, as a %s', async (role) => {
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 5 }), async (frames) => {
        connections++
        fuzzTally.tried(`${path} as ${role}`, frames.length + 1)
        const outcome = await converse(path, tokens[role], frames)
        for (const f of outcome.frames) fuzzTally.count(f.type === 'error' ? 400 : 200)
        if (outcome.closeCode !== undefined) closes.set(outcome.closeCode, (closes.get(outcome.closeCode) ?? 0) + 1)
        expect(outcome.unreadable).toEqual([])
        expect(outcome.frames.filter((f) => f.type === 'error' && (typeof f.error?.code !== 'string' || f.error.code === 'INTERNAL_ERROR'))).toEqual([])
        if (!outcome.pong) expect(CLIENT_FAULT_CLOSES, `closed with ${outcome.closeCode}`).toContain(outcome.closeCode)
      }),
      { numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    )
    expect((await fetch(`${running.url}/health`)).status).toBe(200)
    expect(errorLogs().filter((l) => /"level":"(error|fatal)"/.test(l))).toEqual([])
  }, 15 * 60_000)
})
