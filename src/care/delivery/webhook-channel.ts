import { createHmac } from 'node:crypto'
import { DeliveryError, type Channel, type DeliveryMessage, type Recipient, type SendOutcome } from './channel.js'

const SIGNATURE_HEADER = 'X-Podd-Signature'
const TIMESTAMP_HEADER = 'X-Podd-Timestamp'

/** `sha256=<hex>`: HMAC-SHA256 of the raw request body with WEBHOOK_SIGNING_SECRET. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/**
 * A signed JSON POST to the caregiver's webhook_url. The body carries `sent_at` and the
 * delivery id, so the signature also covers them and a receiver can refuse replays. Redirects
 * are not followed: the URL was checked when it was saved, a redirect target was not.
 */
export class WebhookChannel implements Channel {
  readonly name = 'webhook' as const

  constructor(
    private readonly secret: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(to: Recipient, message: DeliveryMessage, delivery: { id: string; now: Date }): Promise<SendOutcome> {
    if (!to.webhook_url) throw new DeliveryError('no webhook URL', true)
    const sentAt = delivery.now.toISOString()
    const body = JSON.stringify({ delivery_id: delivery.id, type: message.kind, sent_at: sentAt, ...message.data })
    let res: Response
    try {
      res = await fetch(to.webhook_url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Podd-Webhook/1',
          [SIGNATURE_HEADER]: signWebhookBody(this.secret, body),
          [TIMESTAMP_HEADER]: String(Math.floor(delivery.now.getTime() / 1000)),
          'X-Podd-Delivery': delivery.id,
        },
      })
    } catch (err) {
      const e = err as { name?: string; cause?: { code?: string } }
      throw new DeliveryError(`webhook ${e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? 'network error')}`)
    }
    await res.body?.cancel()
    if (res.ok) return 'sent'
    // A receiver that refuses the request will refuse it again; 408 and 429 ask for a retry.
    const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429
    throw new DeliveryError(`webhook HTTP ${res.status}`, permanent)
  }
}
