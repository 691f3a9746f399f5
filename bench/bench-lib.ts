import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseMasterKey } from '../memory/encryption/master-key.js'
import { PatientKeys } from '../memory/encryption/patient-keys.js'
import { openAuthDb, type AuthDb } from '../src/auth/auth-db.js'
import { SqliteWrappedKeyStore } from '../src/auth/data-key-store.js'

export const ROOT = path.resolve(import.meta.dirname, '..')

/** The master key of every benchmark's data (the server processes get it too). */
export const BENCH_DATA_ENCRYPTION_KEY = randomBytes(32).toString('base64')

export interface ServerProcess {
  url: string
  child: ChildProcess
  dataDir: string
  stop(): Promise<void>
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.once('error', reject)
  })
}

let built = false
/** Compiles the service once per benchmark run, as `npm start` does. */
function build(): void {
  if (built) return
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' })
  built = true
}

/**
 * Starts Podd as its own process, compiled, as `npm start` runs it (at LOG_LEVEL=info, access
 * logs written to /dev/null), so load generation does not share its CPU.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  build()
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'podd-bench-'))
  const port = await freePort()
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-1234',
      DATA_ENCRYPTION_KEY: BENCH_DATA_ENCRYPTION_KEY,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      // Benchmarks register thousands of patients from one address.
      REGISTER_MAX_PER_IP: '1000000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 60 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    child,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[idx]!
}

export function summarise(samplesMs: number[]) {
  const s = [...samplesMs].sort((a, b) => a - b)
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1)
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), mean, max: s.at(-1) ?? NaN }
}

export const fmt = (ms: number) => `${ms.toFixed(2)} ms`

export async function rssOf(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text()
  const m = text.match(/^process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)/m)
  return m ? Number(m[1]) / 1024 / 1024 : NaN
}

export async function postJson<T = any>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

export async function registerBenchUser(url: string, i: number | string, role = 'patient') {
  return postJson<{ user: { id: string }; access_token: string; refresh_token: string }>(`${url}/api/v1/auth/register`, {
    email: `bench-${i}-${Date.now()}@example.com`,
    password: 'bench passphrase 2026',
    name: `Bench ${i}`,
    role,
  })
}

/**
 * Patients' data keys as the service keeps them (wrapped in the auth SQLite of `dataDir`, under
 * a random master key), so benchmarks pay what encryption at rest costs.
 */
export async function benchKeys(dataDir: string): Promise<{ keys: PatientKeys; authDb: AuthDb }> {
  const authDb = await openAuthDb(dataDir)
  // BENCH_OPENED_CHARS=0 turns off the memory of opened payloads: every read opens every payload.
  const opened = process.env.BENCH_OPENED_CHARS
  const keys = new PatientKeys(new SqliteWrappedKeyStore(authDb), {
    master: parseMasterKey(BENCH_DATA_ENCRYPTION_KEY),
    ...(opened ? { maxOpenedChars: Number(opened) } : {}),
  })
  return { keys, authDb }
}

/** What a run measures: encryption on (as the service runs), off (the bench-only yardstick), or both side by side. */
export type EncryptionMode = 'on' | 'off'

/**
 * `--compare` (or BENCH_ENCRYPTION=compare) measures the same workload with encryption on and
 * off in one process, rounds alternating, so a change in the machine's load falls on both;
 * BENCH_ENCRYPTION=off alone measures the yardstick. Default: on.
 */
export function encryptionModes(): EncryptionMode[] {
  const choice = process.argv.includes('--compare') ? 'compare' : (process.env.BENCH_ENCRYPTION ?? 'on')
  if (choice === 'compare') return ['on', 'off']
  if (choice === 'on' || choice === 'off') return [choice]
  throw new Error(`BENCH_ENCRYPTION must be on, off or compare, not ${choice}`)
}

/**
 * Rounds of each measured phase (medians are reported); BENCH_ROUNDS, default 10. A round's CPU
 * time swings ±20 % or more on this kind of machine (collections, the database's own work), so
 * five rounds left the median ten points either way; ten and an interval around it say how far
 * to trust it.
 */
