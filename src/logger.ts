import pino, { type Logger } from 'pino'

/**
 * Paths pino removes from every log line. Health data and credentials never reach the logs:
 * request bodies are not logged at all, and these paths catch anything passed by mistake.
 */
export const REDACT_PATHS = [
  'password',
  'new_password',
  'token',
  'access_token',
  'refresh_token',
  'authorization',
  'apiKey',
  'api_key',
  'payload',
  'reply',
  'transcript',
  'text',
  'events',
  'body',
  '*.password',
  '*.new_password',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.authorization',
  '*.Authorization',
  '*.apiKey',
  '*.api_key',
  '*.payload',
  '*.reply',
  '*.transcript',
  '*.text',
  '*.events',
  '*.body',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers.cookie',
]

export type { Logger }

// A database error is built from what the server sent back: `detail` may hold the failing row
// ("Failing row contains (…)") or a key's values, `where` the JSON being parsed and the bound
// parameters, and quoted parts of the message the input ("invalid input syntax for type uuid:
// "…""). Only what names the failure is logged.
const DATABASE_ERROR_LEAKS = ['detail', 'where', 'hint', 'internalQuery', 'query', 'parameters', 'params', 'position', 'internalPosition']

function isDatabaseError(err: unknown): boolean {
  const e = err as { severity?: unknown; code?: unknown; routine?: unknown } | null
  return !!e && typeof e === 'object' && typeof e.severity === 'string' && typeof e.code === 'string' && 'routine' in e
}

function causes(err: unknown): unknown[] {
  const chain: unknown[] = []
  for (let e: unknown = err; e && typeof e === 'object' && chain.length < 10; e = (e as { cause?: unknown }).cause) chain.push(e)
  return chain
}

const scrubQuoted = (text: string) => text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '"…"')

/** pino's error serializer, except that a database error anywhere in the chain keeps no data. */
export function serializeError(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>
  if (!causes(err).some(isDatabaseError)) return out
  for (const key of DATABASE_ERROR_LEAKS) delete out[key]
  if (typeof out.message === 'string') out.message = scrubQuoted(out.message)
  if (typeof out.stack === 'string') out.stack = scrubQuoted(out.stack)
  return out
}

export interface LoggerOptions {
  level?: string
  /** Where lines go; tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream
}

/**
 * Logs go to stdout asynchronously: lines written while a write is pending are coalesced, so
 * under load there is not a syscall per request. pino flushes what is left when the process exits.
 */
export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: { service: 'podd' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.destination ?? pino.destination({ dest: 1, sync: false }),
  )
}
