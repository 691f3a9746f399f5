import nodemailer, { type Transporter } from 'nodemailer'
import { DeliveryError, type Channel, type DeliveryMessage, type Recipient, type SendOutcome } from './channel.js'

/** E-mail through the configured SMTP server (SMTP_URL), HTML with a plain-text alternative. */
export class EmailChannel implements Channel {
  readonly name = 'email' as const
  private readonly transport: Transporter

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl)
  }

  async send(to: Recipient, message: DeliveryMessage, delivery: { id: string }): Promise<SendOutcome> {
    if (!to.email) throw new DeliveryError('no e-mail address', true)
    try {
      await this.transport.sendMail({
        from: this.from,
        to: { name: to.name, address: to.email },
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'X-Podd-Delivery': delivery.id },
      })
      return 'sent'
    } catch (err) {
      throw smtpError(err)
    }
  }

  close(): void {
    this.transport.close()
  }
}

/** SMTP 5xx refuses for good (no such mailbox); anything else may pass on a later try. */
function smtpError(err: unknown): DeliveryError {
  const e = err as { responseCode?: number; code?: string }
  if (typeof e.responseCode === 'number') return new DeliveryError(`SMTP ${e.responseCode}`, e.responseCode >= 500)
  return new DeliveryError(`SMTP ${e.code ?? 'error'}`)
}
