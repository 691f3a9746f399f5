import { SignJWT, UnsecuredJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_JWT_SECRET, capturingLogger, createTestApp, registerUser, type TestApp } from '../../test/helpers.js'

type Json = Record<string, any>

function expectEnvelope(body: Json, code: string, res: Response) {
  expect(body.status).toBe('error')
  expect(body.error.code).toBe(code)
  expect(typeof body.error.message).toBe('string')
  expect(body.request_id).toBe(res.headers.get('x-request-id'))
}

describe('auth over HTTP', () => {
  let t: TestApp
  const log = capturingLogger()

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '1000' }, { logger: log.logger })
    // Routes must exist before the first request builds the router.
    t.app.get('/__test/boom', () => {
      throw new Error('db password is hunter2')
    })
  })
  afterAll(() => t.close())

  const post = (path: string, json: unknown, headers: Record<string, string> = {}) =>
    t.request(path, { method: 'POST', json, headers })

  describe('register', () => {
    it('Should create an account with a normalised e-mail and return a token pair', async () => {
      const res = await post('/api/v1/auth/register', {
        email: '  Meera.Iyer@Example.COM ',
        password: 'monsoon mangoes 1987',
        name: ' Meera ',
        role: 'patient',
      })
      expect(res.status).toBe(201)
      const body = (await res.json()) as Json
      expect(body.user).toMatchObject({ email: 'meera.iyer@example.com', name: 'Meera', role: 'patient' })
      expect(body.token_type).toBe('Bearer')
      expect(body.expires_in).toBe(900)
      expect(body.access_token.split('.')).toHaveLength(3)
      expect(body.refresh_token.length).toBeGreaterThan(30)
    })

    it('Should answer 409 for an e-mail already registered, whatever its case', async () => {
      const json = { email: 'dup@example.com', password: 'monsoon mangoes 1987', name: 'A', role: 'caregiver' }
      expect((await post('/api/v1/auth/register', json)).status).toBe(201)
      const res = await post('/api/v1/auth/register', { ...json, email: 'DUP@example.com' })
      expect(res.status).toBe(409)
      expectEnvelope((await res.json()) as Json, 'CONFLICT', res)
    })

    it.each([
      ['short', 'short1'],
      ['common', 'password123'],
      ['repeated', 'aaaaaaaaaaaa'],
      ['sequence', '1234567890'],
      ['personal', 'kavita.rao-2024'],
    ])('Should refuse a weak password (%s) with 400 and details', async (_label, password) => {
      const res = await post('/api/v1/auth/register', {
        email: `kavita.rao+${_label}@example.com`,
        password,
        name: 'Kavita',
        role: 'patient',
      })
      expect(res.status).toBe(400)
      const body = (await res.json()) as Json
      expectEnvelope(body, 'VALIDATION_ERROR', res)
      expect(body.error.details.issues[0].path).toBe('password')
    })

    it('Should never grant admin by self-registration', async () => {
      const res = await post('/api/v1/auth/register', {
        email: 'root@example.com',
        password: 'monsoon mangoes 1987',
        name: 'Root',
        role: 'admin',
      })
      expect(res.status).toBe(400)
      const body = (await res.json()) as Json
      expectEnvelope(body, 'VALIDATION_ERROR', res)
      expect(body.error.details.issues.map((i: Json) => i.path)).toContain('role')
    })

    it('Should answer 400 for a bad e-mail and for missing fields', async () => {
      const res = await post('/api/v1/auth/register', { email: 'not-an-email', password: 'monsoon mangoes 1987' })
      expect(res.status).toBe(400)
      const paths = ((await res.json()) as Json).error.details.issues.map((i: Json) => i.path)
      expect(paths).toEqual(expect.arrayContaining(['email', 'name', 'role']))
    })

    it('Should answer 400 in the envelope for malformed JSON', async () => {
      const res = await t.request('/api/v1/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"email": "x@example.com",',
      })
      expect(res.status).toBe(400)
      const body = (await res.json()) as Json
      expectEnvelope(body, 'BAD_REQUEST', res)
      expect(body.error.message).toMatch(/malformed json/i)
    })

    it('Should answer 415 when the body is not JSON at all', async () => {
      const res = await t.request('/api/v1/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'email=x',
      })
      expect(res.status).toBe(415)
      expectEnvelope((await res.json()) as Json, 'UNSUPPORTED_MEDIA_TYPE', res)
    })

    it('Should answer 413 for a body over 1 MB', async () => {
      const res = await t.request('/api/v1/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'big@example.com', name: 'x'.repeat(1_100_000) }),
      })
      expect(res.status).toBe(413)
      expectEnvelope((await res.json()) as Json, 'PAYLOAD_TOO_LARGE', res)
    })
  })

  describe('login', () => {
    it('Should sign in with the right password, in any e-mail case', async () => {
      const u = await registerUser(t)
      const res = await post('/api/v1/auth/login', { email: u.email.toUpperCase(), password: u.password })
      expect(res.status).toBe(200)
      const body = (await res.json()) as Json
      expect(body.user.id).toBe(u.id)
      expect(body.access_token).toBeTruthy()
    })

    it('Should give one message for an unknown e-mail and a wrong password', async () => {
      const u = await registerUser(t)
      const wrong = await post('/api/v1/auth/login', { email: u.email, password: 'not the password' })
      const unknown = await post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'whatever it is' })
      expect(wrong.status).toBe(401)
      expect(unknown.status).toBe(401)
      const [a, b] = [(await wrong.json()) as Json, (await unknown.json()) as Json]
      expectEnvelope(a, 'UNAUTHORIZED', wrong)
      expect(a.error.message).toBe(b.error.message)
    })

    it('Should throttle repeated failures with 429 and Retry-After, without locking other addresses out', async () => {
      const u = await registerUser(t)
      const attacker = { 'x-forwarded-for': '203.0.113.9' }
      for (let i = 0; i < 3; i++) {
        expect((await post('/api/v1/auth/login', { email: u.email, password: `wrong guess ${i}` }, attacker)).status).toBe(401)
      }
      const blocked = await post('/api/v1/auth/login', { email: u.email, password: u.password }, attacker)
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
      expectEnvelope((await blocked.json()) as Json, 'RATE_LIMITED', blocked)
    })
  })

  describe('refresh and logout', () => {
    it('Should rotate the refresh token and revoke the whole family when a rotated one is reused', async () => {
      const u = await registerUser(t)
      const first = await post('/api/v1/auth/refresh', { refresh_token: u.refresh_token })
      expect(first.status).toBe(200)
      const pair1 = (await first.json()) as Json
      expect(pair1.refresh_token).not.toBe(u.refresh_token)

      const second = await post('/api/v1/auth/refresh', { refresh_token: pair1.refresh_token })
      expect(second.status).toBe(200)
      const pair2 = (await second.json()) as Json

      // The original token is replayed (stolen): it fails and takes its successors with it.
      const replay = await post('/api/v1/auth/refresh', { refresh_token: u.refresh_token })
      expect(replay.status).toBe(401)
      expectEnvelope((await replay.json()) as Json, 'UNAUTHORIZED', replay)
      expect((await post('/api/v1/auth/refresh', { refresh_token: pair2.refresh_token })).status).toBe(401)
    })

    it('Should give two racing rotations of one token the same successor (a grace window, not a logout)', async () => {
      const u = await registerUser(t)
      const results = await Promise.all([
        post('/api/v1/auth/refresh', { refresh_token: u.refresh_token }),
        post('/api/v1/auth/refresh', { refresh_token: u.refresh_token }),
      ])
      expect(results.map((r) => r.status)).toEqual([200, 200])
      const [a, b] = (await Promise.all(results.map((r) => r.json()))) as Json[]
      expect(a!.refresh_token).toBe(b!.refresh_token)
    })

    it('Should answer 401 for an unknown refresh token', async () => {
      const res = await post('/api/v1/auth/refresh', { refresh_token: 'made-up-token' })
      expect(res.status).toBe(401)
    })

    it('Should revoke a refresh token on logout', async () => {
      const u = await registerUser(t)
      const res = await post('/api/v1/auth/logout', { refresh_token: u.refresh_token })
      expect(res.status).toBe(204)
      expect((await post('/api/v1/auth/refresh', { refresh_token: u.refresh_token })).status).toBe(401)
      expect((await post('/api/v1/auth/logout', { refresh_token: u.refresh_token })).status).toBe(204)
    })
  })

  describe('access tokens', () => {
    const secret = new TextEncoder().encode(TEST_JWT_SECRET)
    const sign = (claims: Json, opts: { iss?: string; aud?: string; exp?: string | number; sub?: string } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(opts.sub ?? 'someone')
        .setIssuer(opts.iss ?? 'podd')
        .setAudience(opts.aud ?? 'podd-api')
        .setIssuedAt()
        .setJti('j1')
        .setExpirationTime(opts.exp ?? '5m')
        .sign(secret)

    const me = (token?: string) => t.request('/api/v1/auth/me', { token })

    it('Should return the signed-in user', async () => {
      const u = await registerUser(t, 'caregiver', 'Ravi')
      const res = await me(u.access_token)
      expect(res.status).toBe(200)
      expect(((await res.json()) as Json).user).toMatchObject({ id: u.id, email: u.email, name: 'Ravi', role: 'caregiver' })
    })

    it('Should answer 401 without a token', async () => {
      const res = await me()
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer')
      expectEnvelope((await res.json()) as Json, 'UNAUTHORIZED', res)
    })

    it('Should refuse alg "none"', async () => {
      const u = await registerUser(t)
      const unsigned = new UnsecuredJWT({ role: 'patient' })
        .setSubject(u.id)
        .setIssuer('podd')
        .setAudience('podd-api')
        .setIssuedAt()
        .setJti('x')
        .setExpirationTime('5m')
        .encode()
      expect((await me(unsigned)).status).toBe(401)
    })

    it('Should refuse a tampered signature and a forged payload', async () => {
      const u = await registerUser(t)
      const [h, p, s] = u.access_token.split('.') as [string, string, string]
      const flipped = s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1)
      expect((await me(`${h}.${p}.${flipped}`)).status).toBe(401)
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
      const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')
      expect((await me(`${h}.${forged}.${s}`)).status).toBe(401)
    })

    it('Should refuse an expired token, a wrong audience and a wrong issuer', async () => {
      const u = await registerUser(t)
      expect((await me(await sign({ role: 'patient' }, { sub: u.id })))).toHaveProperty('status', 200)
      expect((await me(await sign({ role: 'patient' }, { sub: u.id, exp: Math.floor(Date.now() / 1000) - 60 }))).status).toBe(401)
      expect((await me(await sign({ role: 'patient' }, { sub: u.id, aud: 'someone-else' }))).status).toBe(401)
      expect((await me(await sign({ role: 'patient' }, { sub: u.id, iss: 'evil' }))).status).toBe(401)
    })

    it('Should refuse a token signed with another secret', async () => {
      const other = await new SignJWT({ role: 'patient' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuer('podd')
        .setAudience('podd-api')
        .setIssuedAt()
        .setJti('j')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'))
      expect((await me(other)).status).toBe(401)
    })
  })

  describe('the HTTP shell', () => {
    it('Should answer unknown routes with a 404 envelope and keep an incoming request id', async () => {
      const res = await t.request('/api/v1/nope', { headers: { 'x-request-id': 'client-abc-123' } })
      expect(res.status).toBe(404)
      expect(res.headers.get('x-request-id')).toBe('client-abc-123')
      expectEnvelope((await res.json()) as Json, 'NOT_FOUND', res)
    })

    it('Should replace a malformed incoming request id', async () => {
      const res = await t.request('/health', { headers: { 'x-request-id': 'bad id with spaces <script>' } })
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    })

    it('Should answer a wrong method with 405 and Allow', async () => {
      const res = await t.request('/api/v1/auth/login', { method: 'DELETE' })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toContain('POST')
      expectEnvelope((await res.json()) as Json, 'METHOD_NOT_ALLOWED', res)
    })

    it('Should hide the internals of an unexpected error behind a 500 envelope', async () => {
      const res = await t.request('/__test/boom')
      expect(res.status).toBe(500)
      const body = (await res.json()) as Json
      expectEnvelope(body, 'INTERNAL_ERROR', res)
      expect(JSON.stringify(body)).not.toContain('hunter2')
    })

    it('Should send secure headers and CORS only to allowed origins', async () => {
      const res = await t.request('/health', { headers: { origin: 'https://evil.example' } })
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
    })

    it('Should report health, readiness, the OpenAPI document and the docs page', async () => {
      expect((await (await t.request('/health')).json()) as Json).toMatchObject({ status: 'ok' })
      const ready = await t.request('/ready')
      expect(ready.status).toBe(200)
      expect(((await ready.json()) as Json).checks.auth_db).toBe('ok')
      const doc = (await (await t.request('/api/v1/openapi.json')).json()) as Json
      expect(doc.openapi).toBe('3.1.0')
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/auth/me']))
      expect(doc.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema).toBeDefined()
      const docs = await t.request('/docs')
      expect(docs.headers.get('content-type')).toContain('text/html')
      expect(await docs.text()).toContain('/docs/init.js')
      expect(await (await t.request('/docs/init.js')).text()).toContain('/api/v1/openapi.json')
      expect((await t.request('/docs/assets/swagger-ui-bundle.js')).status).toBe(200)
    })

    it('Should count requests by route and status in /metrics', async () => {
      await t.request('/api/v1/auth/me')
      const text = await (await t.request('/metrics')).text()
      expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/auth\/me",status="401"\} \d+/)
      expect(text).toContain('http_request_duration_seconds_bucket')
      expect(text).toContain('process_resident_memory_bytes')
    })

    it('Should never log passwords or tokens', async () => {
      const u = await registerUser(t)
      await post('/api/v1/auth/login', { email: u.email, password: u.password })
      await post('/api/v1/auth/refresh', { refresh_token: u.refresh_token })
      await t.request('/api/v1/auth/me', { token: u.access_token })
      const logged = log.lines().join('\n')
      expect(logged).toContain('"route":"/api/v1/auth/login"')
      expect(logged).not.toContain(u.password)
      expect(logged).not.toContain(u.refresh_token)
      expect(logged).not.toContain(u.access_token)
    })
  })
})
