/**
 * Regressions for the hardening findings of issue 11, each through the real route on a real
 * server (HTTP over a socket, real stores): what used to 500, hang, leak or log out now answers
 * in the error envelope and changes nothing it should not.
 */
import http from 'node:http'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { capturingLogger, registerUser, sharedEventDb, testConfig } from '../test/helpers.js'
import { startServer, type RunningServer } from './server.js'

type Json = Record<string, any>
type Account = Awaited<ReturnType<typeof registerUser>>

let running: RunningServer
let logLines: () => string[]
let patient: Account
let caregiver: Account

function request(path: string, init: RequestInit & { json?: unknown; token?: string; raw?: string } = {}): Promise<Response> {
  const { json, token, raw, ...rest } = init
  const headers = new Headers(rest.headers)
  if (json !== undefined || raw !== undefined) headers.set('content-type', 'application/json')
  if (token) headers.set('authorization', `Bearer ${token}`)
  return fetch(`${running.url}${path}`, { ...rest, headers, body: raw ?? (json === undefined ? undefined : JSON.stringify(json)) })
}
const client = { request }

async function expectError(res: Response, status: number, code?: string): Promise<Json> {
  const body = (await res.json()) as Json
  expect(res.status, JSON.stringify(body)).toBe(status)
  expect(body.status).toBe('error')
  if (code) expect(body.error.code).toBe(code)
  return body
}

const forgedCursor = (at: string) => Buffer.from(JSON.stringify([at, '01900000-0000-7000-8000-000000000000'])).toString('base64url')

async function eventCount(userId: string): Promise<number> {
  return (await running.services.events.scan(userId, {})).length
}

beforeAll(async () => {
  const cap = capturingLogger('info')
  logLines = cap.lines
  running = await startServer(testConfig(), { eventDb: await sharedEventDb(), startScheduler: false, logger: cap.logger })
  patient = await registerUser(client, 'patient')
  caregiver = await registerUser(client, 'caregiver')
  const inv = (await (await request('/api/v1/caregivers/invitations', { method: 'POST', token: patient.access_token })).json()) as Json
  const linked = await request('/api/v1/caregivers/links', { method: 'POST', token: caregiver.access_token, json: { code: inv.code } })
  expect(linked.status).toBe(201)
})
afterAll(() => running?.close())

describe('2. date ranges are bounded and compared as dates', () => {
  it.each([
    ['/api/v1/insights?to=9999-12-31', 'to'],
    ['/api/v1/insights?from=1900-01-01', 'to'],
    ['/api/v1/insights?from=0050-01-01&to=0050-01-02', 'from'],
    ['/api/v1/insights?from=2024-03-01&to=2024-02-01', 'from'],
  ])('Should answer 400 for %s, not loop', async (path, field) => {
    const body = await expectError(await request(path, { token: patient.access_token }), 400, 'VALIDATION_ERROR')
    expect(body.error.details.issues.map((i: Json) => i.path)).toContain(field)
  })

  it('Should bound the caregiver read of insights the same way', async () => {
    await expectError(await request(`/api/v1/patients/${patient.id}/insights?to=9999-12-31`, { token: caregiver.access_token }), 400)
  })

  it('Should still answer a whole leap year', async () => {
    const res = await request('/api/v1/insights?from=2024-01-01&to=2024-12-31', { token: patient.access_token })
    expect(res.status).toBe(200)
    expect(((await res.json()) as Json).days).toHaveLength(366)
  })
})

