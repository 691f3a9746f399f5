/**
 * npm run bench:reminders — dose reminders for BENCH_PATIENTS (10,000) patients × 3 scheduled doses,
 * on PGlite on disk as `npm start` runs it. Prints figures; asserts nothing.
 *
 * 1. Seeds the patients (accounts straight into SQLite, medicines and schedules through the event
 *    store) and plans their reminders with the planner's sweep of the event log.
 * 2. Throughput: the care scheduler's timer rounds with a fake clock, minute by minute through the
 *    half hour in which all 30,000 doses fall (about 1,000 a minute): reminders claimed and
 *    dispatched (notification event, claim row, in-app frame, repeat and miss timers) per second;
 *    then the repeats and misses those reminders leave behind.
 * 3. Idle: a timer tick when nothing is due (the 1 s tick), and a full round, over those tables.
 * 4. Lag: the compiled service on that data dir, its scheduler ticking every second in real time;
 *    BENCH_LAG_PATIENTS patients connected on /api/v1/ws get a dose scheduled in each of the next
 *    three minutes; from each scheduled minute to its `notification` frame.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WebSocket } from 'ws'
import { localTime, zonedInstant } from '../memory/local-time.js'
import { TokenService } from '../src/auth/tokens.js'
import { careDb } from '../src/care/care-tables.js'
import { loadConfig } from '../src/config.js'
import { newId } from '../core/ids.js'
import { createLogger } from '../src/logger.js'
import { createServices, type Services } from '../src/services.js'
import { BENCH_DATA_ENCRYPTION_KEY, fmt, postJson, startServerProcess, summarise } from './bench-lib.js'

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 10_000)
const LAG_PATIENTS = Number(process.env.BENCH_LAG_PATIENTS ?? 300)
const TZ = 'Asia/Kolkata'
/** A day far from the real clock, so the seeded doses never fall due during the real-time phase. */
const DAY = '2030-03-04'
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-1234'
const ist = (date: string, time: string) => zonedInstant(date, time, TZ)

let fakeNow = ist(DAY, '06:00')
const now = () => fakeNow

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await fn(items[next++]!)
  }))
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en')
const load = () => `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`

/** Patient i's three doses fall in 08:30–08:59, spread over the half hour. */
const doseTimes = (i: number) => [0, 1, 2].map((k) => `08:${String(30 + ((i * 3 + k) % 30)).padStart(2, '0')}`)

interface Seeded {
  patients: string[]
  /** Each patient's first medicine, for the lag phase. */
  firstMedicine: Map<string, string>
}

async function seed(s: Services): Promise<Seeded> {
  const patients = Array.from({ length: PATIENTS }, () => newId())
  const stamp = fakeNow.toISOString()
  const users = patients.map((id, i) => ({
    id,
    email: `${id}@bench.local`,
    name: `Patient ${i}`,
    role: 'patient' as const,
    password_hash: 'x',
    created_at: stamp,
    updated_at: stamp,
  }))
  for (let i = 0; i < users.length; i += 500) await s.authDb.insertInto('users').values(users.slice(i, i + 500)).execute()
  // Planned by the sweep afterwards, as after a restart, rather than once per append.
  await s.caregiving.planner.close()
  const firstMedicine = new Map<string, string>()
  const t0 = performance.now()
  await pool(patients.map((id, i) => [id, i] as const), 16, async ([id, i]) => {
    const append = (kind: 'profile' | 'medication' | 'med_schedule', payload: Record<string, unknown>) =>
      s.events.append(id, { kind, payload, source: 'api' }).then((r) => r.event)
    await append('profile', { timezone: TZ })
    const names = ['Metformin', 'Amlodipine', 'Atorvastatin']
    const meds = await Promise.all(names.map((name) => append('medication', { name, dosage: '10 mg' })))
    firstMedicine.set(id, meds[0]!.context_id)
    const times = doseTimes(i)
    await Promise.all(meds.map((m, k) => append('med_schedule', { medication_id: m.context_id, time_of_day: times[k] })))
  })
  const events = PATIENTS * 7
  console.log(`  ${events.toLocaleString('en')} events in ${seconds(performance.now() - t0)}`)
  const t1 = performance.now()
  let planned = 0
  for (let i = 0; i < 10; i++) planned += await s.caregiving.planner.sweep()
  const timers = await careDb(s.eventDb.db).selectFrom('care_timers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  console.log(`  planned ${planned.toLocaleString('en')} patients (${Number(timers.n).toLocaleString('en')} dose timers) in ${seconds(performance.now() - t1)}`)
  return { patients, firstMedicine }
}

/** Timer rounds minute by minute from `from` to `to` (HH:MM on DAY); what they did and how long each took. */
async function minuteByMinute(s: Services, from: string, to: string) {
  const rounds: number[] = []
  const totals = { timers: 0, reminders: 0, missed: 0 }
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  for (let m = toMinutes(from); m <= toMinutes(to); m++) {
    fakeNow = ist(DAY, fromMinutes(m))
    const r0 = performance.now()
    const report = await s.caregiving.scheduler.runTimers(fakeNow)
    rounds.push(performance.now() - r0)
    totals.timers += report.timers
    totals.reminders += report.reminders
    totals.missed += report.missed_doses
  }
  const wall = performance.now() - t0
  const c = process.cpuUsage(c0)
  return { ...totals, wall, cpu: (c.user + c.system) / 1000, rounds: summarise(rounds) }
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))
const fromMinutes = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

