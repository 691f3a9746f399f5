import { PoddError, type ErrorCode } from '../../core/errors.js'
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

// What each kind of failure means to the caller: the provider's trouble is a bad gateway, a
// timeout or an unavailable service; the user's audio or language a bad request.
const CODE_BY_KIND: Record<SpeechErrorKind, ErrorCode> = {
  bad_audio: 'BAD_REQUEST',
  unsupported_language: 'BAD_REQUEST',
  timeout: 'GATEWAY_TIMEOUT',
  upstream: 'BAD_GATEWAY',
  network: 'BAD_GATEWAY',
  invalid_request: 'BAD_GATEWAY',
  rate_limited: 'SERVICE_UNAVAILABLE',
  auth: 'SERVICE_UNAVAILABLE',
  quota: 'SERVICE_UNAVAILABLE',
  unavailable: 'SERVICE_UNAVAILABLE',
}

/** The caller's view of a failure: provider, reason, the provider's request id, what would have worked. */
function callerDetails(kind: SpeechErrorKind, d: SpeechErrorDetails, retryAfter: number | undefined): Record<string, unknown> {
  const details: Record<string, unknown> = { provider: d.provider, reason: kind }
  if (d.requestId) details.upstream_request_id = d.requestId
  if (kind === 'unsupported_language') details.supported_languages = d.supportedLanguages
  if (retryAfter !== undefined) details.retry_after_seconds = retryAfter
  return details
}

/**
 * A failed speech call. `message` is safe to show a user: it never holds audio, text or secrets.
 * Its code and details are what a route or socket tells the caller; the provider's own status,
 * code and detail are for the log.
 */
export class SpeechProviderError extends PoddError {
  override name = 'SpeechProviderError'
  readonly provider: SpeechProviderName
  readonly requestId?: string
  readonly status?: number
  readonly providerCode?: string
  /** The provider's own Retry-After, if it sent one (`retryAfterSeconds` is the caller's hint). */
  readonly providerRetryAfterSeconds?: number
  readonly supportedLanguages?: readonly string[]
  readonly detail?: string

  constructor(
    readonly kind: SpeechErrorKind,
    message: string,
    details: SpeechErrorDetails,
  ) {
    // A rate limit always says when to come back; 5 s when the provider did not.
    const retryAfter = kind === 'rate_limited' ? (details.retryAfterSeconds ?? 5) : details.retryAfterSeconds
    super(CODE_BY_KIND[kind], message, callerDetails(kind, details, kind === 'rate_limited' ? retryAfter : undefined), {
      retryAfterSeconds: retryAfter,
      cause: details.cause,
    })
    this.provider = details.provider
    this.requestId = details.requestId
    this.status = details.status
    this.providerCode = details.providerCode
    this.providerRetryAfterSeconds = details.retryAfterSeconds
    this.supportedLanguages = details.supportedLanguages
    this.detail = details.detail
  }

  /** Worth one more try: the provider may answer next time. Quota and auth never change by retrying. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'upstream' || this.kind === 'network'
  }
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
