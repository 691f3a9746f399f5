/**
 * Property-based fuzzing of the whole HTTP API, driven by its own OpenAPI document: for every
 * route, as every role (anonymous, patient, caregiver), generated path ids, queries, headers and
 * bodies (mostly well-shaped, every part liable to be hostile). Every answer must be a 2xx, or a
 * 4xx in the error envelope; never a 5xx, never a hang; and the server must still answer
 * /health afterwards. FUZZ_RUNS (default 50) is the number of requests per route.
 */
import fc from 'fast-check'
import { z } from 'zod'
import { EVENT_KINDS, PAYLOAD_SCHEMAS, type EventKind } from '../../memory/event-kinds.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeWav } from '../../src/voice/wav.js'
import { startServer, type RunningServer } from '../../src/server.js'
import { silence } from '../fakes/audio-fixtures.js'
import { capturingLogger, registerUser, sharedEventDb, testConfig } from '../helpers.js'
import { deepNesting, nastyString, valueFor, type Schema } from './schema-arbitraries.js'
import { fuzzTally, percentEncode, type Role } from './fuzz-support.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 50)
const REQUEST_TIMEOUT_MS = 20_000

type Json = Record<string, any>
type Doc = { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } }
type Account = Awaited<ReturnType<typeof registerUser>>

let running: RunningServer
let doc: Doc
let errorLogs: () => string[]
const accounts = {} as Record<Exclude<Role, 'anonymous'>, Account>
/** Ids that exist, so some generated requests reach real rows. */
const known: Record<string, string> = {}