async function throughput(s: Services): Promise<void> {
  console.log(`\nThroughput: reminders claimed and dispatched, a timer round per minute from 08:30 to 08:59 (${load()})`)
  const sent = await minuteByMinute(s, '08:30', '08:59')
  console.log(
    `  ${sent.reminders.toLocaleString('en')} reminders in ${seconds(sent.wall)}: ${perSecond(sent.reminders, sent.wall)} reminders/s ` +
      `(CPU ${perSecond(sent.reminders, sent.cpu)} per CPU-second); a minute's round (~${Math.round(sent.reminders / 30)} reminders) ` +
      `p50 ${fmt(sent.rounds.p50)}, p95 ${fmt(sent.rounds.p95)}, max ${fmt(sent.rounds.max)}`,
  )
  const rows = await careDb(s.eventDb.db).selectFrom('care_reminders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  console.log(`  exactly once: ${Number(rows.n).toLocaleString('en')} claim rows for ${(PATIENTS * 3).toLocaleString('en')} slots`)
  const after = await minuteByMinute(s, '09:00', '10:00')
  console.log(
    `  then the repeats (30 min) and misses (60 min) they left: ${after.timers.toLocaleString('en')} timers, ` +
      `${after.reminders.toLocaleString('en')} repeats and ${after.missed.toLocaleString('en')} misses in ${seconds(after.wall)}: ` +
      `${perSecond(after.timers, after.wall)} timers/s (CPU ${perSecond(after.timers, after.cpu)} per CPU-second)`,
  )
}

async function idle(s: Services): Promise<void> {
  fakeNow = ist(DAY, '12:00')
  const ticks: number[] = []
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now()
    await s.caregiving.scheduler.runTimers(fakeNow)
    ticks.push(performance.now() - t0)
  }
  const t = summarise(ticks.slice(20))
  const timers = await careDb(s.eventDb.db).selectFrom('care_timers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  console.log(`\nIdle: a timer tick with nothing due (${Number(timers.n).toLocaleString('en')} timers planned): mean ${fmt(t.mean)}, p50 ${fmt(t.p50)}, p95 ${fmt(t.p95)}`)
  const rounds: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    await s.caregiving.scheduler.tick(fakeNow)
    rounds.push(performance.now() - t0)
  }
  console.log(`  a full round (summaries, check-ins, sweep, retries; every ${s.config.SCHEDULER_INTERVAL_SECONDS} s): p50 ${fmt(summarise(rounds).p50)}`)
}

/** The compiled service on the seeded data dir, in real time: scheduled minute → frame. */
async function lag(dataDir: string, seeded: Seeded): Promise<void> {
  const server = await startServerProcess({ DATA_DIR: dataDir, SCHEDULER_TICK_MS: '1000', LOG_LEVEL: 'warn', JWT_SECRET })
  const sockets: WebSocket[] = []
  try {
    const config = loadConfig({ JWT_SECRET, DATA_DIR: dataDir, DATA_ENCRYPTION_KEY: BENCH_DATA_ENCRYPTION_KEY })
    const tokens = new TokenService(new TextEncoder().encode(JWT_SECRET), config.JWT_ISSUER, config.JWT_AUDIENCE, 3600)
    const chosen = seeded.patients.slice(0, LAG_PATIENTS)
    const lags: number[] = []
    const expected = new Map<string, number>()
    const wsUrl = server.url.replace('http', 'ws') + '/api/v1/ws'
    await pool(chosen, 20, async (id) => {
      const token = await tokens.issueAccessToken({ id, role: 'patient' })
      const ws = new WebSocket(`${wsUrl}?access_token=${token}`)
      ws.on('message', (data) => {
        const at = Date.now()
        const frame = JSON.parse(String(data)) as { type: string; notification?: { slot: string } }
        if (frame.type !== 'notification' || !frame.notification) return
        const key = `${id}|${frame.notification.slot}`
        if (expected.delete(key)) lags.push(at - Date.parse(frame.notification.slot))
      })
      await new Promise((r, j) => ws.once('open', r).once('error', j))
      sockets.push(ws)
      // A dose in each of the next three minutes (local time), set through the API as the app would.
      const base = Math.ceil((Date.now() + 45_000) / 60_000) * 60_000
      for (let k = 0; k < 3; k++) {
        const at = new Date(base + k * 60_000)
        await postJson(
          `${server.url}/api/v1/events`,
          { kind: 'med_schedule', payload: { medication_id: seeded.firstMedicine.get(id), time_of_day: localTime(at, TZ) } },
          token,
        )
        expected.set(`${id}|${at.toISOString()}`, at.getTime())
      }
    })
    const total = expected.size
    console.log(`\nLag: ${chosen.length} patients on /api/v1/ws, ${total} doses in the next 3 minutes, the service ticking every 1 s (${load()})`)
    const deadline = Math.max(...expected.values()) + 60_000
    while (expected.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250))
    const l = summarise(lags)
    console.log(
      `  scheduled minute → in-app frame: p50 ${fmt(l.p50)}, p95 ${fmt(l.p95)}, max ${fmt(l.max)} ` +
        `(${lags.length} of ${total} frames${expected.size ? `, ${expected.size} never came` : ''})`,
    )
  } finally {
    for (const ws of sockets) ws.close()
    await server.stop()
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-bench-reminders-'))
  try {
    // The key the compiled service of the lag phase is started with: it reads what this wrote.
    const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET, LOG_LEVEL: 'silent', NODE_ENV: 'production', DATA_ENCRYPTION_KEY: BENCH_DATA_ENCRYPTION_KEY })
    const logger = createLogger({ level: 'silent' })
    console.log(`Seeding ${PATIENTS.toLocaleString('en')} patients × 3 scheduled doses on PGlite on disk…`)
    const s = await createServices(config, { logger, now, startScheduler: false })
    let seeded: Seeded
    try {
      seeded = await seed(s)
      await throughput(s)
      await idle(s)
    } finally {
      await s.close()
    }
    if (LAG_PATIENTS > 0) await lag(dataDir, seeded)
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

