import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openEventDb } from '../memory/event-db.js'
import { loadConfig, type Config } from '../src/config.js'
import { createLogger } from '../src/logger.js'
import { createServices } from '../src/services.js'
import type { EvalWorker } from './runner.js'

/**
 * Workers over the real services: createServices with an in-memory event store, a temp data
 * folder and the run's clock — the same graph, tools and store the HTTP API uses.
 */

/**
 * Only the model's settings pass from the environment: an eval must not send e-mail, SMS or
 * webhooks, write to Pinecone, or call Sarvam, whatever the developer's shell has set.
 */
const PASSED_THROUGH = [
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_MODEL',
  'LLM_TIMEOUT_MS',
  'LLM_MAX_RETRIES',
  'EMBEDDINGS_MODEL',
]

type Env = Record<string, string | undefined>

export function evalConfig(model: 'offline' | 'openai' | undefined, env: Env = process.env): Config {
  const passed = Object.fromEntries(PASSED_THROUGH.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]))
  const chosen = model ?? env.LLM_PROVIDER
  return loadConfig({
    ...(chosen === 'offline' ? {} : passed),
    ...(chosen ? { LLM_PROVIDER: chosen } : {}),
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    // Replaced per worker; the schema wants a value.
    DATA_DIR: os.tmpdir(),
    JWT_SECRET: randomBytes(32).toString('base64url'),
  })
}

export async function createServiceWorker(config: Config, clock: () => Date): Promise<EvalWorker> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-eval-'))
  const eventDb = await openEventDb({})
  const services = await createServices(
    { ...config, DATA_DIR: dataDir },
    // Evals measure the conversation; the care scheduler would only add noise.
    { eventDb, now: clock, logger: createLogger({ level: 'silent' }), startScheduler: false },
  )
  return {
    conversation: services.conversation,
    events: services.events,
    async close() {
      await services.close()
      await eventDb.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
