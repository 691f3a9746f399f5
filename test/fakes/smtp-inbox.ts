import type { AddressInfo } from 'node:net'
import PostalMime, { type Email } from 'postal-mime'
import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server (smtp-server) on a random local port that keeps every message it accepts,
 * parsed with postal-mime, for driving nodemailer in tests. `rejectNext(code)` refuses the next
 * messages with an SMTP reply code.
 */
export interface SmtpInbox {
  url: string
  messages: (Email & { envelopeTo: string[] })[]
  /** Refuses the next `count` messages at DATA with this reply code (e.g. 451, 550). */
  rejectNext(code: number, count?: number): void
  /** Resolves once `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const messages: SmtpInbox['messages'] = []
  const rejections: number[] = []
  const waiters: (() => void)[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const code = rejections.shift()
        if (code) return callback(Object.assign(new Error('refused by the test'), { responseCode: code }))
        PostalMime.parse(Buffer.concat(chunks)).then(
          (email) => {
            messages.push({ ...email, envelopeTo: session.envelope.rcptTo.map((r) => r.address) })
            waiters.splice(0).forEach((w) => w())
            callback()
          },
          (err: Error) => callback(err),
        )
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    rejectNext: (code, count = 1) => void rejections.push(...Array(count).fill(code)),
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} e-mails, got ${messages.length}`)
        await new Promise<void>((r) => {
          waiters.push(r)
          setTimeout(r, 100)
        })
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
