import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../../test/helpers.js'

describe('GET /api/v1/memory/search', () => {
  let t: TestApp
  let asha: Awaited<ReturnType<typeof registerUser>>
  let ravi: Awaited<ReturnType<typeof registerUser>>
  let ashaSalt: string

  const append = async (token: string, body: unknown) => {
    const res = await t.request('/api/v1/events', { method: 'POST', token, json: body })
    expect(res.status).toBe(201)
    return ((await res.json()) as { event: { id: string } }).event.id
  }
  const search = async (token: string | undefined, query: string) => t.request(`/api/v1/memory/search?${query}`, { token })

  beforeAll(async () => {
    t = await createTestApp()
    asha = await registerUser(t, 'patient', 'Asha')
    ravi = await registerUser(t, 'patient', 'Ravi')
    ashaSalt = await append(asha.access_token, {
      kind: 'appointment',
      payload: { title: 'Cardiology review', doctor: 'Dr Rao', scheduled_for: '2026-11-12T10:00:00+05:30', notes: 'cut salt to 5 g a day' },
      occurred_at: '2026-11-12T04:35:00Z',
    })
    await append(asha.access_token, { kind: 'symptom', payload: { name: 'knee pain', notes: 'after the temple stairs' } })
    await append(ravi.access_token, { kind: 'food', payload: { description: 'salted peanuts and salt lassi' } })
    await t.services.recall.whenIdle()
  })
  afterAll(() => t?.close())

  it("Should return the caller's matching events with score and snippet", async () => {
    const res = await search(asha.access_token, `q=${encodeURIComponent('What did the doctor say about salt?')}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { results: { event: { id: string; user_id: string }; score: number; snippet: string }[] }
    expect(body.results[0]).toMatchObject({
      event: { id: ashaSalt, user_id: asha.id, kind: 'appointment' },
      snippet: 'Cardiology review with Dr Rao: cut salt to 5 g a day',
    })
    expect(body.results[0]!.score).toBeGreaterThan(0)
  })

  it("Should search only the caller's own history", async () => {
    const ashas = (await (await search(asha.access_token, 'q=salt&limit=50')).json()) as { results: { event: { user_id: string } }[] }
    const ravis = (await (await search(ravi.access_token, 'q=salt&limit=50')).json()) as { results: { event: { user_id: string } }[] }
    expect(ashas.results.map((r) => r.event.user_id)).toEqual([asha.id])
    expect(ravis.results.map((r) => r.event.user_id)).toEqual([ravi.id])
    const knee = (await (await search(ravi.access_token, 'q=knee%20pain%20stairs')).json()) as { results: unknown[] }
    expect(knee.results).toEqual([])
  })

  it('Should filter by kind and time, and drop an event once it is removed', async () => {
    const kinds = (await (await search(asha.access_token, 'q=salt%20knee&kind=symptom')).json()) as { results: { event: { kind: string } }[] }
    expect(kinds.results.map((r) => r.event.kind)).toEqual(['symptom'])
    const before = (await (await search(asha.access_token, 'q=salt&to=2026-11-12T04:35:00Z')).json()) as { results: unknown[] }
    expect(before.results).toEqual([])
    expect((await t.request(`/api/v1/events/${ashaSalt}`, { method: 'DELETE', token: asha.access_token })).status).toBe(204)
    await t.services.recall.whenIdle()
    const after = (await (await search(asha.access_token, 'q=salt')).json()) as { results: unknown[] }
    expect(after.results).toEqual([])
  })

  it('Should require a token', async () => {
    const res = await search(undefined, 'q=salt')
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ status: 'error', error: { code: 'UNAUTHORIZED' } })
  })

  it.each([
    ['', 'q'],
    ['q=', 'q'],
    [`q=${'a'.repeat(501)}`, 'q'],
    ['q=salt&kind=gossip', 'kind'],
    ['q=salt&from=yesterday', 'from'],
    ['q=salt&limit=0', 'limit'],
    ['q=salt&limit=51', 'limit'],
  ])('Should refuse ?%s with a validation error naming %s', async (query, path) => {
    const res = await search(asha.access_token, query)
    expect(res.status).toBe(400)
    const body = (await res.json()) as { status: string; error: { code: string; details: { issues: { path: string }[] } } }
    expect(body).toMatchObject({ status: 'error', error: { code: 'VALIDATION_ERROR' } })
    expect(body.error.details.issues.map((i) => i.path)).toContain(path)
  })

  it('Should be described in the OpenAPI document', async () => {
    const doc = (await (await t.request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> }
    expect(doc.paths['/api/v1/memory/search']).toBeDefined()
  })
})
