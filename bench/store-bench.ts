/**
 * npm run bench:store — the health event store on PGlite (on disk, as `npm start` runs it) and on
 * PostgreSQL (when DATABASE_URL or TEST_DATABASE_URL is set): seed 1,000 patients × 100 events,
 * then appends (sequential and 20 concurrent), a patient's last 30 days (list) and 30-day
 * insights, and the RSS of a server process over the seeded PGlite. Each phase runs in
 * BENCH_ROUNDS rounds and prints medians of its CPU time per operation (PGlite runs in this
 * process, so the database's work counts; a shared machine's load distorts it far less than wall
 * time) and of operations per wall second. `--compare` seeds as many patients again under the
 * bench-only clear key (clear-keys.ts, their rows then turned into pre-encryption jsonb rows) and
 * runs every phase's rounds with encryption on and off alternately: the cost of encryption.
 * Prints; asserts nothing.
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
import type { AuthDb } from '../src/auth/auth-db.js'
import {
  BENCH_ROUNDS,
  alternate,
  benchKeys,
  cpuTimed,
  encryptionModes,
  fmt,
  loadAverage,
  registerBenchUser,
  reportRounds,
  rssOf,
  startServerProcess,
  summarise,
  type EncryptionMode,
} from './bench-lib.js'
import { ClearPatientKeys, asUnencryptedRows } from './clear-keys.js'

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

interface Side {
  store: EventStore
  patients: string[]
  seqUser: string
  concUser: string
}

/**
 * Seeds the patients of every mode (with 20 writers, as a busy server would: the store batches
 * concurrent appends), then measures each phase in rounds, the modes alternating (bench-lib).
 */
async function runOn(name: string, handle: EventDbHandle, keys: PatientKeys, modes: EncryptionMode[]) {
  const now = Date.now()
  const sides = {} as Record<EncryptionMode, Side>
  for (const mode of modes) {
    sides[mode] = {
      store: new EventStore(handle.db, mode === 'on' ? keys : new ClearPatientKeys()),
      patients: Array.from({ length: PATIENTS }, (_, i) => `bench-${mode}-patient-${i}`),
      seqUser: `bench-${mode}-seq`,
      concUser: `bench-${mode}-conc`,
    }
  }

  const total = PATIENTS * EVENTS_PER_PATIENT * modes.length
  const seed = await cpuTimed(async () => {
    let next = 0
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let k = next++; k < total; k = next++) {
          const side = sides[modes[k % modes.length]!]
          const i = Math.floor(k / modes.length)
          await side.store.append(side.patients[i % PATIENTS]!, randomEvent(i, now))
        }
      }),
    )
  })
  // The yardstick reads rows as the store kept them before encryption (jsonb, nothing sealed).
  if (sides.off) await asUnencryptedRows(handle.db, sides.off.patients)
  console.log(`\n${name}: ${PATIENTS} patients × ${EVENTS_PER_PATIENT} events${modes.length > 1 ? ' per mode' : ''} (${total.toLocaleString('en')}) seeded in ${(seed.wallMs / 1000).toFixed(1)} s (${Math.round(total / (seed.wallMs / 1000))} appends/s with 20 writers)`)
  console.log(`  encryption ${modes.join(' and ')}, ${BENCH_ROUNDS} rounds (after a warm-up), median [min–max]; ${loadAverage()}`)

  // Rounds of a fixed size (a few tenths of a second each): shorter ones measured collections more than appends.
  const SEQ = 400
  const seq = await alternate(modes, async (mode) => {
    const { store, seqUser } = sides[mode]
    for (let i = 0; i < SEQ; i++) await store.append(seqUser, randomEvent(i, now))
    return SEQ
  })
  console.log(reportRounds('appends, sequential', seq, 'append'))

  const CONC = 2000
  const conc = await alternate(modes, async (mode) => {
    const { store, concUser } = sides[mode]
    let c = 0
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (; c < CONC; c++) await store.append(`${concUser}-${c % 20}`, randomEvent(c, now))
      }),
    )
    return CONC
  })
  console.log(reportRounds('appends, 20 concurrent', conc, 'append'))

  // Every round reads the same patients in both modes (their data differs only in its sealing).
  const READS = Number(process.env.BENCH_READS ?? 200) // lists (and insights) of each mode per round
  const from = new Date(now - 30 * DAY)
  const today = localDate(new Date(now), TZ)
  const picks = Array.from({ length: BENCH_ROUNDS + 1 }, () => Array.from({ length: READS }, () => Math.floor(Math.random() * PATIENTS)))
  const listTimes: number[] = []
  const lists = await alternate(modes, async (mode, r) => {
    const { store, patients } = sides[mode]
    for (const p of picks[r]!) {
      const t = performance.now()
      await store.list(patients[p]!, { from, limit: 500 })
      if (mode === 'on' && r > 0) listTimes.push(performance.now() - t)
    }
    return READS
  })
  console.log(reportRounds('list of the last 30 days', lists, 'list'))
  const insightTimes: number[] = []
  const insights = await alternate(modes, async (mode, r) => {
    const { store, patients } = sides[mode]
    for (const p of picks[r]!) {
      const t = performance.now()
      await insightsFor(store, patients[p]!, { from: addDays(today, -29), to: today, timezone: TZ })
      if (mode === 'on' && r > 0) insightTimes.push(performance.now() - t)
    }
    return READS
  })
  console.log(reportRounds('insights over 30 days', insights, 'insight'))
  const list = summarise(listTimes)
  const ins = summarise(insightTimes)
  console.log(`  latency (encryption on)  list p50 ${fmt(list.p50)} p95 ${fmt(list.p95)}   insights p50 ${fmt(ins.p50)} p95 ${fmt(ins.p95)}`)
  console.log(`  bench process RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB; ${loadAverage()}`)
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-store-bench-'))
  const pglite = await openEventDb({ pgliteDir: path.join(dataDir, 'events') })
  const { keys, authDb } = await benchKeys(dataDir)
  const modes = encryptionModes()
  await runOn('PGlite (on disk)', pglite, keys, modes)
  await pglite.close()

  // The same data under a server process: its RSS is what a deployment pays. (Not over the
  // yardstick's clear rows: the server would seal them at start-up.)
  if (!modes.includes('off')) await serverRss(dataDir)
  await postgresToo(keys, authDb, modes)
}

async function serverRss(dataDir: string) {
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
}

async function postgresToo(keys: PatientKeys, authDb: AuthDb, modes: EncryptionMode[]) {
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL
  if (!url) {
    await authDb.destroy()
    return console.log('\nPostgreSQL: set DATABASE_URL or TEST_DATABASE_URL to measure it too')
  }
  const schema = `podd_bench_${randomBytes(4).toString('hex')}`
  const postgres = await openEventDb({ databaseUrl: url, schema })
  try {
    await runOn('PostgreSQL', postgres, keys, modes)
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
