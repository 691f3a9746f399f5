import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ZodError } from 'zod'
import { EventConflictError, EventNotFoundError, InvalidCursorError } from '../../memory/event-store.js'
import { EventValidationError } from '../../memory/normalize-payload.js'
import { ThreadNotFoundError } from '../graph/conversation-service.js'
import type { AppEnv } from './app-env.js'
import { AppError, envelope, errorCodeForStatus, zodDetails } from './errors.js'

function requestIdOf(c: Context<AppEnv>): string {
  return c.get('requestId') ?? 'unknown'
}

/** Every error leaves as the envelope; unexpected ones as a 500 that reveals nothing. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const requestId = requestIdOf(c)
  if (err instanceof AppError) {
    if (err.headers) for (const [k, v] of Object.entries(err.headers)) c.header(k, v)
    return c.json(envelope(err.code, err.message, requestId, err.details), err.status)
  }
  // The event store's errors mean the same thing wherever they surface.
  if (err instanceof EventValidationError) {
    return c.json(envelope('VALIDATION_ERROR', err.message, requestId, { issues: err.issues }), 400)
  }
  if (err instanceof EventNotFoundError) return c.json(envelope('NOT_FOUND', err.message, requestId), 404)
  if (err instanceof EventConflictError) return c.json(envelope('CONFLICT', err.message, requestId), 409)
  if (err instanceof InvalidCursorError) return c.json(envelope('BAD_REQUEST', err.message, requestId), 400)
  if (err instanceof ThreadNotFoundError) return c.json(envelope('NOT_FOUND', err.message, requestId), 404)
  if (err instanceof ZodError) {
    return c.json(envelope('VALIDATION_ERROR', 'Request validation failed', requestId, zodDetails(err)), 400)
  }
  if (err instanceof HTTPException) {
    const status = err.status
    const code = errorCodeForStatus(status)
    const message =
      status === 400 && /JSON/i.test(err.message) ? 'Malformed JSON in request body' : err.message || code
    if (status >= 500) c.get('logger')?.error({ err }, 'http exception')
    return c.json(envelope(code, message, requestId), status as 400)
  }
  c.get('logger')?.error({ err }, 'unhandled error')
  return c.json(envelope('INTERNAL_ERROR', 'Something went wrong on our side', requestId), 500)
}

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(envelope('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`, requestIdOf(c)), 404)
