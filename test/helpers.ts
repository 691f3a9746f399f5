import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { expect } from 'vitest'
import { createApp } from '../src/app.js'
import { loadConfig, type Config } from '../src/config.js'
import { createLogger, type Logger } from '../src/logger.js'
import { createServices, type ServiceOptions, type Services } from '../src/services.js'
import { openEventDb, type EventDbHandle } from '../memory/event-db.js'

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing'
export const TEST_DATA_ENCRYPTION_KEY = 'dGVzdC1tYXN0ZXIta2V5LW9mLXRoaXJ0eS10d28tYiE='

export function tempDir(prefix = 'podd-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** A config for tests: temp data dir, random port, quiet logs, fixed JWT secret. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_DIR: tempDir(),
    JWT_SECRET: TEST_JWT_SECRET,
    // Production refuses to start without a master key; elsewhere one is generated in the data dir.
    ...(env.NODE_ENV === 'production' ? { DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY } : {}),
    // Every test account comes from one address; the limit itself is tested with its own value.
    REGISTER_MAX_PER_IP: '1000000',
    ...env,
  })
}

/** A logger whose JSON lines are kept in memory, to assert what was (not) logged. */
export function capturingLogger(level = 'debug'): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk))
      cb()
    },
  })
  const logger = createLogger({ level, destination: stream })
  return { logger, lines: () => chunks.join('').split('\n').filter(Boolean) }
}

let shared: Promise<EventDbHandle> | undefined
/**
 * One in-memory PGlite per test file (vitest runs each file in its own process): starting
 * PGlite costs seconds, so apps in a file share it and tell patients apart by user id.
 */
/** The error a promise rejects with, asserted to be of one class; the test fails if it resolves. */
export async function rejection<E extends Error>(p: Promise<unknown>, type: new (...args: any[]) => E): Promise<E> {
  try {
    await p
  } catch (err) {
    expect(err).toBeInstanceOf(type)
    return err as E
  }
  throw new Error('expected the promise to reject')
}

export function sharedEventDb(): Promise<EventDbHandle> {
  shared ??= openEventDb({})
  return shared
}

export interface TestApp {
  app: ReturnType<typeof createApp>
  services: Services
  config: Config
  request: (path: string, init?: RequestInit & { json?: unknown; token?: string }) => Promise<Response>
  close: () => Promise<void>
}

/** A test app over services made elsewhere (another instance on the same database, a reopened one). */
export function appOver(services: Services): TestApp {
  const app = createApp(services)
  return { app, services, config: services.config, request: requester(app), close: () => services.close() }
}

/** `request` of a test app: JSON bodies and bearer tokens made easy. */
export function requester(app: ReturnType<typeof createApp>): TestApp['request'] {
  return (p, init = {}) => {
    const { json, token, ...rest } = init
    const headers = new Headers(rest.headers)
    if (json !== undefined) headers.set('content-type', 'application/json')
    if (token) headers.set('authorization', `Bearer ${token}`)
    return Promise.resolve(app.request(p, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body }))
  }
}

/** The full app over real stores in a temp dir, driven in-process through `app.request()`. */
export async function createTestApp(env: Record<string, string> = {}, opts: ServiceOptions = {}): Promise<TestApp> {
  const config = testConfig(env)
  // The care scheduler is driven by tests through `tick`, never by a timer.
  const services = await createServices(config, { eventDb: await sharedEventDb(), startScheduler: false, ...opts })
  const app = createApp(services)
  return {
    app,
    services,
    config,
    request: requester(app),
    close: async () => {
      await services.close()
      fs.rmSync(config.DATA_DIR, { recursive: true, force: true })
    },
  }
}

let counter = 0
/** Registers a fresh account and returns its tokens. */
export async function registerUser(
  t: Pick<TestApp, 'request'>,
  role: 'patient' | 'caregiver' = 'patient',
  name = 'Test User',
): Promise<{ id: string; email: string; access_token: string; refresh_token: string; password: string }> {
  const email = `user${process.pid}-${Date.now()}-${counter++}@example.com`
  const password = 'a sturdy passphrase 42'
  const res = await t.request('/api/v1/auth/register', { method: 'POST', json: { email, password, name, role } })
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { user: { id: string }; access_token: string; refresh_token: string }
  return { id: body.user.id, email, access_token: body.access_token, refresh_token: body.refresh_token, password }
}
