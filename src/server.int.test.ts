import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../test/helpers.js'
import { exitOf, startServiceProcess } from '../test/service-process.js'

const ROOT = path.resolve(import.meta.dirname, '..')

describe('the service process', () => {
  let child: ChildProcess | undefined
  afterEach(() => {
    child?.kill('SIGKILL')
  })

  it('Should start on embedded defaults, keep a generated secret private, and finish in-flight requests on SIGTERM', async () => {
    const dataDir = tempDir()
    const started = await startServiceProcess({ DATA_DIR: dataDir })
    child = started.child
    for (const secret of ['jwt-secret', 'data-encryption-key']) {
      expect(fs.statSync(path.join(dataDir, secret)).mode & 0o777).toBe(0o600)
    }

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
    expect(await exited).toBe(0)
    await expect(fetch(`${started.url}/health`)).rejects.toThrow()
  })

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
