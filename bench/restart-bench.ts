/**
 * `npm run bench:restart`: seconds from `npm start` to the first 200 from /health, as a user
 * runs it: a first start as on a fresh clone (no `dist/`, no data dir, so it builds and runs
 * initdb), a restart after one source file changed, and a restart with nothing changed. A
 * restart keeps its data dir, as a real one does. Each case runs BENCH_RUNS times (default 3);
 * the median is printed. It rebuilds dist/ as it goes.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT, freePort } from './bench-lib.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)

const dataDirs: string[] = []
function newDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-restart-'))
  dataDirs.push(dir)
  return dir
}

async function startToHealth(dataDir: string): Promise<number> {
  const port = await freePort()
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
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function measure(label: string, before: () => void, dataDir: () => string): Promise<void> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    before()
    times.push(await startToHealth(dataDir()))
  }
  console.log(`${label.padEnd(40)} median ${median(times).toFixed(1)} s  (runs: ${times.map((t) => t.toFixed(1)).join(', ')})`)
}

const touched = path.join(ROOT, 'src', 'app.ts')
try {
  await measure('first start (no dist/, no data dir)', () => fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true }), newDataDir)
  const kept = newDataDir()
  await startToHealth(kept) // its first start (initdb) is not a restart
  await measure('restart after editing src/app.ts', () => fs.utimesSync(touched, new Date(), new Date()), () => kept)
  await measure('restart, nothing changed', () => undefined, () => kept)
} finally {
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true })
}
