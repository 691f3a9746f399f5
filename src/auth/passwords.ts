import { hash, verify } from '@node-rs/argon2'
import { COMMON_PASSWORDS } from './common-passwords.js'

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). `Algorithm` is a const enum the
// isolated-modules build cannot read; 2 is its Argon2id member.
const ARGON2ID = 2
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 256

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined
/** Verifies against a throwaway hash so an unknown e-mail costs as much time as a wrong password. */
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('podd-timing-equaliser-not-a-real-password')
  await verifyPassword(await dummyHash, password)
}

/** Why a password is too weak, or undefined when it is acceptable. */
export function passwordWeakness(password: string, personal: string[] = []): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`
  const lower = password.toLowerCase()
  if (COMMON_PASSWORDS.has(lower)) return 'is one of the most common passwords'
  if (/^(.)\1+$/.test(password)) return 'must not repeat a single character'
  if (isSequence(lower)) return 'must not be a simple sequence'
  for (const p of personal) {
    const part = p.toLowerCase().trim()
    if (part.length >= 4 && lower.includes(part)) return 'must not contain your name or e-mail'
  }
  return undefined
}

const SEQUENCES = ['0123456789012345678901234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm']
function isSequence(lower: string): boolean {
  return SEQUENCES.some((s) => s.includes(lower) || [...s].reverse().join('').includes(lower))
}
