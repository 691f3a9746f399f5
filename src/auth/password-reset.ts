import nodemailer, { type Transporter } from 'nodemailer'
import { badRequest, tooManyRequests, ValidationError } from '../../core/errors.js'
import { newId } from '../../core/ids.js'
import type { Logger } from '../logger.js'
import type { AuthDb } from './auth-db.js'
import { normaliseEmail } from './auth-service.js'
import { LoginThrottle } from './login-throttle.js'
import { hashPassword, passwordWeakness } from './passwords.js'
import { hashToken, newRefreshToken, type TokenService } from './tokens.js'

/** How long a reset token works. */
export const RESET_TOKEN_TTL_MS = 15 * 60_000

export interface PasswordResetDeps {
  db: AuthDb
  tokens: TokenService
  logger: Logger
  now: () => Date
  /** The SMTP server caregivers' e-mail goes through (SMTP_URL); without it nothing is sent. */
  smtpUrl?: string
  from: string
  /** Where the web app is served (PUBLIC_URL), for a link; without it the e-mail gives the code. */
  publicUrl?: string
}

const INVALID = 'This reset code is not valid: it may have expired (15 minutes) or been used; ask for a new one'

/**
 * "Forgot my password" by e-mail. Asking always gets the same answer, at once, whether or not
 * the address has an account (the lookup and the e-mail happen after the answer), and asking is
 * rationed per address and per IP. The e-mail carries a random single-use token valid for 15
 * minutes, of which only the hash is stored; a newer request voids the older tokens. Resetting
 * sets the password and signs the account out everywhere (every refresh token revoked, access
 * tokens issued before refused).
 */
export class PasswordReset {
  private readonly transport: Transporter | undefined
  private readonly requests: LoginThrottle
  private readonly attempts: LoginThrottle
  private readonly inflight = new Set<Promise<void>>()

  constructor(private readonly deps: PasswordResetDeps) {
    this.transport = deps.smtpUrl ? nodemailer.createTransport(deps.smtpUrl) : undefined
    const clock = () => deps.now().getTime()
    // Each request counts: 3 an hour for one address from one IP, 5 for an address, 20 per IP.
    this.requests = new LoginThrottle({ perAccountAndIp: 3, perAccount: 5, perIp: 20, windowMs: 3_600_000 }, clock)
    // Wrong codes: a 256-bit token cannot be guessed, but a flood of tries is still refused.
    this.attempts = new LoginThrottle({ perAccountAndIp: 20, perAccount: 1_000_000, perIp: 20, windowMs: 15 * 60_000 }, clock)
  }

  /** Answers at once; the e-mail (if the account exists) is sent afterwards. */
  request(email: string, ip: string): void {
    const address = normaliseEmail(email)
    const wait = this.requests.retryAfter(address, ip)
    if (wait > 0) throw tooManyRequests(wait, 'Too many reset requests, try again later')
    this.requests.recordFailure(address, ip)
    const work: Promise<void> = this.send(address)
      .catch((err) => this.deps.logger.error({ err }, 'password reset e-mail could not be sent'))
      .finally(() => this.inflight.delete(work))
    this.inflight.add(work)
  }

