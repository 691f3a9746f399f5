import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { tempDir } from '../test/helpers.js'
import { exitOf, initialisedDataDir, START_TIMEOUT_MS, startServiceProcess } from '../test/service-process.js'

const ROOT = path.resolve(import.meta.dirname, '..')

describe('the service process', () => {
  let child: ChildProcess | undefined
  afterEach(() => {
    child?.kill('SIGKILL')
  })

  let dataDir: string
  // initdb happens here, once per machine and PGlite version, within the hook's time.
  beforeAll(async () => {
    dataDir = await initialisedDataDir()
  })

  it('Should start on embedded defaults, keep a generated secret private, and on SIGTERM finish in-flight requests and close sockets with 1001', async () => {
    const started = await startServiceProcess({ DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: '2000' })
    child = started.child
    for (const secret of ['jwt-secret', 'data-encryption-key']) {
      expect(fs.statSync(path.join(dataDir, secret)).mode & 0o777).toBe(0o600)
    }

    // A caregiver's live socket must not keep the process up (issue 11, finding 3).
    const caregiver = await fetch(`${started.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'carer@example.com', password: 'monsoon mangoes 1987', name: 'Carer', role: 'caregiver' }),
    })
    const { access_token } = (await caregiver.json()) as { access_token: string }
    const care = new WebSocket(`${started.url.replace('http', 'ws')}/api/v1/care/ws`, ['bearer', access_token])
    await new Promise((resolve, reject) => care.once('open', resolve).once('error', reject))
    const careClosed = new Promise<number>((resolve) => care.once('close', (code) => resolve(code)))

    // Registration hashes with argon2, so it is still running when the signal arrives.
    const inFlight = fetch(`${started.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'late@example.com', password: 'monsoon mangoes 1987', name: 'Late', role: 'patient' }),
    })
    await new Promise((r) => setTimeout(r, 20))
    const exited = exitOf(child)
    child.kill('SIGTERM')
    const res = await inFlight
    expect(res.status).toBe(201)
    expect(await careClosed).toBe(1001)
    expect(await exited).toBe(0)
    await expect(fetch(`${started.url}/health`)).rejects.toThrow()
  }, START_TIMEOUT_MS + 30_000)

  it('Should refuse to start in production without JWT_SECRET, naming it', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATA_DIR: tempDir(), PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let err = ''
    proc.stderr.on('data', (d) => (err += String(d)))
    expect(await exitOf(proc)).toBe(78)
    expect(err).toContain('JWT_SECRET')
  })
})
