import { createHmac } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import { DeliveryError, type Channel, type DeliveryMessage, type Recipient, type SendOutcome } from './channel.js'
import { guardedLookup, isAllowListed, OPEN_INTERNET, webhookUrlProblem, type Resolver, type WebhookTargetPolicy } from './webhook-target.js'

const SIGNATURE_HEADER = 'X-Podd-Signature'
const TIMESTAMP_HEADER = 'X-Podd-Timestamp'

/** `sha256=<hex>`: HMAC-SHA256 of the raw request body with WEBHOOK_SIGNING_SECRET. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/**
 * A signed JSON POST to the caregiver's webhook_url. The body carries `sent_at` and the
 * delivery id, so the signature also covers them and a receiver can refuse replays. Redirects
 * are not followed, and the URL is checked again before every delivery, on the addresses its
 * name resolves to at that moment (webhook-target.ts).
 */
export class WebhookChannel implements Channel {
  readonly name = 'webhook' as const

  constructor(
    private readonly secret: string,
    private readonly policy: WebhookTargetPolicy = OPEN_INTERNET,
    private readonly opts: { timeoutMs?: number; resolve?: Resolver } = {},
  ) {}

  async send(to: Recipient, message: DeliveryMessage, delivery: { id: string; now: Date }): Promise<SendOutcome> {
    if (!to.webhook_url) throw new DeliveryError('no webhook URL', true)
    const problem = webhookUrlProblem(to.webhook_url, this.policy)
    if (problem) throw new DeliveryError('webhook URL not allowed', true)
    const sentAt = delivery.now.toISOString()
    const body = JSON.stringify({ delivery_id: delivery.id, type: message.kind, sent_at: sentAt, ...message.data })
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Podd-Webhook/1',
      [SIGNATURE_HEADER]: signWebhookBody(this.secret, body),
      [TIMESTAMP_HEADER]: String(Math.floor(delivery.now.getTime() / 1000)),
      'X-Podd-Delivery': delivery.id,
    }
    const lookup = isAllowListed(to.webhook_url, this.policy) ? undefined : guardedLookup(this.opts.resolve)
    let status: number
    try {
      status = await post(new URL(to.webhook_url), body, headers, { timeoutMs: this.opts.timeoutMs ?? 10_000, lookup })
    } catch (err) {
      const code = (err as { code?: string }).code
      // A name that now resolves inside the network will not be delivered to by retrying.
      if (code === 'ENONPUBLIC') throw new DeliveryError('webhook host resolves to a non-public address', true)
      throw new DeliveryError(`webhook ${code === 'ETIMEDOUT' ? 'timeout' : (code ?? 'network error')}`)
    }
    if (status >= 200 && status < 300) return 'sent'
    // A receiver that refuses the request will refuse it again; 408 and 429 ask for a retry.
    const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429
    throw new DeliveryError(`webhook HTTP ${status}`, permanent)
  }
}

/** One POST through node:http(s), so the connection uses our lookup; resolves with the status. */
function post(
  url: URL,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; lookup?: ReturnType<typeof guardedLookup> },
): Promise<number> {
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, lookup: opts.lookup as never },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.setTimeout(opts.timeoutMs, () => req.destroy(Object.assign(new Error('webhook timeout'), { code: 'ETIMEDOUT' })))
    req.on('error', reject)
    req.end(body)
  })
}
