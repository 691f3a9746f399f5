/**
 * npm run bench:summaries — daily summaries and alert classification on PGlite (in memory).
 * Seeds BENCH_PATIENTS (default 1,000) patients × BENCH_DAYS (30) days of routine events through
 * the event store, then measures: summaries per second (facts section and the offline
 * narrative, written as summary events), the latency of one summary (p50/p95), and what the
 * alert classifier adds to an append. Prints figures; asserts nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openEventDb } from '../memory/event-db.js'
import type { EventKind } from '../memory/event-kinds.js'
import { EventStore, type HealthEvent } from '../memory/event-store.js'
import { addDays, zonedInstant } from '../memory/local-time.js'
import type { AuthDb } from '../src/auth/auth-db.js'
import { screenEvent } from '../src/care/alerts/alert-rules.js'
import { AlertService } from '../src/care/alerts/alert-service.js'
import { CareLinks } from '../src/care/care-links.js'
import { CareMetrics } from '../src/care/care-metrics.js'
import { careDb, type CareDb } from '../src/care/care-tables.js'
import { Dispatcher } from '../src/care/delivery/dispatcher.js'
import { InAppChannel } from '../src/care/delivery/in-app-channel.js'
import { AccountPreferences } from '../src/care/preferences.js'
import { SummaryService } from '../src/care/summaries/summary-service.js'
import { Metrics } from '../src/metrics.js'
import { newId } from '../core/ids.js'
import { createLogger } from '../src/logger.js'
import { benchKeys, fmt, summarise } from './bench-lib.js'

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000)
const DAYS = Number(process.env.BENCH_DAYS ?? 30)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)
const LATENCY_SAMPLES = Math.min(PATIENTS, 300)
const APPENDS = Number(process.env.BENCH_APPENDS ?? 3000)
const TZ = 'Asia/Kolkata'
const LAST_DAY = '2025-06-30'
/** The morning after the last seeded day: every seeded day is over. */
const NOW = zonedInstant(addDays(LAST_DAY, 1), '06:00', TZ)

