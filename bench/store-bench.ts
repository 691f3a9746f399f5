/**
 * npm run bench:store — the health event store on PGlite (on disk, as `npm start` runs it) and on
 * PostgreSQL (when DATABASE_URL or TEST_DATABASE_URL is set): seed 1,000 patients × 100 events,
 * then appends/s (sequential and 20 concurrent), a patient's last 30 days (list) and 30-day
 * insights, p50/p95, and the RSS of a server process over the seeded PGlite. Each phase also
 * prints its CPU time per operation, which a shared machine's load distorts far less than wall
 * time (PGlite runs in this process, so the database's work counts). Prints; asserts nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openEventDb, type EventDbHandle } from '../memory/event-db.js'
import type { EventKind } from '../memory/event-kinds.js'
import { EventStore, type AppendInput } from '../memory/event-store.js'
import { insightsFor } from '../memory/insights.js'
import { addDays, localDate } from '../memory/local-time.js'
import type { PatientKeys } from '../memory/encryption/patient-keys.js'
import { benchKeys, fmt, registerBenchUser, rssOf, startServerProcess, summarise } from './bench-lib.js'

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000)
const EVENTS_PER_PATIENT = Number(process.env.BENCH_EVENTS ?? 100)
const TZ = 'Asia/Kolkata'
const DAY = 86_400_000

/** A plausible event of a patient's last 90 days. */
function randomEvent(i: number, now: number): AppendInput {
  const occurred_at = new Date(now - Math.floor(Math.random() * 90 * DAY))
  const pick: [EventKind, unknown][] = [
    ['vitals', { blood_pressure_systolic: 110 + (i % 60), blood_pressure_diastolic: 70 + (i % 30), heart_rate: 60 + (i % 40) }],
    ['vitals', { blood_sugar: 80 + (i % 200), blood_sugar_context: 'fasting' }],
    ['food', { description: '2 roti and dal', items: [{ name: 'roti', quantity: 2 }, { name: 'dal' }], calories: 380, meal_type: 'lunch' }],
    ['water', { amount_ml: 250 }],
    ['med_dose', { medication_name: 'Metformin', status: i % 7 === 0 ? 'missed' : 'taken' }],
    ['mood', { mood: 'good', notes: 'walked in the park' }],
    ['symptom', { name: 'knee pain', severity: 'mild' }],
  ]
  const [kind, payload] = pick[i % pick.length]!
  return { kind, payload, occurred_at, source: 'api' }
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

/** CPU milliseconds (user + system) this process spends in fn: PGlite runs in it, so the database's work counts. */
async function cpuOf(fn: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage()
  await fn()
  const d = process.cpuUsage(before)
  return (d.user + d.system) / 1000
}

async function runOn(name: string, handle: EventDbHandle, keys: PatientKeys) {
  const store = new EventStore(handle.db, keys)
  const now = Date.now()
  const patients = Array.from({ length: PATIENTS }, (_, i) => `bench-patient-${i}`)

  // Seed with 20 writers, as a busy server would: the store batches concurrent appends.
  const seedStart = performance.now()
  let next = 0
  const total = PATIENTS * EVENTS_PER_PATIENT
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let k = next++; k < total; k = next++) await store.append(patients[k % PATIENTS]!, randomEvent(k, now))
    }),
  )
  const seedS = (performance.now() - seedStart) / 1000

  const SEQ = 2000
  let seqMs = 0
  const seqCpu = await cpuOf(async () => {
    seqMs = await timed(async () => {
      for (let i = 0; i < SEQ; i++) await store.append('bench-seq', randomEvent(i, now))
    })
  })
  const CONC = 4000
  let c = 0
  let concMs = 0
  const concCpu = await cpuOf(async () => {
    concMs = await timed(() =>
      Promise.all(Array.from({ length: 20 }, async () => {
        for (; c < CONC; c++) await store.append(`bench-conc-${c % 20}`, randomEvent(c, now))
      })),
    )
  })

  const from = new Date(now - 30 * DAY)
  const listTimes: number[] = []
  const insightTimes: number[] = []
  const today = localDate(new Date(now), TZ)
  let listCpu = 0
  let insightCpu = 0
  for (let i = 0; i < 300; i++) {
    const p = patients[Math.floor(Math.random() * PATIENTS)]!
    const lc = await cpuOf(async () => listTimes.push(await timed(() => store.list(p, { from, limit: 500 }))))
    const ic = await cpuOf(async () => insightTimes.push(await timed(() => insightsFor(store, p, { from: addDays(today, -29), to: today, timezone: TZ }))))
    if (i >= 20) (listCpu += lc), (insightCpu += ic)
  }
  const list = summarise(listTimes.slice(20))
  const insights = summarise(insightTimes.slice(20))

  console.log(`\n${name}: ${PATIENTS} patients × ${EVENTS_PER_PATIENT} events (${total.toLocaleString()}) seeded in ${seedS.toFixed(1)} s (${Math.round(total / seedS)} appends/s with 20 writers)`)
  console.log(`  appends/s  sequential ${Math.round(SEQ / (seqMs / 1000))}   20 concurrent ${Math.round(CONC / (concMs / 1000))}`)
  console.log(`  appends per CPU-second  sequential ${Math.round(SEQ / (seqCpu / 1000))}   20 concurrent ${Math.round(CONC / (concCpu / 1000))}   (load average ${os.loadavg()[0]!.toFixed(1)})`)
  console.log(`  CPU per read  list ${fmt(listCpu / 280)}   insights ${fmt(insightCpu / 280)}`)
  console.log(`  list last 30 days      p50 ${fmt(list.p50)}  p95 ${fmt(list.p95)}`)
  console.log(`  insights over 30 days  p50 ${fmt(insights.p50)}  p95 ${fmt(insights.p95)}`)
  console.log(`  bench process RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`)
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-store-bench-'))
  const pglite = await openEventDb({ pgliteDir: path.join(dataDir, 'events') })
  const { keys, authDb } = await benchKeys(dataDir)
  await runOn('PGlite (on disk)', pglite, keys)
  await pglite.close()

  // The same data under a server process: its RSS is what a deployment pays.
  const server = await startServerProcess({ DATA_DIR: dataDir })
  try {
    const user = await registerBenchUser(server.url, 'store')
    for (let i = 0; i < 50; i++) {
      await fetch(`${server.url}/api/v1/events?limit=100`, { headers: { authorization: `Bearer ${user.access_token}` } })
    }
    console.log(`  server RSS over the seeded PGlite: ${(await rssOf(server.url)).toFixed(0)} MB`)
  } finally {
    await server.stop()
  }

  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL
  if (!url) {
    await authDb.destroy()
    return console.log('\nPostgreSQL: set DATABASE_URL or TEST_DATABASE_URL to measure it too')
  }
  const schema = `podd_bench_${randomBytes(4).toString('hex')}`
  const postgres = await openEventDb({ databaseUrl: url, schema })
  try {
    await runOn('PostgreSQL', postgres, keys)
  } finally {
    await authDb.destroy()
    await postgres.close()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`drop schema ${schema} cascade`)
    await client.end()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
