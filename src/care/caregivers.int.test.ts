import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../../test/helpers.js'
import { CareLinks, type CareResource } from './care-links.js'
import { hashInvitationCode } from './invitation-code.js'
import { DEFAULT_SHARING } from './sharing.js'

type Json = Record<string, any>
type Account = Awaited<ReturnType<typeof registerUser>>

const HOUR = 3_600_000
const CODE_FORMAT = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/

function expectEnvelope(body: Json, code: string, res: Response) {
  expect(body.status).toBe('error')
  expect(body.error.code).toBe(code)
  expect(body.request_id).toBe(res.headers.get('x-request-id'))
}

describe('caregivers over HTTP', () => {
  let t: TestApp
  let clock = new Date('2025-03-01T09:00:00.000Z')
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms))

  beforeAll(async () => {
    t = await createTestApp()
    // Routes read s.care per request, so a service on a test clock can expire codes without sleeping.
    t.services.care = new CareLinks(t.services.authDb, () => clock)
    // Stands in for the patient-data routes: they call assertCanRead exactly like this.
    t.app.get('/__test/patients/:id/:resource', t.services.requireAuth, async (c) => {
      const resource = c.req.param('resource') as CareResource
      await t.services.care.assertCanRead(c.get('user'), c.req.param('id'), resource, c.get('requestId'))
      return c.json({ ok: true })
    })
  })
  afterAll(() => t.close())

  const patient = (name = 'Asha') => registerUser(t, 'patient', name)
  const caregiver = (name = 'Ravi') => registerUser(t, 'caregiver', name)
  const get = (path: string, who: Account, headers: Record<string, string> = {}) =>
    t.request(path, { token: who.access_token, headers })
  const del = (path: string, who: Account) => t.request(path, { method: 'DELETE', token: who.access_token })
  const requestInvitation = (who: Account) =>
    t.request('/api/v1/caregivers/invitations', { method: 'POST', token: who.access_token })
  const accept = (who: Account, code: string) =>
    t.request('/api/v1/caregivers/links', { method: 'POST', token: who.access_token, json: { code } })

  async function invite(who: Account): Promise<Json> {
    const res = await requestInvitation(who)
    expect(res.status).toBe(201)
    return (await res.json()) as Json
  }

  async function link(p: Account, c: Account): Promise<Json> {
    const res = await accept(c, (await invite(p)).code)
    expect(res.status).toBe(201)
    return ((await res.json()) as Json).link
  }

  async function expectUnusable(res: Response, reason: string) {
    expect(res.status).toBe(404)
    const body = (await res.json()) as Json
    expectEnvelope(body, 'NOT_FOUND', res)
    expect(body.error.details.reason).toBe(reason)
  }

  const readAs = (who: Account, patientId: string, resource: CareResource = 'events', requestId?: string) =>
    get(`/__test/patients/${patientId}/${resource}`, who, requestId ? { 'x-request-id': requestId } : {})

  describe('invitations', () => {
    it('Should issue a grouped code valid for 72 hours and keep only its SHA-256 hash', async () => {
      const p = await patient()
      const inv = await invite(p)
      expect(inv.code).toMatch(CODE_FORMAT)
      expect(inv.expires_at).toBe(new Date(clock.getTime() + 72 * HOUR).toISOString())
      const row = await t.services.authDb
        .selectFrom('caregiver_invitations')
        .selectAll()
        .where('id', '=', inv.id)
        .executeTakeFirstOrThrow()
      expect(row.code_hash).toBe(hashInvitationCode(inv.code))
      expect(JSON.stringify(row)).not.toContain(inv.code.replaceAll('-', ''))
    })

    it('Should link the caregiver who types the code, whatever its case and spacing', async () => {
      const p = await patient('Asha')
      const c = await caregiver('Ravi')
      const { code } = await invite(p)
      const res = await accept(c, code.toLowerCase().replaceAll('-', ' '))
      expect(res.status).toBe(201)
      const { link: created } = (await res.json()) as Json
      expect(created).toEqual({
        id: expect.any(String),
        patient: { id: p.id, name: 'Asha' },
        caregiver: { id: c.id, name: 'Ravi' },
        created_at: clock.toISOString(),
      })
    })

    it('Should spend a code on first use', async () => {
      const p = await patient()
      const { code } = await invite(p)
      expect((await accept(await caregiver(), code)).status).toBe(201)
      await expectUnusable(await accept(await caregiver(), code), 'used')
    })

    it('Should accept a code until 72 hours have passed and refuse it after', async () => {
      const p = await patient()
      const [first, second] = [await invite(p), await invite(p)]
      advance(72 * HOUR - 1)
      expect((await accept(await caregiver(), first.code)).status).toBe(201)
      advance(1)
      await expectUnusable(await accept(await caregiver(), second.code), 'expired')
    })

    it('Should answer 404 for an unknown code and 400 for one that cannot be a code', async () => {
      const c = await caregiver()
      await expectUnusable(await accept(c, 'K7QX-M2PD-9RTW'), 'unknown')
      const res = await accept(c, 'hello')
      expect(res.status).toBe(400)
      const body = (await res.json()) as Json
      expectEnvelope(body, 'VALIDATION_ERROR', res)
      expect(body.error.details.issues[0].path).toBe('code')
    })

    it('Should list open invitations and let the patient cancel one, which then cannot be used', async () => {
      const p = await patient()
      const [kept, cancelled] = [await invite(p), await invite(p)]
      expect((await del(`/api/v1/caregivers/invitations/${cancelled.id}`, p)).status).toBe(204)
      const res = await get('/api/v1/caregivers/invitations', p)
      expect(res.status).toBe(200)
      expect(((await res.json()) as Json).invitations).toEqual([
        { id: kept.id, created_at: clock.toISOString(), expires_at: kept.expires_at },
      ])
      await expectUnusable(await accept(await caregiver(), cancelled.code), 'cancelled')
      expect((await del(`/api/v1/caregivers/invitations/${cancelled.id}`, p)).status).toBe(404)
      expect((await del(`/api/v1/caregivers/invitations/${kept.id}`, await patient())).status).toBe(404)
    })

    it('Should keep invitations and acceptance to the right roles', async () => {
      const p = await patient()
      const c = await caregiver()
      const { code } = await invite(p)
      const patientAccepting = await accept(await patient(), code)
      expect(patientAccepting.status).toBe(403)
      expectEnvelope((await patientAccepting.json()) as Json, 'FORBIDDEN', patientAccepting)
      expect((await requestInvitation(c)).status).toBe(403)
      expect((await get('/api/v1/caregivers/invitations', c)).status).toBe(403)
      // The refused attempt did not spend the code.
      expect((await accept(c, code)).status).toBe(201)
    })

    it('Should answer 409 for a pair already linked and leave the new invitation open', async () => {
      const p = await patient()
      const c = await caregiver()
      await link(p, c)
      const again = await invite(p)
      const res = await accept(c, again.code)
      expect(res.status).toBe(409)
      expectEnvelope((await res.json()) as Json, 'CONFLICT', res)
      const open = ((await (await get('/api/v1/caregivers/invitations', p)).json()) as Json).invitations
      expect(open.map((i: Json) => i.id)).toEqual([again.id])
    })

    it('Should never link an account to itself', async () => {
      const p = await patient()
      const { code } = await invite(p)
      // Roles already keep a patient from accepting; the service refuses on its own too.
      await expect(t.services.care.acceptInvitation(p.id, code, '127.0.0.1')).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    })

    it('Should cap open invitations per patient', async () => {
      const p = await patient()
      for (let i = 0; i < 10; i++) await invite(p)
      expect((await requestInvitation(p)).status).toBe(409)
    })

    it('Should throttle a caregiver who keeps entering wrong codes, even when the next one is right', async () => {
      const p = await patient()
      const c = await caregiver()
      const { code } = await invite(p)
      for (let i = 0; i < 10; i++) await expectUnusable(await accept(c, `AAAA-BBBB-${'CDEFGHJKMN'[i]}XYZ`), 'unknown')
      const res = await accept(c, code)
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      advance(15 * 60_000)
      expect((await accept(c, code)).status).toBe(201)
    })
  })

  describe('links', () => {
    it('Should list each side of a link to the other, in link order', async () => {
      const p = await patient('Asha')
      const [ravi, meena] = [await caregiver('Ravi'), await caregiver('Meena')]
      const l1 = await link(p, ravi)
      const l2 = await link(p, meena)
      const other = await patient('Kiran')
      const l3 = await link(other, ravi)

      const mine = (await (await get('/api/v1/caregivers', p)).json()) as Json
      // A new link shares everything but chat transcripts.
      const sharing = [...DEFAULT_SHARING]
      expect(mine.caregivers).toEqual([
        { link_id: l1.id, id: ravi.id, name: 'Ravi', email: ravi.email, linked_at: l1.created_at, sharing },
        { link_id: l2.id, id: meena.id, name: 'Meena', email: meena.email, linked_at: l2.created_at, sharing },
      ])
      const theirs = (await (await get('/api/v1/caregivers/patients', ravi)).json()) as Json
      expect(theirs.patients).toEqual([
        { link_id: l1.id, id: p.id, name: 'Asha', linked_at: l1.created_at, sharing },
        { link_id: l3.id, id: other.id, name: 'Kiran', linked_at: l3.created_at, sharing },
      ])
      expect(await t.services.care.listLinkedCaregivers(p.id)).toEqual(mine.caregivers)
      expect((await get('/api/v1/caregivers', ravi)).status).toBe(403)
      expect((await get('/api/v1/caregivers/patients', p)).status).toBe(403)
    })

    it.each(['patient', 'caregiver'] as const)('Should let the %s end the link', async (side) => {
      const p = await patient()
      const c = await caregiver()
      const { id } = await link(p, c)
      expect((await del(`/api/v1/caregivers/links/${id}`, side === 'patient' ? p : c)).status).toBe(204)
      expect(((await (await get('/api/v1/caregivers', p)).json()) as Json).caregivers).toEqual([])
      expect(((await (await get('/api/v1/caregivers/patients', c)).json()) as Json).patients).toEqual([])
      expect((await del(`/api/v1/caregivers/links/${id}`, p)).status).toBe(404)
    })

    it('Should answer 404 to anyone else ending a link, and leave it in place', async () => {
      const p = await patient()
      const c = await caregiver()
      const { id } = await link(p, c)
      for (const stranger of [await patient(), await caregiver()]) {
        const res = await del(`/api/v1/caregivers/links/${id}`, stranger)
        expect(res.status).toBe(404)
        expectEnvelope((await res.json()) as Json, 'NOT_FOUND', res)
      }
      expect((await del('/api/v1/caregivers/links/no-such-link', p)).status).toBe(404)
      expect(((await (await get('/api/v1/caregivers', p)).json()) as Json).caregivers).toHaveLength(1)
    })

    it('Should let a pair link again after a revocation', async () => {
      const p = await patient()
      const c = await caregiver()
      await del(`/api/v1/caregivers/links/${(await link(p, c)).id}`, c)
      const again = await link(p, c)
      const { caregivers } = (await (await get('/api/v1/caregivers', p)).json()) as Json
      expect(caregivers.map((x: Json) => x.link_id)).toEqual([again.id])
    })
  })

  describe('who may read a patient', () => {
    it('Should let the patient and a linked caregiver read, and answer one 404 for everyone else', async () => {
      const p = await patient()
      const linked = await caregiver()
      const unlinked = await caregiver()
      const revoked = await caregiver()
      await link(p, linked)
      await del(`/api/v1/caregivers/links/${(await link(p, revoked)).id}`, p)

      expect((await readAs(p, p.id)).status).toBe(200)
      expect((await readAs(linked, p.id)).status).toBe(200)
      const refusals = [
        await readAs(unlinked, p.id),
        await readAs(revoked, p.id),
        await readAs(await patient(), p.id),
        await readAs(linked, '01900000-0000-7000-8000-000000000000'),
      ]
      const bodies = await Promise.all(
        refusals.map(async (r) => ({ status: r.status, body: (await r.json()) as Json })),
      )
      for (const { status, body } of bodies) {
        expect(status).toBe(404)
        expect(body.error).toEqual(bodies[0]!.body.error)
      }
    })

    it('Should refuse admins outright', async () => {
      const p = await patient()
      const admin = { id: 'admin-1', role: 'admin' } as const
      await expect(t.services.care.assertCanRead(admin, p.id, 'events')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    })

    it('Should let only the patient themself write health data', async () => {
      const p = await patient()
      const c = await caregiver()
      await link(p, c)
      const care = t.services.care
      expect(() => care.assertIsPatientSelf({ id: p.id, role: 'patient' }, p.id)).not.toThrow()
      expect(() => care.assertIsPatientSelf({ id: c.id, role: 'caregiver' }, p.id)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      )
      expect(() => care.assertIsPatientSelf({ id: 'someone-else', role: 'patient' }, p.id)).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND' }),
      )
    })
  })

  describe('access log', () => {
    it('Should record every caregiver read, not the patient’s own, and page it newest first', async () => {
      const p = await patient()
      const c = await caregiver('Ravi')
      await link(p, c)
      await readAs(p, p.id)
      const resources: CareResource[] = ['events', 'insights', 'alerts', 'summaries', 'events']
      const times: string[] = []
      for (const [i, resource] of resources.entries()) {
        advance(60_000)
        times.push(clock.toISOString())
        expect((await readAs(c, p.id, resource, `req-${i}`)).status).toBe(200)
      }
      // Two reads in the same instant keep their order by insertion.
      await readAs(c, p.id, 'alerts', 'req-5')

      const first = (await (await get('/api/v1/caregivers/access-log?limit=2', p)).json()) as Json
      const ravi = { id: c.id, name: 'Ravi' }
      expect(first.entries).toEqual([
        { id: expect.any(Number), caregiver: ravi, resource: 'alerts', accessed_at: times[4], request_id: 'req-5', outcome: 'read' },
        { id: expect.any(Number), caregiver: ravi, resource: 'events', accessed_at: times[4], request_id: 'req-4', outcome: 'read' },
      ])
      const seen = [...first.entries]
      let cursor = first.next_cursor
      while (cursor) {
        const page = (await (await get(`/api/v1/caregivers/access-log?limit=2&cursor=${cursor}`, p)).json()) as Json
        seen.push(...page.entries)
        cursor = page.next_cursor
      }
      expect(seen.map((e) => e.request_id)).toEqual(['req-5', 'req-4', 'req-3', 'req-2', 'req-1', 'req-0'])
      expect(seen.map((e) => e.resource)).toEqual(['alerts', 'events', 'summaries', 'alerts', 'insights', 'events'])

      const stranger = (await (await get('/api/v1/caregivers/access-log', await patient())).json()) as Json
      expect(stranger).toEqual({ entries: [], next_cursor: null })
      expect((await get('/api/v1/caregivers/access-log', c)).status).toBe(403)
    })

    it.each([['limit=0'], ['limit=101'], ['limit=ten'], ['cursor=not-a-cursor'], [`cursor=${btoa('{"at":1}')}`]])(
      'Should answer 400 for a bad page request (%s)',
      async (query) => {
        const p = await patient()
        const res = await get(`/api/v1/caregivers/access-log?${query}`, p)
        expect(res.status).toBe(400)
        const body = (await res.json()) as Json
        expectEnvelope(body, 'VALIDATION_ERROR', res)
        expect(['limit', 'cursor']).toContain(body.error.details.issues[0].path)
      },
    )
  })

  describe('every route', () => {
    const routes: [string, string][] = [
      ['POST', '/api/v1/caregivers/invitations'],
      ['GET', '/api/v1/caregivers/invitations'],
      ['DELETE', '/api/v1/caregivers/invitations/some-id'],
      ['POST', '/api/v1/caregivers/links'],
      ['DELETE', '/api/v1/caregivers/links/some-id'],
      ['GET', '/api/v1/caregivers/patients'],
      ['GET', '/api/v1/caregivers'],
      ['GET', '/api/v1/caregivers/access-log'],
    ]

    it.each(routes)('Should answer 401 to an anonymous %s %s', async (method, path) => {
      const res = await t.request(path, { method, json: method === 'POST' ? { code: 'K7QX-M2PD-9RTW' } : undefined })
      expect(res.status).toBe(401)
      expectEnvelope((await res.json()) as Json, 'UNAUTHORIZED', res)
    })

    it('Should describe every route in the OpenAPI document, behind the bearer token', async () => {
      const doc = (await (await t.request('/api/v1/openapi.json')).json()) as Json
      for (const [method, path] of routes) {
        const templated = path.replace('some-id', '{id}')
        const operation = doc.paths[templated]?.[method.toLowerCase()]
        expect(operation?.security, `${method} ${templated}`).toEqual([{ Bearer: [] }])
      }
    })
  })
})