const request = (path: string, init: RequestInit = {}) => fetch(`${running.url}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
const client = {
  request: (p: string, init: RequestInit & { json?: unknown } = {}) =>
    request(p, { method: init.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.json) }),
}
const resolve = (schema: Schema): Schema => {
  const ref = schema?.$ref as string | undefined
  return ref ? resolve(doc.components.schemas[ref.replace('#/components/schemas/', '')]!) : schema
}

async function json(res: Response): Promise<Json> {
  return (await res.json()) as Json
}

/** Caregivers registered before the fuzz, to stand in for one the fuzz locked out of invitation codes. */
const spareCaregivers: Account[] = []
const bearer = (account: Account) => ({ authorization: `Bearer ${account.access_token}`, 'content-type': 'application/json' })

/** A new invitation code of the patient's (the fuzz may have left the most invitations open). */
async function invitationCode(): Promise<string> {
  const patient = bearer(accounts.patient)
  let res = await request('/api/v1/caregivers/invitations', { method: 'POST', headers: patient })
  if (res.status === 409) {
    const { invitations } = await json(await request('/api/v1/caregivers/invitations', { headers: patient }))
    for (const { id } of invitations) await request(`/api/v1/caregivers/invitations/${id}`, { method: 'DELETE', headers: patient })
    res = await request('/api/v1/caregivers/invitations', { method: 'POST', headers: patient })
  }
  const body = await json(res)
  expect(res.status, `a new invitation: ${JSON.stringify(body)}`).toBe(201)
  return body.code
}

/**
 * The caregiver is linked to the patient (the fuzz may have unlinked them). The fuzz also sends
 * the caregiver's code route wrong codes, and ten of those lock a caregiver out of codes for 15
 * minutes (the throttle doing its job): then a spare caregiver takes the caregiver's place.
 */
async function ensureLinked(): Promise<void> {
  const linked = await json(await request('/api/v1/caregivers/patients', { headers: bearer(accounts.caregiver) }))
  if (linked.patients?.some((p: Json) => p.id === accounts.patient.id)) return
  const code = await invitationCode()
  const redeem = () => request('/api/v1/caregivers/links', { method: 'POST', headers: bearer(accounts.caregiver), body: JSON.stringify({ code }) })
  let res = await redeem()
  while (res.status === 429 && spareCaregivers.length > 0) {
    accounts.caregiver = spareCaregivers.shift()!
    known.caregiver = accounts.caregiver.id
    res = await redeem()
  }
  const body = await json(res)
  expect(res.status, `relinking the caregiver: ${JSON.stringify(body)}`).toBe(201)
  known.link = body.link.id
}

beforeAll(async () => {
  const cap = capturingLogger('error')
  errorLogs = cap.lines
  running = await startServer(testConfig(), { eventDb: await sharedEventDb(), startScheduler: false, logger: cap.logger })
  doc = (await json(await request('/api/v1/openapi.json'))) as unknown as Doc
  accounts.patient = await registerUser(client, 'patient')
  accounts.caregiver = await registerUser(client, 'caregiver')
  for (let i = 0; i < 3; i++) spareCaregivers.push(await registerUser(client, 'caregiver'))
  await ensureLinked()
  const { patient } = accounts
  const auth = { authorization: `Bearer ${patient.access_token}`, 'content-type': 'application/json' }
  const event = await json(await request('/api/v1/events', { method: 'POST', headers: auth, body: JSON.stringify({ kind: 'water', payload: { amount_ml: 250 } }) }))
  const turn = await json(await request('/api/v1/chat', { method: 'POST', headers: auth, body: JSON.stringify({ message: 'bp 130/85' }) }))
  const invitation = await json(await request('/api/v1/caregivers/invitations', { method: 'POST', headers: auth }))
  const { event: alert } = await running.services.events.append(patient.id, {
    kind: 'alert',
    payload: { tier: 'urgent', condition: 'bp_crisis', title: 'High blood pressure', message: 'BP 182/121' },
    source: 'system',
  })
  Object.assign(known, { patient: patient.id, caregiver: accounts.caregiver.id, event: event.event.id, thread: turn.thread_id, invitation: invitation.id, alert: alert.id })
})
afterAll(async () => {
  await running?.close()
  console.log(fuzzTally.report('HTTP'))
})

/** A path id: one that exists, any uuid, or something hostile. */
const pathId = () => fc.oneof({ arbitrary: fc.constantFrom(...Object.values(known)), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 }, { arbitrary: nastyString, weight: 2 })

const asQueryValue = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))

// An event's payload is described per kind in memory/event-kinds.ts, not in the document (it is
// an object there): generating from each kind's own schema gets requests past validation.
const PAYLOADS = Object.fromEntries(
  EVENT_KINDS.map((kind) => [kind, z.toJSONSchema(PAYLOAD_SCHEMAS[kind] as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Schema]),
)

function bodyValue(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const resolved = schema && resolve(schema)
  if (!resolved?.properties?.payload) return valueFor(schema, resolve)
  const kinds = (resolved.properties.kind?.enum as EventKind[] | undefined) ?? EVENT_KINDS
  return fc.constantFrom(...kinds).chain((kind) => {
    const fields: Record<string, fc.Arbitrary<unknown>> = { payload: valueFor(PAYLOADS[kind], resolve) }
    if (resolved.properties.kind) fields.kind = fc.constant(kind)
    for (const [k, v] of Object.entries(resolved.properties as Record<string, Schema>)) fields[k] ??= valueFor(v, resolve)
    const shaped = fc.record(fields, { requiredKeys: ['payload', ...(resolved.properties.kind ? ['kind'] : [])] })
    return fc.oneof({ arbitrary: shaped, weight: 6 }, { arbitrary: valueFor(schema, resolve), weight: 1 })
  })
}

interface Generated {
  path: string
  init: RequestInit
}

/** Requests for one operation: its path, query, headers and body generated from its schemas. */
function requests(path: string, method: string, op: Schema): fc.Arbitrary<Generated> {
  const params = (op.parameters ?? []) as Schema[]
  const pathParams = params.filter((p) => p.in === 'path')
  const queryParams = params.filter((p) => p.in === 'query')
  const headerParams = params.filter((p) => p.in === 'header')
  const content = (op.requestBody?.content ?? {}) as Record<string, Schema>
  const jsonSchema = content['application/json']?.schema as Schema | undefined
  const audio = Object.keys(content).some((t) => t.startsWith('audio/'))

  const ids = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathId()])))
  const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueFor(p.schema, resolve).map(asQueryValue)])), { requiredKeys: [] })
  const extraQuery = fc.option(fc.tuple(nastyString, nastyString), { freq: 5 })
  const headers = fc.record(Object.fromEntries(headerParams.map((p) => [p.name, valueFor(p.schema, resolve).map(asQueryValue)])), { requiredKeys: [] })

  const jsonBody = fc.oneof(
    { arbitrary: bodyValue(jsonSchema).map((v) => ({ body: JSON.stringify(v) ?? 'null', type: 'application/json' })), weight: 8 },
    { arbitrary: fc.constantFrom('{', '{"a":', '[1,2', 'nul', '\u0000', '', '['.repeat(100_000) + ']'.repeat(100_000), '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)).map((body) => ({ body, type: 'application/json' })), weight: 1 },
    { arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x').map((type) => ({ body: 'a=1', type })), weight: 1 },
  )
  const wav = new Uint8Array(encodeWav(silence(0.3)))
  const audioBody = fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((b) => ({ body: b, type: 'audio/wav' })),
    fc.constantFrom('audio/wav', 'audio/webm', 'audio/mpeg', 'application/octet-stream', 'text/plain').map((type) => ({ body: wav, type })),
    fc.constant({ body: new Uint8Array(0), type: 'audio/wav' }),
  )
  const body = audio ? audioBody : jsonSchema ? jsonBody : fc.constant(undefined)
  const accept = fc.constantFrom(undefined, 'application/json', 'text/event-stream', 'audio/wav', '*/*')

  return fc.record({ ids, query, extraQuery, headers, body, accept }).map(({ ids, query, extraQuery, headers, body, accept }) => {
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => percentEncode((ids as Record<string, string>)[name] ?? ''))
    const qs = [...Object.entries(query as Record<string, string>), ...(extraQuery ? [extraQuery] : [])]
      .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
      .join('&')
    const h: Record<string, string> = {}
    for (const [k, v] of Object.entries(headers as Record<string, string>)) if (/^[\t\x20-\x7e]*$/.test(v)) h[k] = v
    if (accept) h.accept = accept
    if (body) h['content-type'] = body.type
    return { path: qs ? `${url}?${qs}` : url, init: { method: method.toUpperCase(), headers: h, body: body?.body as RequestInit['body'] } }
  })
}

/** What every answer must be: a success, or a client error in the envelope. */
async function checkAnswer(res: Response, what: string): Promise<void> {
  const text = await res.text()
  fuzzTally.count(res.status)
  expect(res.status, `${what} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500)
  if (res.status >= 400) {
    const body = JSON.parse(text) as Json
    expect(body, `${what} → ${text.slice(0, 300)}`).toMatchObject({ status: 'error', error: { code: expect.any(String), message: expect.any(String) }, request_id: expect.any(String) })
  }
}

