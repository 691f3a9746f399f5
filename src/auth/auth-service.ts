import type { AuthUser, Role } from './auth-user.js'
import { ValidationError, conflict, forbidden, tooManyRequests, unauthorized } from '../../core/errors.js'
import { newId } from '../../core/ids.js'
import type { AuthDb, UsersTable } from './auth-db.js'
import type { LoginThrottle } from './login-throttle.js'
import { burnVerifyTime, hashPassword, passwordWeakness, verifyPassword } from './passwords.js'
import { hashToken, newRefreshToken, type TokenService } from './tokens.js'

export interface PublicUser {
  id: string
  email: string
  name: string
  role: Role
}

export interface TokenPair {
  user: PublicUser
  access_token: string
  refresh_token: string
  token_type: 'Bearer'
  expires_in: number
}

const INVALID_CREDENTIALS = 'Invalid e-mail or password'
const INVALID_REFRESH = 'Invalid or expired refresh token'
/** How long a rotated refresh token still yields its successor (the pattern Auth0 and Okta document). */
export const REFRESH_GRACE_MS = 20_000

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

function toPublic(u: Pick<UsersTable, 'id' | 'email' | 'name' | 'role'>): PublicUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role }
}

/** Accounts, passwords and the refresh-token families; all of it lives in SQLite. */
export class AuthService {
  constructor(
    private readonly db: AuthDb,
    private readonly tokens: TokenService,
    private readonly throttles: { logins: LoginThrottle; registrations: LoginThrottle },
    private readonly refreshTtlDays: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async register(input: { email: string; password: string; name: string; role: 'patient' | 'caregiver' }, ip: string): Promise<TokenPair> {
    const email = normaliseEmail(input.email)
    // Every attempt counts, made or refused: one address cannot mint accounts (or probe which
    // e-mails exist) without limit.
    const wait = this.throttles.registrations.retryAfter(email, ip)
    if (wait > 0) throw tooManyRequests(wait, 'Too many registrations from this address, try again later')
    this.throttles.registrations.recordFailure(email, ip)
    const weakness = passwordWeakness(input.password, [email.split('@')[0] ?? '', input.name])
    if (weakness) {
      throw new ValidationError(`Password ${weakness}`, [{ path: 'password', message: weakness, code: 'weak_password' }])
    }
    const existing = await this.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
    if (existing) throw conflict('An account with this e-mail already exists')
    const ts = this.now().toISOString()
    const user: UsersTable = {
      id: newId(),
      email,
      name: input.name.trim(),
      role: input.role,
      password_hash: await hashPassword(input.password),
      created_at: ts,
      updated_at: ts,
    }
    try {
      await this.db.insertInto('users').values(user).execute()
    } catch (err) {
      // Two registrations racing for one e-mail: the unique index decides.
      if (String(err).includes('UNIQUE')) throw conflict('An account with this e-mail already exists')
      throw err
    }
    return this.issuePair(user, newId())
  }

  async login(input: { email: string; password: string }, ip: string): Promise<TokenPair> {
    const email = normaliseEmail(input.email)
    const wait = this.throttles.logins.retryAfter(email, ip)
    if (wait > 0) throw tooManyRequests(wait)
    const user = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
    const ok = user ? await verifyPassword(user.password_hash, input.password) : (await burnVerifyTime(input.password), false)
    if (!user || !ok) {
      this.throttles.logins.recordFailure(email, ip)
      throw unauthorized(INVALID_CREDENTIALS)
    }
    this.throttles.logins.recordSuccess(email, ip)
    return this.issuePair(user, newId())
  }

  /**
   * Rotates a refresh token. A token refreshed again within REFRESH_GRACE_SECONDS of its
   * rotation (two tabs, a retried request) gets the same successor, as long as that is unused.
   * Otherwise a token that was already rotated or revoked is a sign of theft: the whole family
   * is revoked, so the thief's newer tokens die with it.
   */
  async refresh(token: string): Promise<TokenPair> {
    const hash = hashToken(token)
    const now = this.now()
    const result = await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst()
      if (!row) return { kind: 'invalid' as const }
      if (row.revoked_at) {
        if (row.revoked_reason === 'rotated' && now.getTime() - Date.parse(row.revoked_at) <= REFRESH_GRACE_MS) {
          const successor = this.tokens.successorRefreshToken(token)
          const live = await trx
            .selectFrom('refresh_tokens')
            .select('id')
            .where('id', '=', row.replaced_by)
            .where('token_hash', '=', successor.hash)
            .where('revoked_at', 'is', null)
            .executeTakeFirst()
          const user = live && (await trx.selectFrom('users').selectAll().where('id', '=', row.user_id).executeTakeFirst())
          if (user) return { kind: 'ok' as const, user, token: successor.token }
        }
        if (row.revoked_reason === 'rotated') {
          await trx
            .updateTable('refresh_tokens')
            .set({ revoked_at: now.toISOString(), revoked_reason: 'reuse_detected' })
            .where('family_id', '=', row.family_id)
            .where('revoked_at', 'is', null)
            .execute()
        }
        return { kind: 'invalid' as const }
      }
      if (new Date(row.expires_at) <= now) return { kind: 'invalid' as const }
      const user = await trx.selectFrom('users').selectAll().where('id', '=', row.user_id).executeTakeFirst()
      if (!user) return { kind: 'invalid' as const }
      const next = this.tokens.successorRefreshToken(token)
      const nextId = newId()
      const updated = await trx
        .updateTable('refresh_tokens')
        .set({ revoked_at: now.toISOString(), revoked_reason: 'rotated', replaced_by: nextId })
        .where('id', '=', row.id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) !== 1) return { kind: 'invalid' as const }
      await trx.insertInto('refresh_tokens').values(this.refreshRow(nextId, user.id, row.family_id, next.hash)).execute()
      return { kind: 'ok' as const, user, token: next.token }
    })
    if (result.kind !== 'ok') throw unauthorized(INVALID_REFRESH)
    return this.pair(result.user, result.token)
  }

  /** Revokes one refresh token. Unknown or already revoked tokens are ignored: logout is idempotent. */
  async logout(token: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: this.now().toISOString(), revoked_reason: 'logout' })
      .where('token_hash', '=', hashToken(token))
      .where('revoked_at', 'is', null)
      .execute()
  }

  /**
   * Checks the signed-in account's password again before something that cannot be undone
   * (erasing the account). Wrong passwords count against the same throttle as logins.
   */
  async confirmPassword(userId: string, password: string, ip: string): Promise<PublicUser> {
    const user = await this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst()
    if (!user) throw unauthorized('This account no longer exists')
    const wait = this.throttles.logins.retryAfter(user.email, ip)
    if (wait > 0) throw tooManyRequests(wait)
    if (!(await verifyPassword(user.password_hash, password))) {
      this.throttles.logins.recordFailure(user.email, ip)
      throw forbidden('The password is not right')
    }
    return toPublic(user)
  }

  async getUser(id: string): Promise<PublicUser | undefined> {
    const user = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role'])
      .where('id', '=', id)
      .executeTakeFirst()
    return user ? toPublic(user) : undefined
  }

  private async issuePair(user: UsersTable, familyId: string): Promise<TokenPair> {
    const refresh = newRefreshToken()
    await this.db.insertInto('refresh_tokens').values(this.refreshRow(newId(), user.id, familyId, refresh.hash)).execute()
    return this.pair(user, refresh.token)
  }

  private refreshRow(id: string, userId: string, familyId: string, tokenHash: string) {
    const now = this.now()
    return {
      id,
      user_id: userId,
      family_id: familyId,
      token_hash: tokenHash,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.refreshTtlDays * 86_400_000).toISOString(),
      revoked_at: null,
      revoked_reason: null,
      replaced_by: null,
    }
  }

  private async pair(user: Pick<UsersTable, 'id' | 'email' | 'name' | 'role'>, refreshToken: string): Promise<TokenPair> {
    const authUser: AuthUser = { id: user.id, role: user.role }
    return {
      user: toPublic(user),
      access_token: await this.tokens.issueAccessToken(authUser),
      refresh_token: refreshToken,
      token_type: 'Bearer',
      expires_in: this.tokens.accessTtlSeconds,
    }
  }
}