describe('4. text that cannot be stored is refused at the edge, and a failed turn writes nothing', () => {
  // JSON escapes, so the body on the wire is valid JSON whose strings hold NUL or a lone surrogate.
  const NUL = '\\u0000'
  const LONE = '\\ud800'

  it.each([
    ['NUL', NUL],
    ['a lone surrogate', LONE],
  ])('Should refuse %s in every kind of text field with 400', async (_label, bad) => {
    const token = patient.access_token
    const before = await eventCount(patient.id)
    const cases: [string, RequestInit & { raw?: string }][] = [
      ['/api/v1/events', { method: 'POST', raw: `{"kind":"mood","payload":{"mood":"good","notes":"fine ${bad}"}}` }],
      ['/api/v1/events', { method: 'POST', raw: `{"kind":"mood","payload":{"mood":"good","note${bad}":"x"}}` }],
      ['/api/v1/profile', { method: 'PUT', raw: `{"name":"Asha ${bad}"}` }],
      ['/api/v1/chat', { method: 'POST', raw: `{"message":"bp 141/91 ${bad}"}` }],
      ['/api/v1/chat', { method: 'POST', raw: `{"message":"bp 141/91 ${bad}"}`, headers: { accept: 'text/event-stream' } }],
    ]
    for (const [path, init] of cases) await expectError(await request(path, { ...init, token }), 400, 'VALIDATION_ERROR')
    await expectError(await request('/api/v1/threads/%00/messages', { token }), 400, 'VALIDATION_ERROR')
    await expectError(await request('/api/v1/threads/%ED%A0%80/messages', { token }), 404)
    // Nothing was written: not the reading the chat turn would have logged, not its record.
    expect(await eventCount(patient.id)).toBe(before)
  })

  it('Should refuse it over the chat socket with an error frame and write nothing', async () => {
    const before = await eventCount(patient.id)
    const ws = new WebSocket(`${running.url.replace('http', 'ws')}/api/v1/ws`, ['bearer', patient.access_token])
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    const frame = new Promise<Json>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))))
    ws.send(`{"type":"chat","message":"bp 141/91 ${NUL}"}`)
    expect(await frame).toMatchObject({ type: 'error', error: { code: 'VALIDATION_ERROR' } })
    ws.close()
    expect(await eventCount(patient.id)).toBe(before)
  })

  it('Should fail a turn before any tool writes when its record could not be stored', async () => {
    // 20,000 characters is the most a chat record holds; the request schema allows 4,000, so this
    // goes through the service as a voice transcript would.
    const before = await eventCount(patient.id)
    const message = `bp 141/91 ${'and '.repeat(5000)}`
    await expect(running.services.conversation.run({ userId: patient.id, message, source: 'voice' })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    })
    expect(await eventCount(patient.id)).toBe(before)
  })
})

