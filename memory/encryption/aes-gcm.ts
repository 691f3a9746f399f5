import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * AES-256-GCM with a random 96-bit IV, as one self-describing buffer:
 * `version (1) | iv (12) | tag (16) | ciphertext`. The associated data (an event's id and kind,
 * a patient's id) is authenticated but not stored: a sealed value moved to another row, or
 * another patient, fails to open instead of decrypting as someone else's.
 */
const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const HEADER = 1 + IV_BYTES + TAG_BYTES
export const KEY_BYTES = 32

/** A sealed value that cannot be opened: the wrong key, other associated data, or altered bytes. */
export class SealedDataError extends Error {
  override name = 'SealedDataError'
}

// IVs are cut from a block of random bytes drawn a thousand at a time: one call to the system's
// random source per IV costs more than the encryption of a payload.
const IV_POOL = 1024
let ivPool = Buffer.alloc(0)
let ivAt = 0
function nextIv(): Buffer {
  if (ivAt >= ivPool.length) {
    ivPool = randomBytes(IV_BYTES * IV_POOL)
    ivAt = 0
  }
  const iv = ivPool.subarray(ivAt, ivAt + IV_BYTES)
  ivAt += IV_BYTES
  return iv
}

export function seal(key: Buffer, plaintext: Buffer | string, aad: string): Buffer {
  const iv = nextIv()
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad))
  const body = typeof plaintext === 'string' ? cipher.update(plaintext, 'utf8') : cipher.update(plaintext)
  const last = cipher.final()
  const out = Buffer.allocUnsafe(HEADER + body.length + last.length)
  out[0] = VERSION
  iv.copy(out, 1)
  cipher.getAuthTag().copy(out, 1 + IV_BYTES)
  body.copy(out, HEADER)
  last.copy(out, HEADER + body.length)
  return out
}

export function open(key: Buffer, sealed: Uint8Array, aad: string): Buffer {
  const buf = Buffer.isBuffer(sealed) ? sealed : Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
  if (buf.length < HEADER || buf[0] !== VERSION) throw new SealedDataError('not a sealed value of a known version')
  try {
    // The tag's length fixed at 16: a shorter tag is refused, never checked as far as it goes.
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(aad))
    decipher.setAuthTag(buf.subarray(1 + IV_BYTES, HEADER))
    const text = decipher.update(buf.subarray(HEADER))
    // GCM is a stream mode: final() adds no bytes, it only checks the tag (and throws when it does not match).
    decipher.final()
    return text
  } catch {
    throw new SealedDataError('sealed value does not open with this key and associated data')
  }
}
