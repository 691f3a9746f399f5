import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { WebSocket } from 'ws'
import { zonedInstant } from '../../memory/local-time.js'
import type { Channel, DeliveryMessage, Recipient, SendOutcome } from '../../src/care/delivery/channel.js'
import { DeliveryError } from '../../src/care/delivery/channel.js'
import type { DeliveryChannel } from '../../src/care/care-tables.js'
import { afterAll, beforeAll } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../helpers.js'

/** Accounts, links, preferences and events for care tests, all through the public API. */

export type Account = Awaited<ReturnType<typeof registerUser>>
type Json = Record<string, any>

/** A clock tests move by hand; pass `clock.now` as the services' `now`. */
export class TestClock {
  constructor(private at: Date) {}
  now = () => this.at
  set(iso: string): Date {
    this.at = new Date(iso)
    return this.at
  }
  advance(ms: number): Date {
    this.at = new Date(this.at.getTime() + ms)
    return this.at
  }
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

/** An instant given as a date and a wall time in Asia/Kolkata, as ISO 8601 UTC. */
export const ist = (date: string, time: string) => zonedInstant(date, time, 'Asia/Kolkata').toISOString()

/** Moves the clock and works what is due, as the scheduler's tick would; its report. */
export async function timersAt(t: Pick<TestApp, 'services'>, clock: TestClock, iso: string) {
  clock.set(iso)
  const report = await t.services.caregiving.scheduler.runTimers()
  await t.services.caregiving.idle()
  return report
}

async function ok(res: Response, status = 200): Promise<Json> {
  const body = (await res.json()) as Json
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(body)}`)
  return body
}

/** Links a caregiver to a patient with an invitation code; returns the link id. */
export async function link(t: TestApp, patient: Account, caregiver: Account): Promise<string> {
  const inv = await ok(await t.request('/api/v1/caregivers/invitations', { method: 'POST', token: patient.access_token }), 201)
  const res = await t.request('/api/v1/caregivers/links', { method: 'POST', token: caregiver.access_token, json: { code: inv.code } })
  return (await ok(res, 201)).link.id
}

export async function setPreferences(t: TestApp, who: Account, patch: Json): Promise<void> {
  await ok(await t.request('/api/v1/auth/me/preferences', { method: 'PATCH', token: who.access_token, json: patch }))
}

export async function setProfile(t: TestApp, patient: Account, profile: Json): Promise<void> {
  await ok(await t.request('/api/v1/profile', { method: 'PUT', token: patient.access_token, json: profile }))
}

/** Records an event as the patient would through the API; returns it. */
export async function record(t: TestApp, patient: Account, kind: string, payload: Json, occurredAt?: string): Promise<Json> {
  const res = await t.request('/api/v1/events', {
    method: 'POST',
    token: patient.access_token,
    json: { kind, payload, ...(occurredAt ? { occurred_at: occurredAt } : {}) },
  })
  return (await ok(res, 201)).event
}

/** A patient in Asia/Kolkata with a caregiver linked to them (threshold and quiet hours as given). */
export async function patientWithCaregiver(
  t: TestApp,
  opts: { dob?: string; caregiverPrefs?: Json; patientName?: string; caregiverName?: string } = {},
): Promise<{ patient: Account; caregiver: Account }> {
  const patient = await registerUser(t, 'patient', opts.patientName ?? 'Asha')
  const caregiver = await registerUser(t, 'caregiver', opts.caregiverName ?? 'Ravi')
  await setProfile(t, patient, { timezone: 'Asia/Kolkata', ...(opts.dob ? { date_of_birth: opts.dob } : {}) })
  await link(t, patient, caregiver)
  if (opts.caregiverPrefs) await setPreferences(t, caregiver, opts.caregiverPrefs)
  return { patient, caregiver }
}

/** A channel that records what it was asked to send, and fails when told to. */
export class RecordingChannel implements Channel {
  readonly sent: { to: Recipient; message: DeliveryMessage; at: Date; deliveryId: string }[] = []
  private failures: DeliveryError[] = []

  constructor(readonly name: DeliveryChannel) {}

  failNext(count = 1, message = 'provider down', permanent = false): void {
    for (let i = 0; i < count; i++) this.failures.push(new DeliveryError(message, permanent))
  }

  async send(to: Recipient, message: DeliveryMessage, delivery: { id: string; now: Date }): Promise<SendOutcome> {
    const failure = this.failures.shift()
    if (failure) throw failure
    this.sent.push({ to, message, at: delivery.now, deliveryId: delivery.id })
    return 'sent'
  }

  /** What was sent to one caregiver. */
  to(caregiver: Account): DeliveryMessage[] {
    return this.sent.filter((s) => s.to.id === caregiver.id).map((s) => s.message)
  }
}

/**
 * One app for a file's care tests: its clock starts at 09:30 in Asia/Kolkata (outside the default
 * quiet hours, 22:00–07:00, so alerts go out at once) and e-mail is a recording channel. The app
 * is handed to `use` when it is ready and closed after the file's tests.
 */
export function careTestApp(use: (t: TestApp) => void): { clock: TestClock; email: RecordingChannel } {
  const clock = new TestClock(new Date('2025-03-10T04:00:00.000Z'))
  const email = new RecordingChannel('email')
  let app: TestApp | undefined
  beforeAll(async () => {
    app = await createTestApp({}, { now: clock.now, careChannels: { email } })
    use(app)
  })
  afterAll(() => app?.close())
  return { clock, email }
}

/** A WebSocket client that keeps every frame and hands them out by type, in order. */
export interface SocketClient {
  ws: WebSocket
  frames: Json[]
  /** The next frame of this type not yet taken (and matching `where`), waiting for it if needed. */
  next(type: string, where?: (frame: Json) => boolean): Promise<Json>
  close(): void
}

export function openSocket(url: string, token: string): Promise<SocketClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}${url.includes('?') ? '&' : '?'}access_token=${token}`)
    const frames: Json[] = []
    const taken = new Set<Json>()
    const waiting: { type: string; where: (f: Json) => boolean; resolve: (f: Json) => void }[] = []
    const matches = (f: Json, type: string, where: (f: Json) => boolean) => f.type === type && !taken.has(f) && where(f)
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Json
      frames.push(frame)
      const i = waiting.findIndex((w) => matches(frame, w.type, w.where))
      if (i >= 0) {
        taken.add(frame)
        waiting.splice(i, 1)[0]!.resolve(frame)
      }
    })
    const next = (type: string, where: (f: Json) => boolean = () => true) =>
      new Promise<Json>((r) => {
        const seen = frames.find((f) => matches(f, type, where))
        if (seen) {
          taken.add(seen)
          return r(seen)
        }
        waiting.push({ type, where, resolve: r })
      })
    ws.once('open', () => resolve({ ws, frames, next, close: () => ws.close() }))
    ws.once('error', reject)
  })
}

/** The test app on a real listening socket (WebSocket upgrades need one); `ws(path)` is its URL. */
export async function listen(t: TestApp): Promise<{ ws: (path: string) => string; close: () => Promise<void> }> {
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server
  await new Promise((r) => server.once('listening', r))
  t.services.attachServer(server)
  const port = (server.address() as AddressInfo).port
  return {
    ws: (path) => `ws://127.0.0.1:${port}${path}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    },
  }
}
