import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { registerUser, sharedEventDb, testConfig } from '../../test/helpers.js'
import { startServer, type RunningServer } from '../server.js'

// The three sockets of the API, and who may hold each.
const SOCKETS = [
  ['/api/v1/ws', 'patient'],
  ['/api/v1/care/ws', 'caregiver'],
  ['/api/v1/voice/stream', 'patient'],
] as const

let running: RunningServer
const tokens = { patient: '', caregiver: '' }
const request = (path: string, init: RequestInit = {}) => fetch(`${running.url}${path}`, init)

beforeAll(async () => {
  running = await startServer(testConfig(), { eventDb: await sharedEventDb(), startScheduler: false })
  const t = { request: (p: string, init: RequestInit & { json?: unknown } = {}) => request(p, { method: init.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.json) }) }
  tokens.patient = (await registerUser(t, 'patient')).access_token
  tokens.caregiver = (await registerUser(t, 'caregiver')).access_token
})
afterAll(() => running?.close())

function open(path: string, token: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${running.url.replace('http', 'ws')}${path}`, ['bearer', token], { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

/** The close code the server sends after this raw frame. */
function closeCodeAfter(ws: WebSocket, send: () => void): Promise<number> {
  return new Promise((resolve) => {
    ws.on('error', () => undefined)
    ws.once('close', (code) => resolve(code))
    send()
  })
}

describe.each(SOCKETS)('%s', (path, role) => {
  it('Should close a text frame of invalid UTF-8 with 1007 and stay up', async () => {
    const ws = await open(path, tokens[role])
    const code = await closeCodeAfter(ws, () => ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }))
    expect(code).toBe(1007)
    expect((await request('/health')).status).toBe(200)
  })

  it('Should close a frame over the limit with 1009 and stay up', async () => {
    const ws = await open(path, tokens[role])
    const code = await closeCodeAfter(ws, () => ws.send(Buffer.alloc(4 * 1024 * 1024, 0x61), { binary: false }))
    expect(code).toBe(1009)
    expect((await request('/health')).status).toBe(200)
    // A well-formed socket right after still works.
    const next = await open(path, tokens[role])
    next.close()
  })

  it('Should refuse an upgrade from an opaque origin (Origin: null) with 403', async () => {
    await expect(open(path, tokens[role], { origin: 'null' })).rejects.toThrow('HTTP 403')
    await expect(open(path, tokens[role], { origin: 'not a url' })).rejects.toThrow('HTTP 403')
  })
})

describe('shutdown', () => {
  it('Should close every open socket with 1001 and finish', async () => {
    const server = await startServer(testConfig({ SHUTDOWN_TIMEOUT_MS: '2000' }), { eventDb: await sharedEventDb(), startScheduler: false })
    const saved = running
    running = server
    const sockets = await Promise.all(SOCKETS.map(([path, role]) => open(path, tokens[role])))
    running = saved
    const closed = sockets.map((ws) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code))))
    await server.close()
    expect(await Promise.all(closed)).toEqual([1001, 1001, 1001])
  })

  it('Should cut a client that never answers the close within SHUTDOWN_TIMEOUT_MS, not wait for it', async () => {
    const server = await startServer(testConfig({ SHUTDOWN_TIMEOUT_MS: '500' }), { eventDb: await sharedEventDb(), startScheduler: false })
    const saved = running
    running = server
    const [stuck, ...others] = await Promise.all([open('/api/v1/care/ws', tokens.caregiver), open('/api/v1/ws', tokens.patient), open('/api/v1/voice/stream', tokens.patient)])
    running = saved
    // A client whose process froze: it reads nothing, so it never answers the close handshake.
    ;(stuck as unknown as { _socket: import('node:net').Socket })._socket.pause()
    const closed = others.map((ws) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code))))
    const stuckGone = new Promise<void>((resolve) => stuck.once('close', () => resolve()))
    // ws itself would wait 30 s for the answer; the bound here is far below that.
    const finished = await Promise.race([server.close().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))])
    expect(finished).toBe(true)
    expect(await Promise.all(closed)).toEqual([1001, 1001])
    ;(stuck as unknown as { _socket: import('node:net').Socket })._socket.resume()
    await stuckGone
  })
})
