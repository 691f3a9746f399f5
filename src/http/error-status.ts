import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorCode, PoddError } from '../../core/errors.js'

// The one place an error code meets HTTP. Order matters for errorCodeForStatus: the first code
// of a status is its generic one.
const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  BAD_REQUEST: 400,
  VALIDATION_ERROR: 400,
  CANCELLED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
}

export function httpStatusOf(code: ErrorCode): ContentfulStatusCode {
  return STATUS_BY_CODE[code]
}

/** The code for a status raised outside our errors (Hono's own HTTPExceptions). */
export function errorCodeForStatus(status: number): ErrorCode {
  const found = (Object.entries(STATUS_BY_CODE) as [ErrorCode, number][]).find(([, s]) => s === status)
  if (found) return found[0]
  return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'
}

/** Headers an error's meaning calls for on HTTP: how to authenticate, when to retry. */
export function errorHeaders(err: PoddError): Record<string, string> {
  const headers: Record<string, string> = {}
  if (err.code === 'UNAUTHORIZED') headers['WWW-Authenticate'] = 'Bearer'
  if (err.retryAfterSeconds !== undefined) headers['Retry-After'] = String(Math.max(0, Math.ceil(err.retryAfterSeconds)))
  return headers
}
