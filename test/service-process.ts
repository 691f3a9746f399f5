import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { tempDir } from './helpers.js'

const ROOT = path.resolve(import.meta.dirname, '..')

/**
 * A new, empty DATA_DIR whose event store has already been through initdb, as after a first
 * start. initdb takes ~4 s on an idle machine and 25 s or more on a busy one, and a service
 * process test is about the service (its start, its secrets, its shutdown), not about
 * PostgreSQL's initdb (the on-disk store tests run that). The initialised store is made once
 * per PGlite version and copied; the service still runs its migrations on it.
 */
export async function initialisedDataDir(): Promise<string> {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }
  const cached = path.join(os.tmpdir(), `podd-pglite-initdb-${version}`)
  if (!fs.existsSync(path.join(cached, 'PG_VERSION'))) {
    // Made aside and renamed, so parallel test files never copy half a directory.
    const partial = `${cached}.${process.pid}.partial`
    const db = await PGlite.create(partial)
    await db.close()
    try {
      fs.renameSync(partial, cached)
    } catch {
      fs.rmSync(partial, { recursive: true, force: true }) // another file made it first
    }
  }
  const dataDir = tempDir()
  fs.cpSync(cached, path.join(dataDir, 'events'), { recursive: true })
  return dataDir
}

/**
 * How long a service process may take to listen: loading every module through tsx and opening
 * PGlite (compiling its WASM) take ~3 s on an idle machine and 20 s or more on a busy one. A
 * test that starts one allows this plus its own work, so a slow start fails here, with the
 * process's output, rather than as a bare test timeout.
 */
export const START_TIMEOUT_MS = 60_000

/** Starts `src/main.ts` as a real process; resolves with its URL once it logs that it listens. */
export function startServiceProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms: ${out}`)), START_TIMEOUT_MS)
    child.stdout!.on('data', (d) => {
      out += String(d)
      const m = out.match(/"port":(\d+)[^\n]*podd listening/)
      if (m) {
        clearTimeout(timer)
        resolve({ child, url: `http://127.0.0.1:${m[1]}`, output: () => out })
      }
    })
    child.stderr!.on('data', (d) => (out += String(d)))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited ${code}: ${out}`))
    })
  })
}

export const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))))
