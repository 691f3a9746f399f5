import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClock } from '../../test/fakes/care-fixtures.js'
import { startSmtpInbox, type SmtpInbox } from '../../test/fakes/smtp-inbox.js'
import { createTestApp, registerUser, type TestApp } from '../../test/helpers.js'
import { authRowsContaining } from '../../test/raw-scan.js'

type Json = Record<string, any>
const NEW_PASSWORD = 'tamarind rain on tuesday 7'

describe('password reset by e-mail (real SMTP server)', () => {
  let t: TestApp
  let inbox: SmtpInbox
  const clock = new TestClock(new Date('2025-03-10T04:00:00.000Z'))
  let ip = 0

  beforeAll(async () => {
    inbox = await startSmtpInbox()
    t = await createTestApp({ SMTP_URL: inbox.url, PUBLIC_URL: 'https://app.podd.example', TRUST_PROXY: 'true' }, { now: clock.now })
  })
  afterAll(async () => {
    await t?.close()
    await inbox?.close()
  })

  /** Each test asks from its own address, so the per-IP ration of one test does not meet another's. */
  const forgot = (email: string, from = `10.0.0.${++ip}`) =>
    t.request('/api/v1/auth/password/forgot', { method: 'POST', json: { email }, headers: { 'x-forwarded-for': from } })
  const reset = (token: string, password: string) => t.request('/api/v1/auth/password/reset', { method: 'POST', json: { token, password } })
  const login = (email: string, password: string) => t.request('/api/v1/auth/login', { method: 'POST', json: { email, password } })
  const codeIn = (text: string) => /^([A-Za-z0-9_-]{43})$/m.exec(text)![1]!

  async function mailFor(email: string): Promise<string> {
    await t.services.passwordReset.idle()
    const mail = inbox.messages.findLast((m) => m.envelopeTo.includes(email))
    expect(mail, `an e-mail to ${email}`).toBeDefined()
    return mail!.text!
  }

  it('Should answer every address alike, and e-mail a single-use code only to an account', async () => {
    const user = await registerUser(t, 'patient', 'Asha')
    const before = inbox.messages.length
    const known = await forgot(user.email.toUpperCase())
    const unknown = await forgot(`nobody-${Date.now()}@example.com`)
    expect(known.status).toBe(202)
    expect(unknown.status).toBe(202)
    expect(await known.json()).toEqual(await unknown.json())
    await t.services.passwordReset.idle()
    expect(inbox.messages.length).toBe(before + 1)
    const mail = inbox.messages.at(-1)!
    expect(mail.envelopeTo).toEqual([user.email])
    expect(mail.subject).toBe('Reset your Podd password')
    const code = codeIn(mail.text!)
    expect(mail.text).toContain(`https://app.podd.example/reset-password#token=${code}`)
    expect(mail.text).toContain('within 15 minutes')
    // Only the code's hash is stored.
    expect(await authRowsContaining(t.services.authDb, [code])).toEqual([])
  })

  it('Should set the new password and sign the account out everywhere', async () => {
    const user = await registerUser(t, 'patient', 'Ravi')
    await forgot(user.email)
    const code = codeIn(await mailFor(user.email))
    const weak = await reset(code, 'password123')
    expect(weak.status).toBe(400)
    expect(((await weak.json()) as Json).error.code).toBe('VALIDATION_ERROR')
    // A weak password does not spend the code.
    expect((await reset(code, NEW_PASSWORD)).status).toBe(204)

    expect((await t.request('/api/v1/auth/refresh', { method: 'POST', json: { refresh_token: user.refresh_token } })).status).toBe(401)
    expect((await t.request('/api/v1/auth/me', { token: user.access_token })).status).toBe(401)
    expect((await login(user.email, user.password)).status).toBe(401)
    const fresh = await login(user.email, NEW_PASSWORD)
    expect(fresh.status).toBe(200)
    expect((await t.request('/api/v1/auth/me', { token: ((await fresh.json()) as Json).access_token })).status).toBe(200)
    // Spent.
    expect((await reset(code, 'another long passphrase 9')).status).toBe(400)
  })

  it('Should refuse an expired code, a replaced code and a made-up one', async () => {
    const user = await registerUser(t, 'caregiver', 'Meena')
    await forgot(user.email)
    const first = codeIn(await mailFor(user.email))
    clock.advance(16 * 60_000)
    const expired = await reset(first, NEW_PASSWORD)
    expect(expired.status).toBe(400)
    expect(((await expired.json()) as Json).error.message).toMatch(/expired/)

    await forgot(user.email)
    const second = codeIn(await mailFor(user.email))
    await forgot(user.email)
    const third = codeIn(await mailFor(user.email))
    expect((await reset(second, NEW_PASSWORD)).status).toBe(400)
    expect((await reset('A'.repeat(43), NEW_PASSWORD)).status).toBe(400)
    expect((await reset('short', NEW_PASSWORD)).status).toBe(400)
    expect((await reset(third, NEW_PASSWORD)).status).toBe(204)
  })

  it('Should ration requests per address and per IP, the same for addresses without an account', async () => {
    const user = await registerUser(t, 'patient', 'Kiran')
    const from = '10.9.9.9'
    for (let i = 0; i < 3; i++) expect((await forgot(user.email, from)).status).toBe(202)
    const limited = await forgot(user.email, from)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    const ghost = `ghost-${Date.now()}@example.com`
    for (let i = 0; i < 3; i++) expect((await forgot(ghost, from)).status).toBe(202)
    expect((await forgot(ghost, from)).status).toBe(429)
    expect((await t.request('/api/v1/auth/password/forgot', { method: 'POST', json: {} })).status).toBe(400)
  })

  it('Should still answer 202 when the mail server refuses, and log it without the address', async () => {
    const user = await registerUser(t, 'patient', 'Devi')
    await t.services.passwordReset.idle()
    const before = inbox.messages.length
    inbox.rejectNext(451)
    expect((await forgot(user.email)).status).toBe(202)
    await t.services.passwordReset.idle()
    expect(inbox.messages.length).toBe(before)
  })
})
