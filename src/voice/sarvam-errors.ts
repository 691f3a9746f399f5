import { SarvamAIError, SarvamAITimeoutError } from 'sarvamai'
import { SpeechProviderError, type SpeechErrorKind } from './speech-errors.js'

/** Which side of the speech layer a Sarvam call served: a 400 means bad audio for STT, our bug for TTS. */
export type SarvamOp = 'stt' | 'tts'

const PROVIDER = 'sarvam' as const

const MESSAGES: Record<SpeechErrorKind, string> = {
  auth: 'The speech service is unavailable: its credentials were refused',
  quota: 'The speech service is unavailable: its account has run out of credits',
  rate_limited: 'The speech service is busy; try again in a few seconds',
  upstream: 'The speech service failed; try again',
  timeout: 'The speech service did not answer in time',
  bad_audio: 'The speech service could not process this audio',
  invalid_request: 'The speech service refused the request',
  network: 'The speech service could not be reached',
  unsupported_language: 'The speech service does not support this language',
  unavailable: 'The speech service is unavailable',
}

interface SarvamErrorBody {
  message?: string
  code?: string
  request_id?: string
}

/** Any error from a Sarvam SDK call as a SpeechProviderError of the right kind. */
export function sarvamErrorFrom(err: unknown, op: SarvamOp): SpeechProviderError {
  if (err instanceof SpeechProviderError) return err
  if (err instanceof SarvamAITimeoutError) {
    return new SpeechProviderError('timeout', MESSAGES.timeout, { provider: PROVIDER, detail: err.message, cause: err })
  }
  if (err instanceof SarvamAIError) {
    const status = err.statusCode
    if (status === undefined) {
      // sarvamai aborts its own timer with the reason "timeout"; Node's fetch rejects with that
      // string, which the SDK wraps as a plain SarvamAIError('"timeout"'), not a SarvamAITimeoutError.
      const kind = /^"?timeout"?$/i.test(err.message.trim()) ? 'timeout' : 'network'
      return new SpeechProviderError(kind, MESSAGES[kind], { provider: PROVIDER, detail: err.message, cause: err })
    }
    const body = errorBody(err.body)
    const headers = err.rawResponse?.headers
    const requestId = body.request_id ?? headers?.get('x-request-id') ?? undefined
    const retryAfter = Number(headers?.get('retry-after'))
    return fromStatus(status, body.code, op, {
      requestId,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      providerMessage: body.message,
      detail: isHtml(err.body) ? `HTTP ${status} with an HTML error page` : `HTTP ${status}: ${body.message ?? ''}`,
      cause: err,
    })
  }
  const message = err instanceof Error ? err.message : String(err)
  // The SDK's WebSocket reports a refused handshake only as text.
  const handshake = /Unexpected server response: (\d{3})/.exec(message)
  if (handshake) return fromStatus(Number(handshake[1]), undefined, op, { detail: message, cause: err })
  if (/^TIMEOUT$|timed? ?out/i.test(message)) {
    return new SpeechProviderError('timeout', MESSAGES.timeout, { provider: PROVIDER, detail: message, cause: err })
  }
  if (/ECONNREFUSED|ENOTFOUND|ECONNRESET|EAI_AGAIN|EHOSTUNREACH|socket hang up|fetch failed|not open/i.test(message)) {
    return new SpeechProviderError('network', MESSAGES.network, { provider: PROVIDER, detail: message, cause: err })
  }
  return new SpeechProviderError('upstream', MESSAGES.upstream, { provider: PROVIDER, detail: message, cause: err })
}

/** A `{type: "error"}` frame from a Sarvam WebSocket as a SpeechProviderError. */
export function sarvamStreamError(data: unknown, op: SarvamOp): SpeechProviderError {
  const d = (data ?? {}) as { error?: unknown; message?: unknown; code?: unknown; request_id?: unknown }
  const text = typeof d.error === 'string' ? d.error : typeof d.message === 'string' ? d.message : undefined
  const code = d.code === undefined ? undefined : String(d.code)
  const requestId = typeof d.request_id === 'string' ? d.request_id : undefined
  const status = code && /^\d{3}$/.test(code) ? Number(code) : undefined
  return fromStatus(status, code, op, { requestId, providerMessage: text, detail: `stream error frame: ${text ?? ''}` })
}

interface Extra {
  requestId?: string
  retryAfterSeconds?: number
  providerMessage?: string
  detail?: string
  cause?: unknown
}

function fromStatus(status: number | undefined, code: string | undefined, op: SarvamOp, extra: Extra) {
  const kind = kindOf(status, code, op)
  // Sarvam's explanation of a refused recording ("audio longer than 30 s") helps the user fix it.
  const explained = kind === 'bad_audio' && extra.providerMessage
  const message = explained ? `${MESSAGES.bad_audio}: ${extra.providerMessage!.slice(0, 200)}` : MESSAGES[kind]
  return new SpeechProviderError(kind, message, {
    provider: PROVIDER,
    status,
    providerCode: code,
    requestId: extra.requestId,
    retryAfterSeconds: extra.retryAfterSeconds,
    detail: extra.detail,
    cause: extra.cause,
  })
}

function kindOf(status: number | undefined, code: string | undefined, op: SarvamOp): SpeechErrorKind {
  const c = code?.toLowerCase() ?? ''
  if (c.includes('quota')) return 'quota'
  if (c.includes('rate_limit')) return 'rate_limited'
  if (c.includes('api_key') || c.includes('authentication')) return 'auth'
  if (status === 401 || status === 403) return 'auth'
  if (status === 429) return 'rate_limited'
  if (status === 408) return 'timeout'
  const refused =
    status === 400 || status === 413 || status === 422 || c.includes('invalid_request') || c.includes('unprocessable')
  if (refused) return op === 'stt' ? 'bad_audio' : 'invalid_request'
  return 'upstream'
}

function errorBody(body: unknown): SarvamErrorBody {
  if (body && typeof body === 'object' && 'error' in body) {
    const e = (body as { error: unknown }).error
    if (e && typeof e === 'object') return e as SarvamErrorBody
    if (typeof e === 'string') return { message: e }
  }
  if (typeof body === 'string' && body.trim().startsWith('{')) {
    try {
      return errorBody(JSON.parse(body))
    } catch {
      return {}
    }
  }
  return {}
}

function isHtml(body: unknown): boolean {
  return typeof body === 'string' && /^\s*<(!doctype|html|head|body)/i.test(body)
}
