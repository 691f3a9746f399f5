import path from 'node:path'
import { z } from 'zod'
import { parseMasterKey } from '../memory/encryption/master-key.js'

/**
 * Every setting Podd reads from the environment, parsed once at start-up.
 * `.env.example` lists each variable with the default given here; keep the two in step.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional()

const csv = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

/** A master key as text; checked here so a mistyped one stops the start with the variable's name. */
const masterKey = z
  .string()
  .optional()
  .superRefine((v, ctx) => {
    if (v === undefined) return
    try {
      parseMasterKey(v)
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message })
    }
  })

const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(def)

export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: int(8080, 0, 65535),
    DATA_DIR: z.string().min(1).default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CORS_ORIGINS: csv,
    TRUST_PROXY: bool,
    BODY_LIMIT_BYTES: int(1_048_576, 1024),
    SHUTDOWN_TIMEOUT_MS: int(10_000, 0),
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),

    JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    JWT_ISSUER: z.string().min(1).default('podd'),
    JWT_AUDIENCE: z.string().min(1).default('podd-api'),
    ACCESS_TOKEN_TTL_SECONDS: int(900, 60, 86_400),
    REFRESH_TOKEN_TTL_DAYS: int(30, 1, 365),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: int(5, 1),
    LOGIN_MAX_FAILURES_PER_IP: int(20, 1),
    LOGIN_THROTTLE_WINDOW_SECONDS: int(900, 1),
    REGISTER_MAX_PER_IP: int(20, 1),
    REGISTER_WINDOW_SECONDS: int(3600, 1),

    DATABASE_URL: optionalUrl,
    DATA_ENCRYPTION_KEY: optionalString.pipe(masterKey),
    DATA_ENCRYPTION_KEY_PREVIOUS: optionalString.pipe(masterKey),

    LLM_PROVIDER: z.enum(['offline', 'openai']).optional(),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalUrl,
    OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
    LLM_TIMEOUT_MS: int(20_000, 100),
    LLM_MAX_RETRIES: int(1, 0, 1),
    EMBEDDINGS_MODEL: optionalString,
    JUDGE_MODEL: optionalString,

    SARVAM_API_KEY: optionalString,
    SARVAM_BASE_URL: optionalUrl,
    SARVAM_TIMEOUT_MS: int(8_000, 100),
    SARVAM_STT_MODEL: z.string().default('saaras:v3'),
    SARVAM_TTS_MODEL: z.string().default('bulbul:v3'),
    SARVAM_TTS_SPEAKER: z.string().default('shubh'),
    VOICE_MAX_SECONDS: int(30, 1, 300),
    VOICE_MAX_BYTES: int(10 * 1024 * 1024, 1024),
    /** Where offline recognition keeps compiled grammars (default: DATA_DIR/speech-grammars). */
    VOICE_GRAMMAR_DIR: optionalString,
    /** Offline recognition: confidence (0-1) below which a transcript is not acted on. */
    VOICE_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.5),

    PINECONE_API_KEY: optionalString,
    PINECONE_INDEX_HOST: optionalUrl,
    PINECONE_CONTROLLER_HOST: optionalUrl,

    SMTP_URL: optionalString,
    PUBLIC_URL: optionalUrl,
    SMTP_FROM: z.string().default('Podd <no-reply@podd.local>'),
    WEBHOOK_SIGNING_SECRET: optionalString,
    WEBHOOK_ALLOW_HOSTS: csv,
    TWILIO_ACCOUNT_SID: optionalString,
    TWILIO_AUTH_TOKEN: optionalString,
    TWILIO_FROM_NUMBER: optionalString,
    SCHEDULER_INTERVAL_SECONDS: int(60, 1),
    SCHEDULER_TICK_MS: int(1000, 100, 60_000),
    NO_CHECKIN_HOUR: int(12, 0, 23),

    VAPID_PUBLIC_KEY: optionalString,
    VAPID_PRIVATE_KEY: optionalString,
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)/, 'must be a mailto: or https: URL')
      .default('mailto:care@podd.local'),
    PUSH_ENDPOINT_HOSTS: z
      .string()
      .default('fcm.googleapis.com,updates.push.services.mozilla.com,push.services.mozilla.com,web.push.apple.com,notify.windows.com')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      ),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && !c.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'is required in production (at least 32 random characters)',
      })
    }
    if (!c.VAPID_PUBLIC_KEY !== !c.VAPID_PRIVATE_KEY) {
      const missing = c.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'
      ctx.addIssue({ code: 'custom', path: [missing], message: 'VAPID keys come as a pair: set both or neither' })
    }
    if (c.NODE_ENV === 'production' && !c.DATA_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATA_ENCRYPTION_KEY'],
        message: 'is required in production: 32 random bytes in base64 (openssl rand -base64 32); keep a copy apart from backups',
      })
    }
    if (c.LLM_PROVIDER === 'openai' && !c.OPENAI_API_KEY && !c.OPENAI_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_API_KEY'],
        message: 'LLM_PROVIDER=openai needs OPENAI_API_KEY or OPENAI_BASE_URL',
      })
    }
  })
  .transform((c) => ({
    ...c,
    DATA_DIR: path.resolve(c.DATA_DIR),
    // An LLM is used only when one is configured; the offline model is the default.
    LLM_PROVIDER: c.LLM_PROVIDER ?? (c.OPENAI_API_KEY || c.OPENAI_BASE_URL ? 'openai' : 'offline'),
  }))

export type Config = z.infer<typeof ConfigSchema>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return result.data
}