describe('4b. a turn that fails after its tools wrote leaves the record as it was, and logs no health data', () => {
  // The turn's tools log the reading; then its chat records cannot be stored (a constraint the
  // test adds), so the turn fails after a write, as a full disk or a lost database would make it.
  async function failingChatRecords<T>(run: () => Promise<T>): Promise<T> {
    const { db } = running.services.eventDb
    await sql`alter table health_events add constraint hardening_no_chat check (kind <> 'chat') not valid`.execute(db)
    try {
      return await run()
    } finally {
      await sql`alter table health_events drop constraint hardening_no_chat`.execute(db)
    }
  }
  const vitalsOf = async (userId: string) => (await running.services.events.scan(userId, { kinds: ['vitals'] })).length

  async function expectUnchangedAndUnlogged(userId: string, before: number, vitalsBefore: number, canary: string, logged: string) {
    expect(await eventCount(userId)).toBe(before)
    expect(await vitalsOf(userId)).toBe(vitalsBefore)
    const lines = logLines()
    expect(lines.some((l) => l.includes(logged) && l.includes('hardening_no_chat'))).toBe(true)
    expect(lines.filter((l) => l.includes(canary) || l.includes('141/91'))).toEqual([])
  }

  it('Should answer 500 in the envelope over POST /chat', async () => {
    const user = await registerUser(client)
    const canary = `canary${Date.now()}`
    const [before, vitalsBefore] = [await eventCount(user.id), await vitalsOf(user.id)]
    const res = await failingChatRecords(() => request('/api/v1/chat', { method: 'POST', token: user.access_token, json: { message: `bp 141/91 ${canary}` } }))
    await expectError(res, 500, 'INTERNAL_ERROR')
    await expectUnchangedAndUnlogged(user.id, before, vitalsBefore, canary, 'unhandled error')
    // A retry records the reading once.
    expect((await request('/api/v1/chat', { method: 'POST', token: user.access_token, json: { message: 'bp 141/91' } })).status).toBe(200)
    expect(await vitalsOf(user.id)).toBe(vitalsBefore + 1)
  })

  it('Should put back the version a failed correction replaced', async () => {
    const user = await registerUser(client)
    const chat = (message: string, thread_id?: string) =>
      request('/api/v1/chat', { method: 'POST', token: user.access_token, json: { message, ...(thread_id ? { thread_id } : {}) } })
    const first = (await (await chat('pulse 98')).json()) as Json
    expect(first.events).toHaveLength(1)
    const failed = await failingChatRecords(() => chat('no no 89, I swapped the digits', first.thread_id))
    await expectError(failed, 500, 'INTERNAL_ERROR')
    const vitals = await running.services.events.scan(user.id, { kinds: ['vitals'] })
    expect(vitals.map((e) => e.payload.heart_rate)).toEqual([98])
  })

  it('Should end the SSE stream with an error frame', async () => {
    const user = await registerUser(client)
    const canary = `canary${Date.now()}`
    const [before, vitalsBefore] = [await eventCount(user.id), await vitalsOf(user.id)]
    const text = await failingChatRecords(async () => {
      const res = await request('/api/v1/chat', { method: 'POST', token: user.access_token, json: { message: `bp 141/91 ${canary}` }, headers: { accept: 'text/event-stream' } })
      expect(res.status).toBe(200)
      return res.text()
    })
    expect(text).toContain('event: error')
    expect(text).toContain('INTERNAL_ERROR')
    expect(text).not.toContain('event: done')
    await expectUnchangedAndUnlogged(user.id, before, vitalsBefore, canary, 'chat stream failed')
  })

  it('Should send an error frame over the chat socket', async () => {
    const user = await registerUser(client)
    const canary = `canary${Date.now()}`
    const [before, vitalsBefore] = [await eventCount(user.id), await vitalsOf(user.id)]
    const ws = new WebSocket(`${running.url.replace('http', 'ws')}/api/v1/ws`, ['bearer', user.access_token])
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    const error = await failingChatRecords(async () => {
      const frame = new Promise<Json>((resolve) => ws.on('message', (d) => JSON.parse(String(d)).type === 'error' && resolve(JSON.parse(String(d)))))
      ws.send(JSON.stringify({ type: 'chat', message: `bp 141/91 ${canary}` }))
      return frame
    })
    ws.close()
    expect(error).toMatchObject({ type: 'error', error: { code: 'INTERNAL_ERROR' } })
    await expectUnchangedAndUnlogged(user.id, before, vitalsBefore, canary, 'chat socket turn failed')
  })
})

describe('5. a forged cursor with an impossible time is a 400', () => {
  it.each(['-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '0001-01-01T00:00:00.000Z'])('%s', async (at) => {
    const cursor = forgedCursor(at)
    const paths = [
      [`/api/v1/events?cursor=${cursor}`, patient],
      [`/api/v1/patients/${patient.id}/events?cursor=${cursor}`, caregiver],
      [`/api/v1/patients/${patient.id}/alerts?cursor=${cursor}`, caregiver],
      [`/api/v1/patients/${patient.id}/summaries?cursor=${cursor}`, caregiver],
    ] as const
    for (const [path, who] of paths) await expectError(await request(path, { token: who.access_token }), 400)
  })
})

describe('6. database errors are logged without the data', () => {
  it('Should log a failed insert without its row or parameters', async () => {
    // Payloads are sealed before they reach SQL, so the canary rides in a column that is not: the
    // client's Idempotency-Key. PostgreSQL reports the whole failing row in `detail`.
    const canary = `CANARY-${Date.now()}`
    const { db } = running.services.eventDb
    await sql`alter table health_events add constraint hardening_canary check (idempotency_key not like 'CANARY-%') not valid`.execute(db)
    try {
      const res = await request('/api/v1/events', {
        method: 'POST',
        token: patient.access_token,
        headers: { 'idempotency-key': canary },
        json: { kind: 'symptom', payload: { name: 'headache', notes: 'bp 141/91' } },
      })
      await expectError(res, 500, 'INTERNAL_ERROR')
    } finally {
      await sql`alter table health_events drop constraint hardening_canary`.execute(db)
    }
    const lines = logLines()
    expect(lines.some((l) => l.includes('hardening_canary'))).toBe(true)
    expect(lines.filter((l) => l.includes(canary) || l.includes('141/91'))).toEqual([])
  })
})