const ROLES: Role[] = ['anonymous', 'patient', 'caregiver']

describe('HTTP API under generated input', () => {
  it('Should have routes to fuzz', () => {
    expect(Object.keys(doc.paths).length).toBeGreaterThan(25)
  })

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))

  // One test per route, generated once the document is known.
  it('Should answer every route with a 2xx or an enveloped 4xx, as every role', async () => {
    for (const { path, method, op } of operations()) {
      await ensureLinked()
      for (const role of ROLES) {
        const token = role === 'anonymous' ? undefined : accounts[role].access_token
        await fc.assert(
          fc.asyncProperty(requests(path, method, op), async ({ path: url, init }) => {
            const headers = new Headers(init.headers)
            if (token) headers.set('authorization', `Bearer ${token}`)
            fuzzTally.tried(role)
            const what = `${role} ${init.method} ${url.slice(0, 200)} (${String(headers.get('content-type'))}, ${String(init.body ?? '').length} bytes)`
            const res = await request(url, { ...init, headers }).catch((err: Error) => {
              throw new Error(`${what}: ${err.message} (${(err.cause as Error | undefined)?.message})`)
            })
            await checkAnswer(res, what)
          }),
          { numRuns: Math.ceil(RUNS / ROLES.length), endOnFailure: true },
        )
      }
      expect((await request('/health')).status, `after ${method} ${path}`).toBe(200)
    }
    expect(errorLogs().filter((l) => l.includes('unhandled error'))).toEqual([])
  }, 30 * 60_000)
})
