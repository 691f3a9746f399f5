import { randomInt } from 'node:crypto'
import { hashToken } from '../auth/tokens.js'

// No 0/O or 1/I/L: a code read out over the phone or copied from a screen arrives intact.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
// 12 symbols of 31 are ~59 bits: guessing one of many open codes within 72 h stays hopeless.
const GROUPS = [4, 4, 4]
const LENGTH = GROUPS.reduce((a, b) => a + b, 0)
const WELL_FORMED = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`)

/** A fresh code grouped for reading aloud, e.g. `K7QX-M2PD-9RTW`. */
export function newInvitationCode(): string {
  const symbols = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)])
  const groups: string[] = []
  let at = 0
  for (const size of GROUPS) {
    groups.push(symbols.slice(at, at + size).join(''))
    at += size
  }
  return groups.join('-')
}

/** People type codes in lower case, with or without the dashes, sometimes with spaces. */
export function normaliseInvitationCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}

export function isWellFormedInvitationCode(input: string): boolean {
  return WELL_FORMED.test(normaliseInvitationCode(input))
}

/** Codes are stored only as this hash, so a leaked database cannot be used to link. */
export function hashInvitationCode(input: string): string {
  return hashToken(normaliseInvitationCode(input))
}
