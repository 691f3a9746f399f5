import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'

export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR'
  | 'BAD_GATEWAY'
  | 'SERVICE_UNAVAILABLE'
  | 'GATEWAY_TIMEOUT'

// Order matters for errorCodeForStatus: the first code of a status is its generic one.
const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  BAD_REQUEST: 400,
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
}

/**
 * An error meant for the client: it becomes the error envelope with its status.
 * Anything else thrown becomes a 500 whose message reveals nothing.
 */
export class AppError extends Error {
  override name = 'AppError'
  readonly status: ContentfulStatusCode
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.status = STATUS_BY_CODE[code]
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new AppError('BAD_REQUEST', message, details)
export const unauthorized = (message = 'Authentication required') =>
  new AppError('UNAUTHORIZED', message, undefined, { 'WWW-Authenticate': 'Bearer' })
export const forbidden = (message = 'You do not have access to this resource') =>
  new AppError('FORBIDDEN', message)
export const notFound = (what = 'Resource') => new AppError('NOT_FOUND', `${what} not found`)
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, details)
export const tooManyRequests = (retryAfterSeconds: number, message = 'Too many attempts, try again later') =>
  new AppError('RATE_LIMITED', message, { retry_after_seconds: retryAfterSeconds }, {
    'Retry-After': String(retryAfterSeconds),
  })

/** Turns zod issues into `details.issues`, the shape every validation error uses. */
export function zodDetails(error: z.ZodError): Record<string, unknown> {
  return {
    issues: error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
      code: i.code,
    })),
  }
}

export function validationError(error: z.ZodError, message = 'Request validation failed') {
  return new AppError('VALIDATION_ERROR', message, zodDetails(error))
}

export function errorCodeForStatus(status: number): ErrorCode {
  const found = (Object.entries(STATUS_BY_CODE) as [ErrorCode, number][]).find(([, s]) => s === status)
  if (found) return found[0]
  return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'
}

export interface ErrorEnvelope {
  status: 'error'
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> }
  request_id: string
}

export function envelope(
  code: ErrorCode,
  message: string,
  requestId: string,
  details?: Record<string, unknown>,
): ErrorEnvelope {
  return { status: 'error', error: { code, message, ...(details ? { details } : {}) }, request_id: requestId }
}
