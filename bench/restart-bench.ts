/**
 * `npm run bench:restart`: seconds from `npm start` to the first 200 from /health, as a user
 * runs it: a restart with nothing changed, a restart after one source file changed, and a first
 * start with no build at all (`dist/` removed). Each case runs BENCH_RUNS times (default 3) on a
 * fresh data dir; the median is printed. It rebuilds dist/ as it goes.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT, freePort } from './bench-lib.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)

async function startToHealth(): Promise<number> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-restart-'))
  const started = performance.now()
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  let gone = false
  void exited.then(() => (gone = true))
  try {
    for (;;) {
      if (gone) throw new Error('npm start exited before answering /health')
      const ok = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)
      if (ok) return (performance.now() - started) / 1000
      await new Promise((r) => setTimeout(r, 50))
    }
  } finally {
    // npm, its shell and node: the whole group goes.
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
    await exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function measure(label: string, before: () => void): Promise<void> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    before()
    times.push(await startToHealth())
  }
  console.log(`${label.padEnd(40)} median ${median(times).toFixed(1)} s  (runs: ${times.map((t) => t.toFixed(1)).join(', ')})`)
}

const touched = path.join(ROOT, 'src', 'app.ts')
await measure('first start (no dist/)', () => fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true }))
await measure('restart after editing src/app.ts', () => fs.utimesSync(touched, new Date(), new Date()))
await measure('restart, nothing changed', () => undefined)
