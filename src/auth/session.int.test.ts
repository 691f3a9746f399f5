import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/helpers.js'

type Json = Record<string, any>

/** The cookies a response sets, by name, with their attributes lower-cased. */
function setCookies(res: Response): Map<string, { value: string; attrs: Record<string, string | true> }> {
  const out = new Map<string, { value: string; attrs: Record<string, string | true> }>()
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...rest] = line.split(';').map((p) => p.trim())
    const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)]
    const attrs: Record<string, string | true> = {}
    for (const a of rest) {
      const i = a.indexOf('=')
      if (i < 0) attrs[a.toLowerCase()] = true
      else attrs[a.slice(0, i).toLowerCase()] = a.slice(i + 1)
    }
    out.set(name, { value, attrs })
  }
  return out
}

/** A browser's cookie jar for one test, enough for these routes. */
class Jar {
  refresh = ''
  csrf = ''
  take(res: Response) {
    const c = setCookies(res)
    if (c.has('podd_refresh')) this.refresh = c.get('podd_refresh')!.value
    if (c.has('podd_csrf')) this.csrf = c.get('podd_csrf')!.value
  }
  header(): string {
    return [this.refresh && `podd_refresh=${this.refresh}`, this.csrf && `podd_csrf=${this.csrf}`].filter(Boolean).join('; ')
  }
}

