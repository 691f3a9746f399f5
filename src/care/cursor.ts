import type { z } from 'zod'
import { PoddError } from '../../core/errors.js'

/** Keyset cursors are opaque to clients, so the position they carry can change shape freely. */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url')
}

/** The position in a cursor this list handed out; anything else is a 400 on `cursor`. */
export function decodeCursor<T>(schema: z.ZodType<T>, cursor: string): T {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    if (parsed.success) return parsed.data
  } catch {
    // Not base64url JSON: as foreign as a cursor of another list.
  }
  throw new PoddError('VALIDATION_ERROR', 'Invalid cursor', {
    issues: [{ path: 'cursor', message: 'Pass back a next_cursor this list returned', code: 'invalid_cursor' }],
  })
}