describe('7. system-written kinds cannot be removed by the patient', () => {
  it('Should answer 403 to DELETE of an alert, as to PATCH, and keep it for the caregiver', async () => {
    const { event: alert } = await running.services.events.append(patient.id, {
      kind: 'alert',
      payload: { tier: 'urgent', condition: 'bp_crisis', title: 'Very high blood pressure', message: 'BP 182/121' },
      source: 'system',
    })
    const token = patient.access_token
    await expectError(await request(`/api/v1/events/${alert.id}`, { method: 'DELETE', token }), 403, 'FORBIDDEN')
    await expectError(await request(`/api/v1/events/${alert.id}`, { method: 'PATCH', token, json: { payload: {} } }), 403)
    const alerts = (await (await request(`/api/v1/patients/${patient.id}/alerts`, { token: caregiver.access_token })).json()) as Json
    expect(alerts.events.map((e: Json) => e.id)).toContain(alert.id)
  })
})

describe('8. webhooks cannot target internal hosts', () => {
  it('Should refuse saving a webhook URL to loopback, private, link-local or unique-local addresses, or plain http', async () => {
    const patch = (webhook_url: string) =>
      request('/api/v1/auth/me/preferences', { method: 'PATCH', token: caregiver.access_token, json: { webhook_url, notifications: { webhook: true } } })
    for (const url of ['http://localhost:5432/', 'https://169.254.169.254/latest/meta-data/', 'https://10.0.0.7/', 'https://127.0.0.1/', 'https://[::1]/', 'https://[fd00::1]/']) {
      const body = await expectError(await patch(url), 400, 'VALIDATION_ERROR')
      expect(body.error.details.issues.map((i: Json) => i.path), url).toContain('webhook_url')
    }
    expect((await patch('https://hooks.example.com/podd')).status).toBe(200)
  })
})

