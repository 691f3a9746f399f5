export type Role = 'anonymous' | 'patient' | 'caregiver'

/**
 * Percent-encodes any string, lone surrogates included (encodeURIComponent throws on those):
 * the UTF-8 of what Node makes of it, every byte outside the unreserved set escaped.
 */
export function percentEncode(value: string): string {
  let out = ''
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte)
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** How many answers of each status a fuzz file got, and how many tries per role or socket, for its closing line. */
export const fuzzTally = {
  statuses: new Map<number, number>(),
  tries: new Map<string, number>(),
  count(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1)
  },
  tried(who: string, n = 1): void {
    this.tries.set(who, (this.tries.get(who) ?? 0) + n)
  },
  report(what: string): string {
    const total = [...this.statuses.values()].reduce((a, b) => a + b, 0)
    const byStatus = [...this.statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')
    const byWho = [...this.tries.entries()].map(([w, n]) => `${w} ${n}`).join(', ')
    return `fuzz ${what}: ${total} answers (${byStatus})${byWho ? `; tried: ${byWho}` : ''}`
  },
}
