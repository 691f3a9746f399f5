import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { PoddError, asPoddError, toErrorBody, type ErrorBody } from '../../core/errors.js'
import type { AppEnv } from './app-env.js'
import { errorCodeForStatus, errorHeaders, httpStatusOf } from './error-status.js'

export interface ErrorEnvelope {
  status: 'error'
  error: ErrorBody
  request_id: string
}

/** The HTTP answer for any failure: its status, its headers and the error envelope. */
export function errorResponse(c: Context<AppEnv>, err: unknown, headers: Record<string, string> = {}): Response {
  const known = asPoddError(err)
  const body: ErrorEnvelope = {
    status: 'error',
    error: toErrorBody(known),
    request_id: c.get('requestId') ?? 'unknown',
  }
  if (known !== err && known.code === 'INTERNAL_ERROR') c.get('logger')?.error({ err }, 'unhandled error')
  return c.json(body, httpStatusOf(known.code), { ...errorHeaders(known), ...headers })
}

// Hono raises HTTPExceptions of its own (a malformed JSON body, a body limit); they mean the
// same as our codes with their status.
function fromHttpException(err: HTTPException, c: Context<AppEnv>): PoddError {
  const code = errorCodeForStatus(err.status)
  const message = err.status === 400 && /JSON/i.test(err.message) ? 'Malformed JSON in request body' : err.message || code
  if (err.status >= 500) c.get('logger')?.error({ err }, 'http exception')
  return new PoddError(code, message)
}

/** Every error leaves as the envelope; unexpected ones as a 500 that reveals nothing. */
export const onError: ErrorHandler<AppEnv> = (err, c) =>
  errorResponse(c, err instanceof HTTPException ? fromHttpException(err, c) : err)

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, new PoddError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`))