export const BENCH_ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 10))

/**
 * Wall and CPU milliseconds (user + system) of this process in fn. PGlite runs in this process,
 * so the database's work counts; on a machine shared with other work, wall time swings with the
 * load and CPU time far less.
 */
export async function cpuTimed<T>(fn: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const value = await fn()
  const wallMs = performance.now() - t0
  const c = process.cpuUsage(c0)
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** Per round and mode: operations done, wall and CPU milliseconds. */
export type Rounds = Record<EncryptionMode, { ops: number; wallMs: number; cpuMs: number }[]>

export const newRounds = (): Rounds => ({ on: [], off: [] })

/**
 * Runs `round(mode, r)` for BENCH_ROUNDS rounds (plus one warm-up, not counted) of every mode,
 * the order of the modes swapped every round so neither always runs first.
 */
export async function alternate(
  modes: EncryptionMode[],
  round: (mode: EncryptionMode, r: number) => Promise<number>,
  into: Rounds = newRounds(),
): Promise<Rounds> {
  for (let r = 0; r <= BENCH_ROUNDS; r++) {
    for (const mode of r % 2 ? [...modes].reverse() : modes) {
      const { value: ops, wallMs, cpuMs } = await cpuTimed(() => round(mode, r))
      if (r > 0) into[mode].push({ ops, wallMs, cpuMs })
    }
  }
  return into
}

/**
 * One line per measured phase: the median over rounds of operations per wall second and CPU
 * time per operation [min–max], and with both modes the CPU cost of encryption (median of
 * the rounds' ratios, each round's pair measured back to back).
 */
export function reportRounds(label: string, rounds: Rounds, unit = 'op', units = `${unit}s`): string {
  const modes = (['on', 'off'] as const).filter((m) => rounds[m].length)
  const cpuPer = (m: EncryptionMode) => rounds[m].map((x) => x.cpuMs / x.ops)
  const perSec = (m: EncryptionMode) => rounds[m].map((x) => x.ops / (x.wallMs / 1000))
  const span = (xs: number[], f: (x: number) => string) => `${f(median(xs))} [${f(Math.min(...xs))}–${f(Math.max(...xs))}]`
  const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(2)} ms`)
  const n = (x: number) => x.toFixed(x < 100 ? 1 : 0)
  const parts = modes.map(
    (m) => `${modes.length > 1 ? `${m}: ` : ''}CPU/${unit} ${span(cpuPer(m), ms)}, ${span(perSec(m), n)} ${units}/s`,
  )
  let line = `  ${label.padEnd(26)} ${parts.join('   ')}`
  if (modes.length === 2) {
    const on = cpuPer('on')
    const off = cpuPer('off')
    const ratios = on.map((x, i) => x / off[i]!)
    const wall = perSec('off').map((x, i) => x / perSec('on')[i]! )
    const [low, high] = medianInterval(ratios)
    const total = (m: EncryptionMode) => rounds[m].reduce((a, x) => a + x.cpuMs, 0) / rounds[m].reduce((a, x) => a + x.ops, 0)
    line += `\n  ${''.padEnd(26)} encryption costs ${pct(median(ratios))} CPU per ${unit} (95 % interval ${pct(low)} to ${pct(high)}; all rounds together ${pct(total('on') / total('off'))}), ${pct(median(wall))} wall time per ${unit}`
    line += `\n  ${''.padEnd(26)} rounds ${ratios.map(pct).join(', ')}`
  }
  return line
}

/**
 * A 95 % interval for the median of `xs`: the 2.5th and 97.5th percentiles of the medians of
 * 2,000 resamples of the rounds (a bootstrap; seeded, so the same rounds give the same interval).
 */
export function medianInterval(xs: number[]): [number, number] {
  let s = 12_345
  const random = () => (s = (s * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
  const medians = Array.from({ length: 2000 }, () => median(xs.map(() => xs[Math.floor(random() * xs.length)]!))).sort((a, b) => a - b)
  return [percentile(medians, 2.5), percentile(medians, 97.5)]
}

const pct = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %`

export const loadAverage = () => `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`
