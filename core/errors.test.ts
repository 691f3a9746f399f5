import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { NotFoundError, PoddError, toErrorBody, tooManyRequests, unreadableInput, ValidationError } from './errors.js'

describe('toErrorBody', () => {
  it('Should carry a known error as its code, message and details', () => {
    expect(toErrorBody(new ValidationError('Bad payload', [{ path: 'payload.x', message: 'too big' }]))).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Bad payload',
      details: { issues: [{ path: 'payload.x', message: 'too big' }] },
    })
    expect(toErrorBody(new NotFoundError('Event not found'))).toEqual({ code: 'NOT_FOUND', message: 'Event not found' })
    expect(tooManyRequests(30)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30, details: { retry_after_seconds: 30 } })
  })

  it('Should turn a zod error into a validation error with its issues', () => {
    const parsed = z.object({ n: z.number() }).safeParse({ n: 'x' })
    expect(toErrorBody(parsed.error)).toMatchObject({ code: 'VALIDATION_ERROR', details: { issues: [{ path: 'n' }] } })
    expect(unreadableInput('Send JSON', parsed.error)).toBeInstanceOf(ValidationError)
    expect(toErrorBody(unreadableInput('Send JSON', new SyntaxError('Unexpected token')))).toEqual({ code: 'VALIDATION_ERROR', message: 'Send JSON' })
  })

  it('Should reveal nothing of an unexpected error and hand it to be logged', () => {
    const seen: unknown[] = []
    const bug = new Error('relation "health_events" violates … bp 141/91')
    const body = toErrorBody(bug, (e) => seen.push(e))
    expect(body.code).toBe('INTERNAL_ERROR')
    expect(JSON.stringify(body)).not.toContain('141/91')
    expect(seen).toEqual([bug])
    toErrorBody(new PoddError('CONFLICT', 'x'), (e) => seen.push(e))
    expect(seen).toHaveLength(1)
  })
})