/** A deterministic pseudo-random stream, so every run seeds the same data. */
function random(seed: number) {
  let s = seed >>> 0 || 1
  return () => ((s = (s * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32)
}

type Seed = { kind: EventKind; payload: Record<string, unknown>; at: string }

/** One patient's month: medicines and schedules, then per day vitals, meals, water, doses, sleep and mood. */
function patientMonth(i: number): Seed[] {
  const r = random(i + 1)
  const first = addDays(LAST_DAY, -(DAYS - 1))
  const at = (date: string, time: string) => zonedInstant(date, time, TZ).toISOString()
  const setup = addDays(first, -1)
  const metformin = `medication:${newId()}`
  const amlodipine = `medication:${newId()}`
  const out: Seed[] = [
    { kind: 'profile', payload: { timezone: TZ, date_of_birth: '1952-04-10' }, at: at(setup, '08:00') },
    { kind: 'medication', payload: { name: 'Metformin', dosage: '500 mg' }, at: at(setup, '08:01') },
    { kind: 'medication', payload: { name: 'Amlodipine', dosage: '5 mg' }, at: at(setup, '08:01') },
    { kind: 'med_schedule', payload: { medication_id: metformin, time_of_day: '08:00' }, at: at(setup, '08:02') },
    { kind: 'med_schedule', payload: { medication_id: metformin, time_of_day: '20:00' }, at: at(setup, '08:02') },
    { kind: 'med_schedule', payload: { medication_id: amlodipine, time_of_day: '08:00' }, at: at(setup, '08:02') },
  ]
  for (let d = 0; d < DAYS; d++) {
    const date = addDays(first, d)
    const add = (kind: EventKind, payload: Record<string, unknown>, time: string) =>
      out.push({ kind, payload, at: at(date, time) })
    const between = (low: number, span: number) => low + Math.floor(r() * span)
    const dose = (id: string, name: string, time: string) =>
      add('med_dose', { medication_id: id, medication_name: name, status: 'taken' }, time)
    dose(metformin, 'Metformin', '08:05')
    dose(amlodipine, 'Amlodipine', '08:06')
    if (r() < 0.9) dose(metformin, 'Metformin', '20:10')
    const bp = { blood_pressure_systolic: between(118, 30), blood_pressure_diastolic: between(72, 16) }
    add('vitals', { ...bp, heart_rate: between(62, 25) }, '08:30')
    if (r() < 0.8) add('vitals', { blood_sugar: between(95, 60), blood_sugar_context: 'fasting' }, '07:30')
    for (const [meal, time] of [['breakfast', '09:00'], ['lunch', '13:30'], ['dinner', '20:30']] as const) {
      add('food', { description: `${meal} thali`, meal_type: meal, calories: between(300, 400), estimated: true }, time)
    }
    add('water', { amount_ml: 250 * between(1, 3) }, '11:00')
    add('water', { amount_ml: 250 * between(1, 3) }, '16:00')
    add('sleep', { duration_hours: 5 + Math.round(r() * 30) / 10, quality: 'fair' }, '07:00')
    if (r() < 0.5) add('mood', { mood: r() < 0.7 ? 'good' : 'neutral' }, '18:00')
  }
  return out
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now()
  const value = await fn()
  return [value, performance.now() - t0]
}

/**
 * CPU milliseconds this process spent (PGlite runs in it, so its work counts): on a machine
 * shared with other work, wall time swings with the load and CPU time much less.
 */
async function cpuTimed<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const c0 = process.cpuUsage()
  const [value, wallMs] = await timed(fn)
  const c = process.cpuUsage(c0)
  return [value, wallMs, (c.user + c.system) / 1000]
}

/** Runs tasks with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!)
  }
  await Promise.all(Array.from({ length: limit }, worker))
}

const logger = createLogger({ level: (process.env.LOG_LEVEL as 'silent') ?? 'silent' })
const now = () => NOW
const perSecond = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1)

/** Accounts straight into SQLite (the bench is about the event store, not sign-up), then the months. */
async function seed(store: EventStore, authDb: AuthDb, patients: string[], caregiver: string): Promise<void> {
  const stamp = NOW.toISOString()
  const users = [caregiver, ...patients].map((id, i) => ({
    id,
    email: `${id}@bench.local`,
    name: i ? `Patient ${i}` : 'Caregiver',
    role: (i ? 'patient' : 'caregiver') as 'patient' | 'caregiver',
    password_hash: 'x',
    created_at: stamp,
    updated_at: stamp,
  }))
  for (let i = 0; i < users.length; i += 200) await authDb.insertInto('users').values(users.slice(i, i + 200)).execute()

  console.log(`Seeding ${PATIENTS} patients × ${DAYS} days on PGlite…`)
  let seeded = 0
  const [, ms] = await timed(() =>
    pool(
      patients.map((id, i) => [id, i] as const),
      4,
      async ([id, i]) => {
        const month = patientMonth(i)
        const append = (e: Seed) =>
          store.append(id, { kind: e.kind, payload: e.payload, occurred_at: e.at, source: 'api' })
        await Promise.all(month.map(append))
        seeded += month.length
      },
    ),
  )
  const rate = `${perSecond(seeded, ms)} appends/s`
  console.log(`  ${seeded.toLocaleString('en')} events in ${(ms / 1000).toFixed(1)} s (${rate})`)
}

async function benchSummaries(store: EventStore, patients: string[], caregiver: string): Promise<void> {
  const summaries = new SummaryService({ events: store, logger, now })
  // As the scheduler calls it: the job was just claimed, the patient's zone is known.
  const generate = (id: string, date: string) =>
    summaries.ensure(id, caregiver, date, { timezone: TZ, expectNew: true })
  console.log(`\nDaily summaries of ${LAST_DAY} (facts section + offline narrative, stored as summary events)`)
  const all = () => pool(patients, CONCURRENCY, async (id) => void (await generate(id, LAST_DAY)))
  const [, wallMs, cpuMs] = await cpuTimed(all)
  const n = patients.length
  const inFlight = `with ${CONCURRENCY} in flight`
  console.log(`  ${n} summaries in ${(wallMs / 1000).toFixed(2)} s ${inFlight}: ${perSecond(n, wallMs)} summaries/s`)
  const load = `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`
  console.log(`  CPU ${fmt(cpuMs / n)} per summary: ${perSecond(n, cpuMs)} summaries per CPU-second (${load})`)

  const latencies: number[] = []
  for (const id of patients.slice(0, LATENCY_SAMPLES)) {
    latencies.push((await timed(() => generate(id, addDays(LAST_DAY, -1))))[1])
  }
  const one = summarise(latencies)
  const spread = `p50 ${fmt(one.p50)}, p95 ${fmt(one.p95)}, p99 ${fmt(one.p99)}, max ${fmt(one.max)}`
  console.log(`  one summary at a time (${one.n}): ${spread}`)
}

/** A patient's day in miniature; one reading in five above 140, one append in twenty a BP crisis. */
const DAY_MIX: [EventKind, Record<string, unknown>][] = [
  ['vitals', { blood_pressure_systolic: 124, blood_pressure_diastolic: 80, heart_rate: 70 }],
  ['food', { description: 'poha', calories: 350 }],
  ['water', { amount_ml: 250 }],
  ['med_dose', { medication_name: 'Metformin', status: 'taken' }],
  ['mood', { mood: 'good' }],
  ['vitals', { blood_sugar: 118, blood_sugar_context: 'fasting' }],
  ['food', { description: 'dal chawal', calories: 520 }],
  ['water', { amount_ml: 500 }],
  ['vitals', { blood_pressure_systolic: 146, blood_pressure_diastolic: 92 }],
  ['sleep', { duration_hours: 7 }],
  ['food', { description: 'roti sabzi', calories: 450 }],
  ['med_dose', { medication_name: 'Amlodipine', status: 'taken' }],
  ['water', { amount_ml: 250 }],
  ['vitals', { heart_rate: 76 }],
  ['exercise', { activity: 'walk', duration_minutes: 30 }],
  ['water', { amount_ml: 250 }],
  ['vitals', { spo2: 97 }],
  ['food', { description: 'fruit', calories: 80 }],
  ['vitals', { blood_pressure_systolic: 184, blood_pressure_diastolic: 104 }],
  ['water', { amount_ml: 250 }],
]

/**
 * What the classifier adds to an append: the synchronous screen alone, and appends of the day
 * mix with and without the listener (the stage-2 and crisis readings alert once per patient per
 * six hours; every crisis reading still asks whether symptoms were logged).
 */
async function benchAlerts(db: CareDb, store: EventStore, authDb: AuthDb, patients: string[], caregiver: string) {
  console.log(`\nAlert classification`)
  // The seeded readings as if just taken (older ones are screened out at once).
  const recent = await store.list(patients[0]!, { kinds: ['vitals'], limit: 60 })
  const sample: HealthEvent[] = recent.events.map((e) => ({ ...e, occurred_at: NOW.toISOString() }))
  const runs = 200_000
  let flagged = 0
  const [, screenMs] = await timed(async () => {
    for (let i = 0; i < runs; i++) if (screenEvent(sample[i % sample.length]!, NOW)) flagged++
  })
  const perEvent = `${((screenMs * 1000) / runs).toFixed(2)} µs per event`
  console.log(`  synchronous screen in the append listener: ${perEvent} (${flagged} of ${runs} flagged)`)

  const alertPatients = patients.slice(0, 20)
  const link = (id: string) => ({
    id: newId(),
    patient_id: id,
    caregiver_id: caregiver,
    invitation_id: null,
    created_at: NOW.toISOString(),
    revoked_at: null,
    revoked_by: null,
  })
  await authDb.insertInto('caregiver_links').values(alertPatients.map(link)).execute()
  const care = new CareLinks(authDb, now)
  const preferences = new AccountPreferences(authDb, now)
  const metrics = new CareMetrics(new Metrics())
  const channels = { in_app: new InAppChannel() }
  const dispatcher = new Dispatcher({ db, events: store, care, preferences, channels, metrics, logger, now })
  const alerts = new AlertService({ events: store, db, care, dispatcher, metrics, logger, now })

  const appendAll = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const [kind, payload] = DAY_MIX[i % DAY_MIX.length]!
      // Each patient gets the whole mix in turn, so every one of them has its alerts.
      const patient = alertPatients[Math.floor(i / DAY_MIX.length) % alertPatients.length]!
      await store.append(patient, { kind, payload, source: 'api' })
    }
    await alerts.idle()
  }
  // Rounds with and without the classifier alternate, so a change in the machine's load falls
  // on both; the first round of each only warms up.
  const ROUNDS = 4
  const per = { without: { wall: 0, cpu: 0 }, with: { wall: 0, cpu: 0 } }
  const block = Math.max(DAY_MIX.length, Math.floor(APPENDS / ROUNDS / DAY_MIX.length) * DAY_MIX.length)
  for (let round = 0; round <= ROUNDS; round++) {
    for (const mode of ['without', 'with'] as const) {
      if (mode === 'with') alerts.attach()
      const [, wall, cpu] = await cpuTimed(() => appendAll(block))
      if (mode === 'with') await alerts.close()
      if (round === 0) continue
      per[mode].wall += wall / (block * ROUNDS)
      per[mode].cpu += cpu / (block * ROUNDS)
    }
  }
  const pages = await Promise.all(alertPatients.map((id) => store.list(id, { kinds: ['alert'], limit: 500 })))
  const raised = pages.reduce((a, p) => a + p.events.length, 0)
  const figures = (m: { wall: number; cpu: number }) => `${fmt(m.wall)} wall, ${fmt(m.cpu)} CPU`
  console.log(`  per append (${block * ROUNDS} each way, alert work included):`)
  console.log(`    without the classifier ${figures(per.without)}; with it ${figures(per.with)}`)
  const overhead = { wall: per.with.wall - per.without.wall, cpu: per.with.cpu - per.without.cpu }
  console.log(`  overhead per append: ${figures(overhead)} (${raised} alerts raised)`)
}

async function main() {
  const handle = await openEventDb({})
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-summaries-bench-'))
  const { keys, authDb } = await benchKeys(dataDir)
  const store = new EventStore(handle.db, keys, now)
  try {
    const patients = Array.from({ length: PATIENTS }, () => newId())
    const caregiver = newId()
    await seed(store, authDb, patients, caregiver)
    await benchSummaries(store, patients, caregiver)
    await benchAlerts(careDb(handle.db), store, authDb, patients, caregiver)
  } finally {
    await authDb.destroy()
    await handle.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
