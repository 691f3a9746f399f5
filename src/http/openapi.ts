import { z, type Hook } from '@hono/zod-openapi'
import type { ZodType } from 'zod'
import type { AppEnv } from './app-env.js'
import { ValidationError, validationError } from '../../core/errors.js'
import { unstorableTextIssues } from '../../core/text.js'

export const ErrorEnvelopeSchema = z
  .object({
    status: z.literal('error'),
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION_ERROR' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
    request_id: z.string(),
  })
  .openapi('Error')

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input',
  401: 'Missing, invalid or expired credentials',
  403: 'Not allowed for this account',
  404: 'Not found',
  409: 'Conflicts with existing data',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Understood but cannot be processed',
  429: 'Too many requests',
  502: 'An upstream provider failed',
  503: 'A required service is not available',
}

/** OpenAPI entries for the error statuses a route can answer, all in the error envelope. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: ERROR_DESCRIPTIONS[s] ?? 'Error', content: { 'application/json': { schema: ErrorEnvelopeSchema } } },
    ]),
  )
}

export function jsonContent<T extends ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

/** A required JSON body: a missing or wrong content type is a validation error, never skipped. */
export function jsonBody<T extends ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } }
}

/**
 * Validation failures of any part of a request become a 400 in the error envelope. Text that
 * cannot be stored (NUL, unpaired surrogates) is refused here for every field of every route,
 * nested ones included, whatever its schema says.
 */
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) throw validationError(result.error)
  const issues = unstorableTextIssues(result.data)
  if (issues.length > 0) throw new ValidationError('Request validation failed', issues)
}