describe('browser sessions over HTTP', () => {
  let t: TestApp
  let counter = 0
  const email = () => `browser-${process.pid}-${counter++}@example.com`
  const password = 'monsoon mangoes 1987'

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const post = (path: string, init: { json?: unknown; headers?: Record<string, string> } = {}) =>
    t.request(`/api/v1/auth/session${path}`, { method: 'POST', json: init.json, headers: init.headers })

  async function registered(): Promise<{ jar: Jar; body: Json; address: string }> {
    const address = email()
    const res = await post('/register', { json: { email: address, password, name: 'Meera', role: 'patient' } })
    expect(res.status).toBe(201)
    const jar = new Jar()
    jar.take(res)
    return { jar, body: (await res.json()) as Json, address }
  }

  const refresh = (jar: Jar, csrf = jar.csrf, extra: Record<string, string> = {}) =>
    post('/refresh', { headers: { cookie: jar.header(), 'x-csrf-token': csrf, ...extra } })

  it('Should register and sign in with the refresh token only in an HttpOnly, SameSite=Strict cookie', async () => {
    const address = email()
    const res = await post('/register', { json: { email: address, password, name: 'Meera', role: 'patient' } })
    expect(res.status).toBe(201)
    const body = (await res.json()) as Json
    expect(body.user).toMatchObject({ email: address, role: 'patient' })
    expect(body.access_token.split('.')).toHaveLength(3)
    expect(body).not.toHaveProperty('refresh_token')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const cookies = setCookies(res)
    expect(cookies.get('podd_refresh')!.attrs).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/v1/auth/session' })
    expect(cookies.get('podd_refresh')!.attrs).not.toHaveProperty('secure')
    expect(cookies.get('podd_csrf')!.attrs).toMatchObject({ samesite: 'Strict', path: '/' })
    expect(cookies.get('podd_csrf')!.attrs).not.toHaveProperty('httponly')

    const me = await t.request('/api/v1/auth/me', { token: body.access_token })
    expect(((await me.json()) as Json).user.email).toBe(address)

    const signIn = await post('', { json: { email: address, password } })
    expect(signIn.status).toBe(200)
    expect(setCookies(signIn).get('podd_refresh')!.value).not.toBe(cookies.get('podd_refresh')!.value)
  })

  it('Should refuse a wrong password with 401 and set no cookie', async () => {
    const { address } = await registered()
    const res = await post('', { json: { email: address, password: 'not the password at all' } })
    expect(res.status).toBe(401)
    expect(res.headers.getSetCookie()).toEqual([])
  })

  it('Should refresh with the cookie and the CSRF token, rotating both', async () => {
    const { jar } = await registered()
    const before = { ...jar }
    const res = await refresh(jar)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    expect(body.access_token).toBeTruthy()
    expect(body).not.toHaveProperty('refresh_token')
    jar.take(res)
    expect(jar.refresh).not.toBe(before.refresh)
    expect(jar.csrf).not.toBe(before.csrf)
    expect((await refresh(jar)).status).toBe(200)
  })

  it('Should refuse a refresh without the CSRF token, or with another session’s, and keep the session alive', async () => {
    const { jar } = await registered()
    const other = await registered()
    const missing = await post('/refresh', { headers: { cookie: jar.header() } })
    expect(missing.status).toBe(403)
    expect(((await missing.json()) as Json).error.code).toBe('FORBIDDEN')
    expect((await refresh(jar, other.jar.csrf)).status).toBe(403)
    expect((await refresh(jar, 'forged')).status).toBe(403)
    // A refused attempt neither rotated nor revoked anything.
    expect((await refresh(jar)).status).toBe(200)
  })

  it('Should refuse a request another site’s page makes, by Fetch Metadata or by Origin', async () => {
    const { jar, address } = await registered()
    expect((await refresh(jar, jar.csrf, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await refresh(jar, jar.csrf, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await refresh(jar, jar.csrf, { origin: 'null' })).status).toBe(403)
    const crossSignIn = await post('', { json: { email: address, password }, headers: { origin: 'https://evil.example' } })
    expect(crossSignIn.status).toBe(403)
    expect((await refresh(jar, jar.csrf, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).status).toBe(200)
  })

  it('Should answer 401 and clear the cookies when there is no session, or a replayed one', async () => {
    expect((await post('/refresh', { headers: { 'x-csrf-token': 'x' } })).status).toBe(401)
    const { jar } = await registered()
    const stolen = { ...jar }
    const first = await refresh(jar)
    jar.take(first)
    // The rightful session moves on; only then is the old token a replay (just after its rotation,
    // with its successor unused, it would still get that successor: the grace window).
    jar.take(await refresh(jar))
    const thief = new Jar()
    Object.assign(thief, stolen)
    const replay = await refresh(thief)
    expect(replay.status).toBe(401)
    expect(setCookies(replay).get('podd_refresh')!.attrs['max-age']).toBe('0')
    // Replaying a rotated token revoked the family: the rightful session ended too.
    expect((await refresh(jar)).status).toBe(401)
  })

  it('Should sign out: the refresh token is revoked and the cookies cleared', async () => {
    const { jar } = await registered()
    const res = await post('/logout', { headers: { cookie: jar.header(), 'x-csrf-token': jar.csrf } })
    expect(res.status).toBe(204)
    const cleared = setCookies(res)
    expect(cleared.get('podd_refresh')!.attrs['max-age']).toBe('0')
    expect(cleared.get('podd_csrf')!.attrs['max-age']).toBe('0')
    expect((await refresh(jar)).status).toBe(401)
    expect((await post('/logout', { headers: { cookie: jar.header(), 'x-csrf-token': 'wrong' } })).status).toBe(403)
  })

  it('Should validate the body like the JSON flow, and keep that flow for API clients', async () => {
    const bad = await post('/register', { json: { email: 'not-an-email', password, name: 'X', role: 'patient' } })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as Json).error.code).toBe('VALIDATION_ERROR')
    const api = await t.request('/api/v1/auth/register', { method: 'POST', json: { email: email(), password, name: 'A', role: 'caregiver' } })
    expect(api.status).toBe(201)
    expect(((await api.json()) as Json).refresh_token).toBeTruthy()
    expect(api.headers.getSetCookie()).toEqual([])
  })
})

describe('browser sessions in production', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' })
  })
  afterAll(() => t.close())

  it('Should mark both cookies Secure', async () => {
    const res = await t.request('/api/v1/auth/session/register', {
      method: 'POST',
      json: { email: `secure-${process.pid}@example.com`, password: 'monsoon mangoes 1987', name: 'S', role: 'patient' },
    })
    expect(res.status).toBe(201)
    const cookies = setCookies(res)
    expect(cookies.get('podd_refresh')!.attrs.secure).toBe(true)
    expect(cookies.get('podd_csrf')!.attrs.secure).toBe(true)
  })
})
