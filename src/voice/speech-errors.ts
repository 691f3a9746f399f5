import { AppError } from '../http/errors.js'
import type { Logger } from '../logger.js'

export type SpeechProviderName = 'sarvam' | 'offline'

/**
 * Why a speech call failed, in terms a route can act on:
 * - `auth`: the provider refused our credentials (Sarvam 403): an operator must fix the key.
 * - `quota`: the account has no credits left (Sarvam 429 `insufficient_quota_error`); never retried.
 * - `rate_limited`: too many requests for now (429 / 503 rate limit); retry later.
 * - `upstream`: the provider failed (5xx, an HTML error page, a dropped stream, an unreadable answer).
 * - `timeout`: no answer in time.
 * - `bad_audio`: the provider rejected the audio itself (400/413/422 on speech-to-text).
 * - `invalid_request`: the provider rejected a request we built (a TTS 400): our bug, not the user's.
 * - `network`: the provider could not be reached.
 * - `unsupported_language`: this provider cannot handle the language asked for.
 * - `unavailable`: nothing is installed or configured to do this.
 */
export type SpeechErrorKind =
  | 'auth'
  | 'quota'
  | 'rate_limited'
  | 'upstream'
  | 'timeout'
  | 'bad_audio'
  | 'invalid_request'
  | 'network'
  | 'unsupported_language'
  | 'unavailable'

export interface SpeechErrorDetails {
  provider: SpeechProviderName
  /** The provider's id for the failed request, for support tickets. */
  requestId?: string
  /** The provider's HTTP status or WebSocket close code. */
  status?: number
  /** The provider's own error code, e.g. `rate_limit_exceeded_error`. */
  providerCode?: string
  retryAfterSeconds?: number
  /** Languages that would have worked, for `unsupported_language`. */
  supportedLanguages?: readonly string[]
  /** What went wrong in the provider's terms, for the log only (never shown to a user). */
  detail?: string
  cause?: unknown
}

/** A failed speech call. `message` is safe to show a user: it never holds audio, text or secrets. */
export class SpeechProviderError extends Error {
  override name = 'SpeechProviderError'
  readonly provider: SpeechProviderName
  readonly requestId?: string
  readonly status?: number
  readonly providerCode?: string
  readonly retryAfterSeconds?: number
  readonly supportedLanguages?: readonly string[]
  readonly detail?: string

  constructor(
    readonly kind: SpeechErrorKind,
    message: string,
    details: SpeechErrorDetails,
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.provider = details.provider
    this.requestId = details.requestId
    this.status = details.status
    this.providerCode = details.providerCode
    this.retryAfterSeconds = details.retryAfterSeconds
    this.supportedLanguages = details.supportedLanguages
    this.detail = details.detail
  }

  /** Worth one more try: the provider may answer next time. Quota and auth never change by retrying. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'upstream' || this.kind === 'network'
  }
}

/**
 * The HTTP answer for a failed speech call: the provider's trouble is a 502/503/504, the user's
 * audio or language a 400. Details carry the provider's request id when there is one.
 */
export function speechErrorToAppError(err: SpeechProviderError): AppError {
  const details: Record<string, unknown> = { provider: err.provider, reason: err.kind }
  if (err.requestId) details.upstream_request_id = err.requestId
  switch (err.kind) {
    case 'bad_audio':
      return new AppError('BAD_REQUEST', err.message, details)
    case 'unsupported_language':
      return new AppError('BAD_REQUEST', err.message, { ...details, supported_languages: err.supportedLanguages })
    case 'timeout':
      return new AppError('GATEWAY_TIMEOUT', err.message, details)
    case 'upstream':
    case 'network':
    case 'invalid_request':
      return new AppError('BAD_GATEWAY', err.message, details)
    case 'rate_limited': {
      const retry = err.retryAfterSeconds ?? 5
      return new AppError('SERVICE_UNAVAILABLE', err.message, { ...details, retry_after_seconds: retry }, {
        'Retry-After': String(retry),
      })
    }
    case 'auth':
    case 'quota':
    case 'unavailable':
      return new AppError('SERVICE_UNAVAILABLE', err.message, details)
  }
}

/** For a route's catch: speech errors become their AppError, anything else passes through. */
export function asAppError(err: unknown): unknown {
  return err instanceof SpeechProviderError ? speechErrorToAppError(err) : err
}

// Failures an operator must act on are errors; the user's own audio or language only informs.
const ALARMS = new Set<SpeechErrorKind>(['auth', 'quota', 'invalid_request'])
const USER_CAUSED = new Set<SpeechErrorKind>(['bad_audio', 'unsupported_language'])
const logged = new WeakSet<SpeechProviderError>()

/**
 * Logs a failed speech call once, however many layers it passes through. The line carries the
 * kind, status and provider request id, never audio or text.
 */
export function logSpeechFailure(logger: Logger, op: string, err: SpeechProviderError): void {
  if (logged.has(err)) return
  logged.add(err)
  const fields = {
    provider: err.provider,
    op,
    kind: err.kind,
    status: err.status,
    provider_code: err.providerCode,
    upstream_request_id: err.requestId,
    detail: err.detail,
  }
  if (err.kind === 'auth') {
    logger.error({ ...fields, alarm: true }, `${err.provider} refused our credentials: speech is down until fixed`)
  } else if (err.kind === 'quota') {
    logger.error({ ...fields, alarm: true }, `${err.provider} account is out of credits: speech is down until topped up`)
  } else if (ALARMS.has(err.kind)) {
    logger.error(fields, `speech ${op} failed: ${err.kind}`)
  } else if (USER_CAUSED.has(err.kind)) {
    logger.info(fields, `speech ${op} refused: ${err.kind}`)
  } else {
    logger.warn(fields, `speech ${op} failed: ${err.kind}`)
  }
}
