import { createHash, createHmac, randomBytes, webcrypto } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { AuthUser, Role } from './auth-user.js'
import { newId } from '../../core/ids.js'

const ALG = 'HS256'
const ROLES: readonly Role[] = ['patient', 'caregiver', 'admin']

/**
 * The signing secret: from config, or in development a generated one kept in the data dir
 * (mode 600) so tokens survive restarts. Production refuses to start without one (config.ts).
 */
export function resolveJwtSecret(config: Config, logger: Logger): Uint8Array {
  if (config.JWT_SECRET) return new TextEncoder().encode(config.JWT_SECRET)
  const file = path.join(config.DATA_DIR, 'jwt-secret')
  fs.mkdirSync(config.DATA_DIR, { recursive: true })
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' })
    logger.warn({ file }, 'JWT_SECRET is not set: generated a development secret in the data dir')
  }
  return new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim())
}

export class TokenService {
  // Imported once: handing jose raw bytes would re-import the HMAC key on every sign and verify.
  private readonly key: Promise<webcrypto.CryptoKey>
  // Tokens already verified, until they expire. An HMAC check through WebCrypto costs ~200 µs,
  // and a client sends the same token with every request for its whole 15-minute life.
  private readonly verified = new Map<string, { user: AuthUser; expMs: number; iatMs: number }>()
  private static readonly CACHE_SIZE = 10_000
  /** Accounts whose tokens issued before a time are void (erased accounts, reset passwords). */
  private readonly revoked = new Map<string, number>()
  // A key of its own for refresh successors, derived from the signing secret.
  private readonly successorKey: Buffer

  constructor(
    secret: Uint8Array,
    private readonly issuer: string,
    private readonly audience: string,
    readonly accessTtlSeconds: number,
  ) {
    this.key = webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
    this.successorKey = createHmac('sha256', secret).update('podd refresh successor v1').digest()
  }

  /**
   * The refresh token that replaces this one when it is rotated. Derived, not random, so a
   * second refresh of the same token a moment later (two tabs, a retried request) can be handed
   * the same successor by any instance, while only its hash is ever stored. Without the server's
   * secret no one can derive it.
   */
  successorRefreshToken(token: string): { token: string; hash: string } {
    const next = createHmac('sha256', this.successorKey).update(token).digest('base64url')
    return { token: next, hash: hashToken(next) }
  }

  async issueAccessToken(user: AuthUser): Promise<string> {
    // `iat` has whole seconds; the milliseconds let a revocation tell a token of the same second apart.
    return new SignJWT({ role: user.role, iat_ms: Date.now() })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(`${this.accessTtlSeconds}s`)
      .setJti(newId())
      .sign(await this.key)
  }

  /**
   * The CSRF token of a browser session: an HMAC of its refresh token (a signed double-submit
   * token). A page can read it from its cookie; another site can neither read nor forge it.
   */
  async csrfTokenFor(refreshToken: string): Promise<string> {
    const mac = await webcrypto.subtle.sign('HMAC', await this.key, new TextEncoder().encode(`podd-csrf:${refreshToken}`))
    return Buffer.from(mac).toString('base64url')
  }

  /**
   * Voids every access token of this account issued before `at` (at the latest, they would expire
   * on their own within the token lifetime, after which the entry is dropped). Held in memory:
   * other instances learn of it only from what the account's gone rows refuse.
   */
  revokeIssuedBefore(userId: string, at: Date): void {
    const now = Date.now()
    for (const [id, until] of this.revoked) if (until + this.accessTtlSeconds * 1000 < now) this.revoked.delete(id)
    if (this.revoked.get(userId) === Infinity) return
    this.revoked.set(userId, Math.max(this.revoked.get(userId) ?? 0, at.getTime()))
  }

  /** Voids every access token of an account that no longer exists (erased): none can be issued again. */
  revokeAll(userId: string): void {
    this.revoked.set(userId, Infinity)
  }

  private isRevoked(v: { user: AuthUser; iatMs: number }): boolean {
    const before = this.revoked.get(v.user.id)
    return before !== undefined && v.iatMs < before
  }

  /** The verified caller, or undefined for any token that is not ours, altered, expired or revoked. */
  async verifyAccessToken(token: string): Promise<AuthUser | undefined> {
    const hit = this.verified.get(token)
    if (hit) {
      if (hit.expMs > Date.now() && !this.isRevoked(hit)) return hit.user
      this.verified.delete(token)
      if (hit.expMs > Date.now()) return undefined
    }
    const user = await this.verifyWithJose(token)
    if (user && !this.isRevoked(user)) {
      if (this.verified.size >= TokenService.CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!)
      this.verified.set(token, user)
      return user.user
    }
    return undefined
  }

  private async verifyWithJose(token: string): Promise<{ user: AuthUser; expMs: number; iatMs: number } | undefined> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        algorithms: [ALG],
        issuer: this.issuer,
        audience: this.audience,
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      })
      const role = payload.role
      if (typeof payload.sub !== 'string' || !ROLES.includes(role as Role)) return undefined
      const iatMs = typeof payload.iat_ms === 'number' ? payload.iat_ms : payload.iat! * 1000
      return { user: { id: payload.sub, role: role as Role }, expMs: payload.exp! * 1000, iatMs }
    } catch (err) {
      if (err instanceof joseErrors.JOSEError || err instanceof TypeError) return undefined
      throw err
    }
  }
}

/** An opaque refresh token; only its SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
