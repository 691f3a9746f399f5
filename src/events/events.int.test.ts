import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../../test/helpers.js'

type Json = Record<string, any>

describe('events API', () => {
  let t: TestApp
  let alice: Awaited<ReturnType<typeof registerUser>>
  let bob: Awaited<ReturnType<typeof registerUser>>

  beforeAll(async () => {
    t = await createTestApp()
    alice = await registerUser(t, 'patient', 'Alice')
    bob = await registerUser(t, 'patient', 'Bob')
  })
  afterAll(() => t.close())

  const post = (json: unknown, token = alice.access_token, headers: Record<string, string> = {}) =>
    t.request('/api/v1/events', { method: 'POST', json, token, headers })
  const body = async (res: Response) => (await res.json()) as Json

  it('Should record an event with its flags and source', async () => {
    const res = await post({ kind: 'vitals', payload: { blood_pressure_systolic: 185, blood_pressure_diastolic: 110 } })
    expect(res.status).toBe(201)
    const { event } = await body(res)
    expect(event).toMatchObject({
      kind: 'vitals',
      source: 'api',
      user_id: alice.id,
      event_kind: 'fact',
      flags: { blood_pressure: { category: 'crisis' }, needs_recheck: true },
    })
    expect(event.context_id).toBe(`vitals:${event.id}`)
  })

  it('Should return the same event for 20 concurrent requests with one Idempotency-Key', async () => {
    const user = await registerUser(t)
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        post({ kind: 'med_dose', payload: { medication_name: 'Metformin', status: 'taken' } }, user.access_token, {
          'Idempotency-Key': 'client-key-42',
        }),
      ),
    )
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 200)).toHaveLength(19)
    const ids = new Set(await Promise.all(responses.map(async (r) => (await body(r)).event.id)))
    expect(ids.size).toBe(1)
    const list = await body(await t.request('/api/v1/events', { token: user.access_token }))
    expect(list.events).toHaveLength(1)
  })

  it('Should answer 409 when an Idempotency-Key is reused for another event', async () => {
    const headers = { 'Idempotency-Key': 'reuse-me' }
    expect((await post({ kind: 'water', payload: { amount_ml: 200 } }, bob.access_token, headers)).status).toBe(201)
    const res = await post({ kind: 'water', payload: { amount_ml: 900 } }, bob.access_token, headers)
    expect(res.status).toBe(409)
    expect((await body(res)).error.code).toBe('CONFLICT')
  })

  it.each([
    [{ kind: 'vitals', payload: { spo2: 104 } }, 'payload.spo2'],
    [{ kind: 'vitals', payload: { blood_pressure_systolic: 90, blood_pressure_diastolic: 95 } }, 'payload.blood_pressure_diastolic'],
    [{ kind: 'food', payload: { items: [] } }, 'payload.description'],
    [{ kind: 'water', payload: { amount_ml: 200 }, occurred_at: '2999-01-01T00:00:00Z' }, 'occurred_at'],
    [{ kind: 'teleportation', payload: {} }, 'kind'],
    [{ kind: 'water', payload: { amount_ml: 200 }, user_id: 'someone' }, ''],
  ])('Should refuse %j with a 400 naming the field, storing nothing', async (json, path) => {
    const user = await registerUser(t)
    const res = await post(json, user.access_token)
    expect(res.status).toBe(400)
    const b = await body(res)
    expect(b.status).toBe('error')
    expect(b.error.code).toBe('VALIDATION_ERROR')
    expect(b.error.details.issues.map((i: Json) => i.path)).toContain(path)
    expect((await body(await t.request('/api/v1/events', { token: user.access_token }))).events).toHaveLength(0)
  })

  it('Should not let the API forge alerts, summaries or chat', async () => {
    const res = await post({ kind: 'alert', payload: { tier: 'info', condition: 'x', title: 'x', message: 'x' } })
    expect(res.status).toBe(403)
  })

  it("Should not let a patient correct or remove Podd's own alerts (they are the caregivers' record too)", async () => {
    const { event } = await t.services.events.append(alice.id, {
      kind: 'alert',
      payload: { tier: 'urgent', condition: 'bp_crisis', title: 'BP 190/125', message: 'Re-measure' },
      source: 'system',
    })
    const patch = await t.request(`/api/v1/events/${event.id}`, { method: 'PATCH', json: { payload: { tier: 'info' } }, token: alice.access_token })
    const del = await t.request(`/api/v1/events/${event.id}`, { method: 'DELETE', token: alice.access_token })
    expect([patch.status, del.status]).toEqual([403, 403])
    expect((await body(del)).error.code).toBe('FORBIDDEN')
    expect((await t.request(`/api/v1/events/${event.id}`, { token: alice.access_token })).status).toBe(200)
  })

  it('Should not let a caregiver write health data', async () => {
    const carer = await registerUser(t, 'caregiver')
    expect((await post({ kind: 'water', payload: { amount_ml: 100 } }, carer.access_token)).status).toBe(403)
    const put = await t.request('/api/v1/profile', { method: 'PUT', json: { timezone: 'Asia/Kolkata' }, token: carer.access_token })
    expect(put.status).toBe(403)
  })

  it('Should list by kind and time and page by cursor', async () => {
    const user = await registerUser(t)
    const base = Date.parse('2026-11-01T00:00:00Z')
    for (let i = 0; i < 5; i++) {
      await post({ kind: 'water', payload: { amount_ml: 100 + i }, occurred_at: new Date(base + i * 60_000).toISOString() }, user.access_token)
    }
    await post({ kind: 'mood', payload: { mood: 'good' }, occurred_at: new Date(base).toISOString() }, user.access_token)
    const first = await body(await t.request('/api/v1/events?kind=water&limit=2', { token: user.access_token }))
    expect(first.events.map((e: Json) => e.payload.amount_ml)).toEqual([104, 103])
    const second = await body(await t.request(`/api/v1/events?kind=water&limit=2&cursor=${first.next_cursor}`, { token: user.access_token }))
    expect(second.events.map((e: Json) => e.payload.amount_ml)).toEqual([102, 101])
    const ranged = await body(
      await t.request(`/api/v1/events?kind=water,mood&from=${new Date(base).toISOString()}&to=${new Date(base + 120_000).toISOString()}`, {
        token: user.access_token,
      }),
    )
    expect(ranged.events).toHaveLength(3)
  })

  it.each([
    ['kind=unicorn', 'kind'],
    ['limit=501', 'limit'],
    ['from=yesterday', 'from'],
  ])('Should answer 400 for a bad query (%s)', async (q, path) => {
    const res = await t.request(`/api/v1/events?${q}`, { token: alice.access_token })
    expect(res.status).toBe(400)
    expect((await body(res)).error.details.issues.map((i: Json) => i.path)).toContain(path)
  })

  it('Should answer 400 for a forged cursor', async () => {
    const res = await t.request('/api/v1/events?cursor=not-ours', { token: alice.access_token })
    expect(res.status).toBe(400)
    expect((await body(res)).error.code).toBe('BAD_REQUEST')
  })

  it('Should correct, show history, and remove an event', async () => {
    const user = await registerUser(t)
    const { event } = await body(await post({ kind: 'vitals', payload: { blood_sugar: 310 } }, user.access_token))
    const patched = await t.request(`/api/v1/events/${event.id}`, { method: 'PATCH', json: { payload: { blood_sugar: 130 } }, token: user.access_token })
    expect(patched.status).toBe(200)
    const fixed = (await body(patched)).event
    expect(fixed).toMatchObject({ supersedes: event.id, context_id: event.context_id, payload: { blood_sugar: 130 } })
    expect((await t.request(`/api/v1/events/${event.id}`, { token: user.access_token })).status).toBe(404)
    const again = await t.request(`/api/v1/events/${event.id}`, { method: 'PATCH', json: { payload: { blood_sugar: 140 } }, token: user.access_token })
    expect(again.status).toBe(409)
    expect((await body(again)).error.message).toContain(fixed.id)
    const history = await body(await t.request(`/api/v1/events/${fixed.id}/history`, { token: user.access_token }))
    expect(history.versions.map((v: Json) => v.payload.blood_sugar)).toEqual([310, 130])
    expect((await t.request(`/api/v1/events/${fixed.id}`, { method: 'DELETE', token: user.access_token })).status).toBe(204)
    expect((await body(await t.request('/api/v1/events', { token: user.access_token }))).events).toHaveLength(0)
    expect((await t.request(`/api/v1/events/${fixed.id}`, { method: 'DELETE', token: user.access_token })).status).toBe(404)
  })

  it("Should keep every route away from another patient's events", async () => {
    const { event } = await body(await post({ kind: 'symptom', payload: { name: 'chest tightness' } }))
    const asBob = (path: string, init: RequestInit & { json?: unknown } = {}) => t.request(path, { ...init, token: bob.access_token })
    expect((await asBob(`/api/v1/events/${event.id}`)).status).toBe(404)
    expect((await asBob(`/api/v1/events/${event.id}/history`)).status).toBe(404)
    expect((await asBob(`/api/v1/events/${event.id}`, { method: 'PATCH', json: { payload: { name: 'x' } } })).status).toBe(404)
    expect((await asBob(`/api/v1/events/${event.id}`, { method: 'DELETE' })).status).toBe(404)
    const bobs = await body(await asBob('/api/v1/events?kind=symptom'))
    expect(bobs.events).toHaveLength(0)
    expect((await t.request(`/api/v1/events/${event.id}`, { token: alice.access_token })).status).toBe(200)
  })

  it('Should answer 401 on every route without a token', async () => {
    for (const [method, path] of [
      ['POST', '/api/v1/events'],
      ['GET', '/api/v1/events'],
      ['GET', '/api/v1/events/x'],
      ['PATCH', '/api/v1/events/x'],
      ['DELETE', '/api/v1/events/x'],
      ['GET', '/api/v1/insights'],
      ['GET', '/api/v1/profile'],
      ['PUT', '/api/v1/profile'],
      ['GET', '/api/v1/medications/today'],
    ]) {
      const res = await t.request(path!, { method: method!, json: method === 'GET' ? undefined : {} })
      expect(res.status, `${method} ${path}`).toBe(401)
    }
  })

  describe('profile, insights and today', () => {
    it('Should save the profile as versions of one entity', async () => {
      const user = await registerUser(t)
      expect(await body(await t.request('/api/v1/profile', { token: user.access_token }))).toEqual({ profile: null, updated_at: null })
      const put = (json: unknown) => t.request('/api/v1/profile', { method: 'PUT', json, token: user.access_token })
      expect((await put({ timezone: 'Asia/Kolkata', language: 'hi-IN', allergies: ['sulfa'] })).status).toBe(200)
      expect((await put({ timezone: 'Europe/London', language: 'en-IN' })).status).toBe(200)
      const got = await body(await t.request('/api/v1/profile', { token: user.access_token }))
      expect(got.profile).toMatchObject({ timezone: 'Europe/London', allergies: [] })
      const bad = await put({ timezone: 'Atlantis/Capital' })
      expect(bad.status).toBe(400)
      expect((await body(bad)).error.details.issues[0].path).toBe('timezone')
      const versions = await body(await t.request('/api/v1/events?kind=profile', { token: user.access_token }))
      expect(versions.events).toHaveLength(1)
      expect(versions.events[0].context_id).toBe(`profile:${user.id}`)
    })

    it("Should compute insights over the patient's local days", async () => {
      const user = await registerUser(t)
      await t.request('/api/v1/profile', { method: 'PUT', json: { timezone: 'Asia/Kolkata' }, token: user.access_token })
      // 23:30 IST on Nov 10 and 00:30 IST on Nov 11.
      await post({ kind: 'water', payload: { amount_ml: 300 }, occurred_at: '2026-11-10T18:00:00Z' }, user.access_token)
      await post({ kind: 'water', payload: { amount_ml: 400 }, occurred_at: '2026-11-10T19:00:00Z' }, user.access_token)
      const res = await t.request('/api/v1/insights?from=2026-11-10&to=2026-11-11', { token: user.access_token })
      expect(res.status).toBe(200)
      const insights = await body(res)
      expect(insights.days.map((d: Json) => [d.date, d.water_ml])).toEqual([
        ['2026-11-10', 300],
        ['2026-11-11', 400],
      ])
      expect((await t.request('/api/v1/insights?from=2026-11-12&to=2026-11-01', { token: user.access_token })).status).toBe(400)
      const defaults = await body(await t.request('/api/v1/insights', { token: user.access_token }))
      expect(defaults.days).toHaveLength(7)
    })

    it("Should list today's expected doses", async () => {
      const user = await registerUser(t)
      const med = (await body(await post({ kind: 'medication', payload: { name: 'Metformin', dosage: '500 mg' }, occurred_at: '2026-01-01T00:00:00Z' }, user.access_token))).event
      await post({ kind: 'med_schedule', payload: { medication_id: med.context_id, time_of_day: '00:00' }, occurred_at: '2026-01-01T00:00:00Z' }, user.access_token)
      await post({ kind: 'med_schedule', payload: { medication_id: med.context_id, time_of_day: '23:59' }, occurred_at: '2026-01-01T00:00:00Z' }, user.access_token)
      await post({ kind: 'med_dose', payload: { medication_id: med.context_id, medication_name: 'Metformin', status: 'skipped', reason: 'fasting' } }, user.access_token)
      const today = await body(await t.request('/api/v1/medications/today', { token: user.access_token }))
      expect(today.timezone).toBe('Asia/Kolkata')
      expect(today.doses).toHaveLength(2)
      expect(today.doses.map((d: Json) => d.time_of_day)).toEqual(['00:00', '23:59'])
      expect(today.doses.every((d: Json) => ['taken', 'missed', 'skipped', 'due'].includes(d.status))).toBe(true)
    })
  })
})