describe('9. health data is never cached, and /metrics can be closed', () => {
  it('Should send Cache-Control: no-store on API responses', async () => {
    for (const path of ['/api/v1/events', '/api/v1/insights', '/api/v1/profile', '/api/v1/auth/me']) {
      const res = await request(path, { token: patient.access_token })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('no-store')
    }
    const login = await request('/api/v1/auth/login', { method: 'POST', json: { email: patient.email, password: patient.password } })
    expect(login.headers.get('cache-control')).toBe('no-store')
    expect((await request('/api/v1/events')).headers.get('cache-control')).toBe('no-store')
  })

  it('Should send it on every GET of the API, as the patient and as the caregiver, exports and caregiver reads included', async () => {
    const doc = (await (await request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> }
    const thread = ((await (await request('/api/v1/chat', { method: 'POST', token: patient.access_token, json: { message: 'water 200 ml' } })).json()) as Json).thread_id
    const ids: Record<string, string> = { id: patient.id, patientId: patient.id, threadId: thread }
    const gets = Object.entries(doc.paths).filter(([, ops]) => 'get' in ops).map(([path]) => path)
    expect(gets.length).toBeGreaterThan(20)
    const missing: string[] = []
    for (const template of gets) {
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => (template.includes('/threads/') ? thread : ids[name] ?? patient.id))
      for (const [role, who] of [['patient', patient], ['caregiver', caregiver]] as const) {
        const res = await request(path, { token: who.access_token })
        await res.arrayBuffer()
        if (res.headers.get('cache-control') !== 'no-store') missing.push(`${role} GET ${path} → ${res.status} ${res.headers.get('cache-control')}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('Should send it on a streamed chat turn (SSE)', async () => {
    const res = await request('/api/v1/chat', { method: 'POST', token: patient.access_token, json: { message: 'water 250 ml' }, headers: { accept: 'text/event-stream' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    await res.text()
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('Should require METRICS_TOKEN when it is set', async () => {
    const token = 'scrape-token-0123456789'
    const server = await startServer(testConfig({ METRICS_TOKEN: token }), { eventDb: await sharedEventDb(), startScheduler: false })
    try {
      await expectError(await fetch(`${server.url}/metrics`), 401, 'UNAUTHORIZED')
      await expectError(await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } }), 401)
      const ok = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })
      expect(ok.status).toBe(200)
      expect(await ok.text()).toContain('http_requests_total')
    } finally {
      await server.close()
    }
    expect((await fetch(`${running.url}/metrics`)).status).toBe(200)
  })
})

describe('10. registration is rate-limited per address', () => {
  it('Should answer 429 with Retry-After past the limit, made or refused attempts alike', async () => {
    const server = await startServer(testConfig({ REGISTER_MAX_PER_IP: '3' }), { eventDb: await sharedEventDb(), startScheduler: false })
    try {
      const register = (email: string, password = 'a sturdy passphrase 42') =>
        fetch(`${server.url}/api/v1/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password, name: 'N', role: 'patient' }),
        })
      expect((await register(`r1-${Date.now()}@example.com`)).status).toBe(201)
      expect((await register(`r2-${Date.now()}@example.com`, 'password')).status).toBe(400)
      expect((await register(`r3-${Date.now()}@example.com`)).status).toBe(201)
      const refused = await register(`r4-${Date.now()}@example.com`)
      await expectError(refused, 429, 'RATE_LIMITED')
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    } finally {
      await server.close()
    }
  })

  it("Should count the web app's session registration against the same limit", async () => {
    const server = await startServer(testConfig({ REGISTER_MAX_PER_IP: '2' }), { eventDb: await sharedEventDb(), startScheduler: false })
    try {
      const register = (path: string, email: string) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: 'a sturdy passphrase 42', name: 'N', role: 'patient' }),
        })
      expect((await register('/api/v1/auth/session/register', `s1-${Date.now()}@example.com`)).status).toBe(201)
      expect((await register('/api/v1/auth/register', `s2-${Date.now()}@example.com`)).status).toBe(201)
      await expectError(await register('/api/v1/auth/session/register', `s3-${Date.now()}@example.com`), 429, 'RATE_LIMITED')
    } finally {
      await server.close()
    }
  })
})

describe('11. two refreshes of one token at once keep the user signed in', () => {
  it('Should give both the same successor, which then works; a late replay still revokes the family', async () => {
    const user = await registerUser(client)
    const refresh = (token: string) => request('/api/v1/auth/refresh', { method: 'POST', json: { refresh_token: token } })
    const [a, b] = await Promise.all([refresh(user.refresh_token), refresh(user.refresh_token)])
    expect([a.status, b.status]).toEqual([200, 200])
    const [pa, pb] = [(await a.json()) as Json, (await b.json()) as Json]
    expect(pa.refresh_token).toBe(pb.refresh_token)
    expect(pa.refresh_token).not.toBe(user.refresh_token)

    // Past the grace window, the old token is a stolen one: the family goes.
    await running.services.authDb
      .updateTable('refresh_tokens')
      .set({ revoked_at: new Date(Date.now() - 60_000).toISOString() })
      .where('replaced_by', 'is not', null)
      .where('user_id', '=', user.id)
      .execute()
    await expectError(await refresh(user.refresh_token), 401)
    await expectError(await refresh(pa.refresh_token), 401)
  })

  it('Should not hand out the successor once it was used or revoked', async () => {
    const user = await registerUser(client)
    const refresh = (token: string) => request('/api/v1/auth/refresh', { method: 'POST', json: { refresh_token: token } })
    const next = (await (await refresh(user.refresh_token)).json()) as Json
    expect((await request('/api/v1/auth/logout', { method: 'POST', json: { refresh_token: next.refresh_token } })).status).toBe(204)
    await expectError(await refresh(user.refresh_token), 401)
  })
})

