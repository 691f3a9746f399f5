/**
 * Counts failed logins in a sliding window per account+IP, per IP and per account.
 * Locks are always temporary, and the per-account limit is much higher than the per-pair one,
 * so an attacker cannot keep a victim out for long by failing logins in their name.
 * State lives in memory: with several instances each throttles on its own.
 */
export interface ThrottleLimits {
  perAccountAndIp: number
  perIp: number
  perAccount: number
  windowMs: number
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limits: ThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfter(email: string, ip: string): number {
    const t = this.now()
    const checks: [string, number][] = [
      [`pair:${email}|${ip}`, this.limits.perAccountAndIp],
      [`ip:${ip}`, this.limits.perIp],
      [`acct:${email}`, this.limits.perAccount],
    ]
    let wait = 0
    for (const [key, limit] of checks) {
      const recent = this.recent(key, t)
      if (recent.length >= limit) {
        const oldest = recent[recent.length - limit]!
        wait = Math.max(wait, Math.ceil((oldest + this.limits.windowMs - t) / 1000))
      }
    }
    return wait
  }

  recordFailure(email: string, ip: string): void {
    const t = this.now()
    for (const key of [`pair:${email}|${ip}`, `ip:${ip}`, `acct:${email}`]) {
      const recent = this.recent(key, t)
      recent.push(t)
      this.failures.set(key, recent)
    }
    if (this.failures.size > 100_000) this.sweep(t)
  }

  /** A successful login clears the pair's failures, not the IP's or the account's. */
  recordSuccess(email: string, ip: string): void {
    this.failures.delete(`pair:${email}|${ip}`)
  }

  private recent(key: string, t: number): number[] {
    return (this.failures.get(key) ?? []).filter((ts) => ts > t - this.limits.windowMs)
  }

  private sweep(t: number): void {
    for (const [key, list] of this.failures) {
      if (!list.some((ts) => ts > t - this.limits.windowMs)) this.failures.delete(key)
    }
  }
}