  /** Sets the new password if the token is valid, and ends every session of the account. */
  async reset(token: string, password: string, ip: string): Promise<void> {
    const wait = this.attempts.retryAfter('reset', ip)
    if (wait > 0) throw tooManyRequests(wait)
    const { db, now } = this.deps
    const at = now()
    const row = await db
      .selectFrom('password_reset_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.user_id', 't.expires_at', 't.used_at', 'u.email', 'u.name'])
      .where('t.token_hash', '=', hashToken(token))
      .executeTakeFirst()
    if (!row || row.used_at || new Date(row.expires_at) <= at) {
      this.attempts.recordFailure('reset', ip)
      throw badRequest(INVALID)
    }
    const weakness = passwordWeakness(password, [row.email.split('@')[0] ?? '', row.name])
    if (weakness) throw new ValidationError(`Password ${weakness}`, [{ path: 'password', message: weakness, code: 'weak_password' }])
    const passwordHash = await hashPassword(password)
    const spent = await db.transaction().execute(async (trx) => {
      // Spent in the same statement that checks it is unspent: two resets racing, one wins.
      const used = await trx
        .updateTable('password_reset_tokens')
        .set({ used_at: at.toISOString() })
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .executeTakeFirst()
      if (Number(used.numUpdatedRows) !== 1) return false
      await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: at.toISOString() }).where('id', '=', row.user_id).execute()
      await trx
        .updateTable('refresh_tokens')
        .set({ revoked_at: at.toISOString(), revoked_reason: 'password_reset' })
        .where('user_id', '=', row.user_id)
        .where('revoked_at', 'is', null)
        .execute()
      await trx.deleteFrom('password_reset_tokens').where('user_id', '=', row.user_id).where('id', '!=', row.id).execute()
      return true
    })
    if (!spent) throw badRequest(INVALID)
    this.deps.tokens.revokeIssuedBefore(row.user_id, new Date())
    this.deps.logger.info({ user_id: row.user_id }, 'password reset; every session signed out')
  }

  /** Resolves once the e-mails asked for so far were handed to SMTP (or failed). */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.all(this.inflight)
  }

  async close(): Promise<void> {
    await this.idle()
    this.transport?.close()
  }

  private async send(email: string): Promise<void> {
    const { db, now, logger } = this.deps
    const user = await db.selectFrom('users').select(['id', 'name', 'email']).where('email', '=', email).executeTakeFirst()
    if (!user) return
    if (!this.transport) {
      logger.warn({ user_id: user.id }, 'password reset asked for, but SMTP_URL is not set: no e-mail can be sent')
      return
    }
    const { token, hash } = newRefreshToken()
    const at = now()
    const expires = new Date(at.getTime() + RESET_TOKEN_TTL_MS)
    await db.transaction().execute(async (trx) => {
      // Only the newest request's code works.
      await trx.deleteFrom('password_reset_tokens').where('user_id', '=', user.id).where('used_at', 'is', null).execute()
      await trx
        .insertInto('password_reset_tokens')
        .values({ id: newId(), user_id: user.id, token_hash: hash, created_at: at.toISOString(), expires_at: expires.toISOString(), used_at: null })
        .execute()
    })
    const message = resetEmail(user.name, token, this.deps.publicUrl)
    await this.transport.sendMail({ from: this.deps.from, to: { name: user.name, address: user.email }, ...message })
  }
}

/** The e-mail: the code (and a link when the app's address is known), its 15 minutes, what to do if it was not you. */
export function resetEmail(name: string, token: string, publicUrl?: string): { subject: string; text: string; html: string } {
  // In the fragment, so the code never reaches a server log or a Referer header.
  const link = publicUrl ? `${publicUrl.replace(/\/$/, '')}/reset-password#token=${token}` : undefined
  const lines = [
    `Hello ${name},`,
    '',
    'Someone asked to reset the password of your Podd account. If it was you,',
    link ? `open this link within 15 minutes to choose a new password:\n\n${link}\n\nor enter this code in the app:` : 'enter this code in the app within 15 minutes:',
    '',
    token,
    '',
    'The code works once. Choosing a new password signs you out on every device.',
    'If you did not ask, ignore this e-mail: your password stays as it is.',
  ]
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  const html =
    `<p>Hello ${escape(name)},</p><p>Someone asked to reset the password of your Podd account. If it was you, ` +
    (link ? `<a href="${escape(link)}">choose a new password</a> within 15 minutes, or enter this code in the app:` : 'enter this code in the app within 15 minutes:') +
    `</p><p style="font-family:monospace;font-size:16px">${escape(token)}</p>` +
    '<p>The code works once. Choosing a new password signs you out on every device.</p>' +
    '<p>If you did not ask, ignore this e-mail: your password stays as it is.</p>'
  return { subject: 'Reset your Podd password', text: lines.join('\n'), html }
}
