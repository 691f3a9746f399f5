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
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.destination ?? pino.destination({ dest: 1, sync: false }),
  )
}
