/**
 * npm run bench:summaries — daily summaries and alert classification on PGlite (in memory).
 * Seeds BENCH_PATIENTS (default 1,000) patients × BENCH_DAYS (30) days of routine events through
 * the event store, then measures: summaries (facts section and the offline narrative, written as
 * summary events) in BENCH_ROUNDS rounds of every patient's summary of one day, as medians of
 * CPU time per summary and summaries per wall second; the latency of one summary (p50/p95); and
 * what the alert classifier adds to an append. `--compare` seeds as many patients again under
 * the bench-only clear key (clear-keys.ts, their rows then turned into pre-encryption jsonb rows)
 * and runs the summary rounds with encryption on and off alternately: the cost of encryption.
 * Prints figures; asserts nothing.
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
import {
  BENCH_ROUNDS,
  alternate,
  benchKeys,
  cpuTimed,
  encryptionModes,
  fmt,
  loadAverage,
  reportRounds,
  summarise,
  type EncryptionMode,
} from './bench-lib.js'
import { ClearPatientKeys, asUnencryptedRows } from './clear-keys.js'

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
async function seed(sides: Side[], authDb: AuthDb, caregiver: string): Promise<void> {
  const stamp = NOW.toISOString()
  const users = [caregiver, ...sides.flatMap((s) => s.patients)].map((id, i) => ({
    id,
    email: `${id}@bench.local`,
    name: i ? `Patient ${i}` : 'Caregiver',
    role: (i ? 'patient' : 'caregiver') as 'patient' | 'caregiver',
    password_hash: 'x',
    created_at: stamp,
    updated_at: stamp,
  }))
  for (let i = 0; i < users.length; i += 200) await authDb.insertInto('users').values(users.slice(i, i + 200)).execute()

  console.log(`Seeding ${PATIENTS} patients × ${DAYS} days${sides.length > 1 ? ' per mode' : ''} on PGlite…`)
  let seeded = 0
  // The modes' patients interleaved, so both sides' rows are spread alike through the table.
  const work = sides[0]!.patients.flatMap((_, i) => sides.map((side) => [side, i] as const))
  const { wallMs } = await cpuTimed(() =>
    pool(work, 4, async ([side, i]) => {
      const month = patientMonth(i)
      const append = (e: Seed) =>
        side.store.append(side.patients[i]!, { kind: e.kind, payload: e.payload, occurred_at: e.at, source: 'api' })
      await Promise.all(month.map(append))
      seeded += month.length
    }),
  )
  const rate = `${perSecond(seeded, wallMs)} appends/s`
  console.log(`  ${seeded.toLocaleString('en')} events in ${(wallMs / 1000).toFixed(1)} s (${rate})`)
}

/**
 * Summaries of every patient, a day per round (the same day for both modes), the modes
 * alternating; then one at a time for the latency, encryption on.
 */
async function benchSummaries(sides: Record<EncryptionMode, Side>, modes: EncryptionMode[], caregiver: string): Promise<void> {
  const generate = (side: Side, id: string, date: string) =>
    // As the scheduler calls it: the job was just claimed, the patient's zone is known.
    side.summaries.ensure(id, caregiver, date, { timezone: TZ, expectNew: true })
  console.log(`\nDaily summaries (facts section + offline narrative, stored as summary events), ${CONCURRENCY} in flight`)
  console.log(`  encryption ${modes.join(' and ')}, ${BENCH_ROUNDS} rounds of ${PATIENTS} summaries (a day each, after a warm-up), median [min–max]`)
  const rounds = await alternate(modes, async (mode, r) => {
    const side = sides[mode]
    await pool(side.patients, CONCURRENCY, async (id) => void (await generate(side, id, addDays(LAST_DAY, -r))))
    return side.patients.length
  })
  console.log(reportRounds('summaries', rounds, 'summary', 'summaries'))
  console.log(`  ${loadAverage()}`)

  const side = sides[modes[0]!]
  const latencies: number[] = []
  for (const id of side.patients.slice(0, LATENCY_SAMPLES)) {
    latencies.push((await timed(() => generate(side, id, addDays(LAST_DAY, -(BENCH_ROUNDS + 1)))))[1])
  }
  const one = summarise(latencies)
  const spread = `p50 ${fmt(one.p50)}, p95 ${fmt(one.p95)}, p99 ${fmt(one.p99)}, max ${fmt(one.max)}`
  console.log(`  one summary at a time (${one.n}, encryption ${modes[0]}): ${spread}`)
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
      const { wallMs: wall, cpuMs: cpu } = await cpuTimed(() => appendAll(block))
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

interface Side {
  store: EventStore
  summaries: SummaryService
  patients: string[]
}

async function main() {
  const handle = await openEventDb({})
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-summaries-bench-'))
  const { keys, authDb } = await benchKeys(dataDir)
  const modes = encryptionModes()
  const sides = {} as Record<EncryptionMode, Side>
  for (const mode of modes) {
    const store = new EventStore(handle.db, mode === 'on' ? keys : new ClearPatientKeys(), now)
    sides[mode] = { store, summaries: new SummaryService({ events: store, logger, now }), patients: Array.from({ length: PATIENTS }, () => newId()) }
  }
  try {
    const caregiver = newId()
    await seed(modes.map((m) => sides[m]), authDb, caregiver)
    // The yardstick reads rows as the store kept them before encryption (jsonb, nothing sealed).
    if (sides.off) await asUnencryptedRows(handle.db, sides.off.patients)
    await benchSummaries(sides, modes, caregiver)
    const first = sides[modes[0]!]
    await benchAlerts(careDb(handle.db), first.store, authDb, first.patients, caregiver)
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
