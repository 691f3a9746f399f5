import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../../test/helpers.js'

type Json = Record<string, any>
type Account = Awaited<ReturnType<typeof registerUser>>

const PATH = '/api/v1/auth/me/preferences'

describe('preferences over HTTP', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const read = async (who: Account) => {
    const res = await t.request(PATH, { token: who.access_token })
    expect(res.status).toBe(200)
    return ((await res.json()) as Json).preferences
  }
  const patch = (who: Account, json: unknown) => t.request(PATH, { method: 'PATCH', token: who.access_token, json })

  async function expectInvalid(res: Response, path: string) {
    expect(res.status).toBe(400)
    const body = (await res.json()) as Json
    expect(body.status).toBe('error')
    expect(body.error.code).toBe('VALIDATION_ERROR')
    expect(body.request_id).toBe(res.headers.get('x-request-id'))
    expect(body.error.details.issues.map((i: Json) => i.path)).toContain(path)
  }

  it('Should start from the defaults, delivering to the account e-mail', async () => {
    const u = await registerUser(t, 'caregiver')
    expect(await read(u)).toEqual({
      notifications: { email: true, sms: false, push: false, webhook: false },
      alert_threshold: 'urgent',
      quiet_hours: { enabled: true, start: '22:00', end: '07:00' },
      daily_summary_time: '20:00',
      timezone: 'Asia/Kolkata',
      language: 'en-IN',
      email: u.email,
      webhook_url: null,
      phone: null,
      inactivity_hours: 8,
    })
  })

  it('Should give a patient reminders in the app and by push, no e-mail and no quiet hours until they choose', async () => {
    const u = await registerUser(t, 'patient')
    expect(await read(u)).toMatchObject({
      notifications: { email: false, sms: false, push: true, webhook: false },
      quiet_hours: { enabled: false, start: '22:00', end: '07:00' },
      language: 'en-IN',
    })
    const res = await patch(u, { notifications: { sms: true }, phone: '+919812345678', quiet_hours: { enabled: true }, language: 'hi-IN' })
    expect(res.status).toBe(200)
    expect(((await res.json()) as Json).preferences).toMatchObject({
      notifications: { email: false, sms: true, push: true },
      quiet_hours: { enabled: true, start: '22:00', end: '07:00' },
      language: 'hi-IN',
    })
  })

  it('Should take a caregiver’s inactivity hours between 1 and 48, or null for none', async () => {
    const u = await registerUser(t, 'caregiver')
    expect(((await (await patch(u, { inactivity_hours: 12 })).json()) as Json).preferences.inactivity_hours).toBe(12)
    expect(((await (await patch(u, { inactivity_hours: null })).json()) as Json).preferences.inactivity_hours).toBeNull()
    await expectInvalid(await patch(u, { inactivity_hours: 0 }), 'inactivity_hours')
    await expectInvalid(await patch(u, { inactivity_hours: 2.5 }), 'inactivity_hours')
  })

  it('Should merge a partial change into nested objects and keep earlier changes', async () => {
    const u = await registerUser(t, 'caregiver')
    const res = await patch(u, {
      notifications: { sms: true },
      phone: '+919876543210',
      quiet_hours: { start: '23:30' },
      language: 'hi-in',
      timezone: 'America/New_York',
    })
    expect(res.status).toBe(200)
    await patch(u, { alert_threshold: 'attention', daily_summary_time: '07:45', email: 'family@example.com' })
    const prefs = await read(u)
    expect(prefs).toMatchObject({
      notifications: { email: true, sms: true, push: false, webhook: false },
      quiet_hours: { enabled: true, start: '23:30', end: '07:00' },
      phone: '+919876543210',
      language: 'hi-IN',
      timezone: 'America/New_York',
      alert_threshold: 'attention',
      daily_summary_time: '07:45',
      email: 'family@example.com',
    })
    expect(await t.services.preferences.getPreferences(u.id)).toEqual(prefs)
  })

  it('Should go back to the account e-mail when the delivery address is cleared', async () => {
    const u = await registerUser(t)
    await patch(u, { email: 'elsewhere@example.com' })
    const res = await patch(u, { email: null })
    expect(((await res.json()) as Json).preferences.email).toBe(u.email)
  })

  it('Should allow an https webhook on the public internet only', async () => {
    const u = await registerUser(t)
    const res = await patch(u, { webhook_url: 'https://hooks.example.com/podd', notifications: { webhook: true } })
    expect(res.status).toBe(200)
    await expectInvalid(await patch(u, { webhook_url: 'http://hooks.example.com/podd' }), 'webhook_url')
    await expectInvalid(await patch(u, { webhook_url: 'ftp://hooks.example.com' }), 'webhook_url')
  })

  it.each([
    ['a time past midnight', { daily_summary_time: '24:00' }, 'daily_summary_time'],
    ['a time without minutes', { quiet_hours: { end: '7' } }, 'quiet_hours.end'],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    ['an offset instead of a zone', { timezone: '+05:30' }, 'timezone'],
    ['a malformed language', { language: 'en_IN!' }, 'language'],
    ['a phone without country code', { phone: '9876543210' }, 'phone'],
    ['a bad e-mail', { email: 'not-an-email' }, 'email'],
    ['an unknown threshold', { alert_threshold: 'critical' }, 'alert_threshold'],
    ['a null nested object', { notifications: null }, 'notifications'],
    ['an unknown key', { colour: 'blue' }, ''],
    ['an unknown nested key', { notifications: { pigeon: true } }, 'notifications'],
    ['SMS without a phone', { notifications: { sms: true } }, 'phone'],
    ['webhooks without a URL', { notifications: { webhook: true } }, 'webhook_url'],
    ['quiet hours of no length', { quiet_hours: { start: '07:00' } }, 'quiet_hours.end'],
  ])('Should refuse %s with 400 in the envelope and change nothing', async (_label, body, path) => {
    const u = await registerUser(t)
    const before = await read(u)
    await expectInvalid(await patch(u, body), path)
    expect(await read(u)).toEqual(before)
  })

  it('Should keep one account’s preferences apart from another’s', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)]
    await patch(a, { alert_threshold: 'info' })
    expect((await read(b)).alert_threshold).toBe('urgent')
  })

  it.each(['GET', 'PATCH'])('Should answer 401 to an anonymous %s', async (method) => {
    const res = await t.request(PATH, { method, json: method === 'PATCH' ? {} : undefined })
    expect(res.status).toBe(401)
    expect(((await res.json()) as Json).error.code).toBe('UNAUTHORIZED')
  })

  it('Should describe both routes in the OpenAPI document, behind the bearer token', async () => {
    const doc = (await (await t.request('/api/v1/openapi.json')).json()) as Json
    expect(doc.paths[PATH].get.security).toEqual([{ Bearer: [] }])
    expect(doc.paths[PATH].patch.security).toEqual([{ Bearer: [] }])
  })
})
