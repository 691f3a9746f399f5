import { ZodError } from 'zod'

/**
 * The stable codes every failure carries, from the event store up to the wire. Clients branch on
 * these; the HTTP status of each is decided once, in `src/http/error-status.ts`. Adding a code
 * here fails the typecheck until it has a status there.
 */
export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'HEADERS_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE'
  | 'RATE_LIMITED'
  | 'CANCELLED'
  | 'INTERNAL_ERROR'
  | 'BAD_GATEWAY'
  | 'SERVICE_UNAVAILABLE'
  | 'GATEWAY_TIMEOUT'

export interface ErrorOptions {
  /** When the same request may succeed again (rate limits, a provider's back-off). */
  retryAfterSeconds?: number
  cause?: unknown
}

/**
 * A failure meant for the caller: a stable `code`, a message safe to show a user (never health
 * data, never secrets) and optional structured `details`. It knows nothing of HTTP or sockets;
 * each wire turns it into its own frame through `toErrorBody`. Anything else thrown is an
 * unexpected failure and reaches a client only as INTERNAL_ERROR.
 */
export class PoddError extends Error {
  override name = 'PoddError'
  readonly retryAfterSeconds?: number

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options: ErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds
  }
}

/** One problem with a request or a payload: where it is and what is wrong. */
export interface Issue {
  path: string
  message: string
  code?: string
}

/** Input that cannot be accepted; `details.issues` says where and why. */
export class ValidationError extends PoddError {
  override name = 'ValidationError'
  constructor(
    message: string,
    readonly issues: Issue[],
  ) {
    super('VALIDATION_ERROR', message, { issues })
  }
}

export class NotFoundError extends PoddError {
  override name = 'NotFoundError'
  constructor(message: string, details?: Record<string, unknown>) {
    super('NOT_FOUND', message, details)
  }
}

export class ConflictError extends PoddError {
  override name = 'ConflictError'
  constructor(message: string, details?: Record<string, unknown>) {
    super('CONFLICT', message, details)
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new PoddError('BAD_REQUEST', message, details)
export const unauthorized = (message = 'Authentication required') => new PoddError('UNAUTHORIZED', message)
export const forbidden = (message = 'You do not have access to this resource') => new PoddError('FORBIDDEN', message)
export const notFound = (what = 'Resource') => new NotFoundError(`${what} not found`)
export const conflict = (message: string, details?: Record<string, unknown>) => new ConflictError(message, details)
export const tooManyRequests = (retryAfterSeconds: number, message = 'Too many attempts, try again later') =>
  new PoddError('RATE_LIMITED', message, { retry_after_seconds: retryAfterSeconds }, { retryAfterSeconds })

/** zod issues in the shape every validation error uses. */
export function zodIssues(error: ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }))
}

export function validationError(error: ZodError, message = 'Request validation failed'): ValidationError {
  return new ValidationError(message, zodIssues(error))
}

/**
 * Input that could not be read: not JSON, or not a shape we accept. The issues are zod's when
 * `cause` is a ZodError (none for a parse error, whose message could echo the input).
 */
export function unreadableInput(message: string, cause: unknown): PoddError {
  return cause instanceof ZodError ? new ValidationError(message, zodIssues(cause)) : new PoddError('VALIDATION_ERROR', message)
}

/** What every wire (HTTP envelope, SSE `error` frame, socket `error` frame) says about a failure. */
export interface ErrorBody {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side; please try again'

/** The failure as the caller may see it: a known error as itself, a zod error as a validation error, anything else as INTERNAL_ERROR. */
export function asPoddError(err: unknown): PoddError {
  if (err instanceof PoddError) return err
  if (err instanceof ZodError) return validationError(err)
  return new PoddError('INTERNAL_ERROR', INTERNAL_ERROR_MESSAGE, undefined, { cause: err })
}

/**
 * The body of an error frame for any wire. An unexpected error (anything not a PoddError or a
 * ZodError) reveals nothing and is handed to `onUnexpected`, which should log it: it is a bug.
 */
export function toErrorBody(err: unknown, onUnexpected?: (err: unknown) => void): ErrorBody {
  const known = asPoddError(err)
  if (known.code === 'INTERNAL_ERROR' && known !== err) onUnexpected?.(err)
  const { code, message, details } = known
  return details ? { code, message, details } : { code, message }
}
