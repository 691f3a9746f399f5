import { createHmac } from 'node:crypto'
import { KEY_BYTES } from './aes-gcm.js'

/** A master key: the 32 bytes that wrap every patient's data key, and a fingerprint naming it. */
export interface MasterKey {
  key: Buffer
  /** Not secret: stored beside each wrapped key, so rotation knows which master wrapped it. */
  id: string
}

/** `DATA_ENCRYPTION_KEY` is not 32 bytes in base64 or hex. */
export class MasterKeyFormatError extends Error {
  override name = 'MasterKeyFormatError'
}

/**
 * Reads a master key written as base64 (`openssl rand -base64 32`), base64url or 64 hex digits.
 * Anything that does not decode to exactly 32 bytes is refused: a short or mistyped key must
 * stop the service, not quietly encrypt under a weaker one.
 */
export function parseMasterKey(text: string): MasterKey {
  const s = text.trim()
  let key: Buffer | undefined
  if (/^[0-9a-fA-F]{64}$/.test(s)) key = Buffer.from(s, 'hex')
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(s)) key = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  if (!key || key.length !== KEY_BYTES) {
    throw new MasterKeyFormatError('must be 32 random bytes in base64 (openssl rand -base64 32) or 64 hex digits')
  }
  return { key, id: masterKeyId(key) }
}

/** A short fingerprint of a master key (an HMAC of a fixed label, so it reveals nothing of the key). */
export function masterKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('podd master key id').digest('hex').slice(0, 16)
}