describe('12. idempotency keys replay only the same write', () => {
  it('Should answer 409 for the same key with a different occurred_at, and replay the same one', async () => {
    const token = patient.access_token
    const key = `key-${Date.now()}`
    const post = (occurred_at?: string) =>
      request('/api/v1/events', {
        method: 'POST',
        token,
        headers: { 'idempotency-key': key },
        json: { kind: 'water', payload: { amount_ml: 250 }, ...(occurred_at ? { occurred_at } : {}) },
      })
    const first = await post('2025-01-10T08:00:00Z')
    expect(first.status).toBe(201)
    const again = await post('2025-01-10T08:00:00.000+00:00')
    expect(again.status).toBe(200)
    expect(((await again.json()) as Json).event.id).toBe(((await first.json()) as Json).event.id)
    await expectError(await post('2025-01-11T08:00:00Z'), 409, 'CONFLICT')
    expect((await post()).status).toBe(200)
  })

  it('Should replay a PATCH retried with its key, and refuse the key for another change', async () => {
    const token = patient.access_token
    const created = (await (await request('/api/v1/events', { method: 'POST', token, json: { kind: 'water', payload: { amount_ml: 200 } } })).json()) as Json
    const key = `patch-${Date.now()}`
    const patch = (amount: number) =>
      request(`/api/v1/events/${created.event.id}`, { method: 'PATCH', token, headers: { 'idempotency-key': key }, json: { payload: { amount_ml: amount } } })
    const first = await patch(300)
    expect(first.status).toBe(200)
    const retried = await patch(300)
    expect(retried.status).toBe(200)
    expect(((await retried.json()) as Json).event).toEqual(((await first.json()) as Json).event)
    await expectError(await patch(400), 409, 'CONFLICT')
  })
})

describe('13. an oversized body is a 413 that closes the connection', () => {
  it('Should say Connection: close with the 413', async () => {
    const { port } = new URL(running.url)
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/v1/events', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${patient.access_token}` } }, resolve)
      req.on('error', reject)
      req.end(JSON.stringify({ kind: 'mood', payload: { mood: 'good', notes: 'x'.repeat(2 * 1024 * 1024) } }))
    })
    res.resume()
    expect(res.statusCode).toBe(413)
    expect(res.headers.connection).toBe('close')
  })
})

describe('13b. a response ahead of an unread body closes the connection it cannot reuse', () => {
  it('Should say Connection: close on a 401 to a large upload, and answer the next request on a new connection', async () => {
    const body = JSON.stringify({ kind: 'water', payload: { amount_ml: 250, note: 'y'.repeat(300_000) } })
    const res = await request('/api/v1/events', { method: 'POST', raw: body })
    await expectError(res, 401, 'UNAUTHORIZED')
    expect(res.headers.get('connection')).toBe('close')
    expect((await request('/health')).status).toBe(200)
    const small = await request('/api/v1/events', { method: 'POST', json: { kind: 'water', payload: { amount_ml: 1 } } })
    await expectError(small, 401)
    expect(small.headers.get('connection')).toBe('close')
    const read = await request('/api/v1/events', { method: 'POST', token: patient.access_token, json: { kind: 'water', payload: { amount_ml: 1 } } })
    expect(read.status).toBe(201)
    expect(read.headers.get('connection')).not.toBe('close')
  })
})

describe('16. what a newcomer sees', () => {
  it('Should leave chat records out of GET /events unless asked for', async () => {
    const user = await registerUser(client)
    const turn = await request('/api/v1/chat', { method: 'POST', token: user.access_token, json: { message: 'weight 60 kg' } })
    expect(turn.status).toBe(200)
    const all = (await (await request('/api/v1/events', { token: user.access_token })).json()) as Json
    expect(all.events.map((e: Json) => e.kind)).toEqual(['vitals'])
    const chat = (await (await request('/api/v1/events?kind=chat', { token: user.access_token })).json()) as Json
    expect(chat.events.map((e: Json) => e.payload.role).sort()).toEqual(['assistant', 'user'])
  })
})
