import type { Agent } from 'node:https'
import webpush from 'web-push'
import type { PushSubscriptions } from '../push/push-subscriptions.js'
import type { VapidKeys } from '../push/vapid-keys.js'
import { DeliveryError, type Channel, type DeliveryMessage, type Recipient, type SendOutcome } from './channel.js'

/** Push services take at most 4 KB of payload; the encryption adds about 100 bytes. */
const MAX_PAYLOAD = 3_800

export interface PushChannelOptions {
  /** An HTTPS agent (tests trust a local push service's certificate with it). */
  agent?: Agent
  timeoutMs?: number
}

/**
 * Web Push (RFC 8030) to every browser the recipient subscribed, through the `web-push` client:
 * the payload is encrypted for each subscription (RFC 8291) and signed for with VAPID. A
 * subscription the push service calls gone (404/410) is forgotten; the send succeeds when any
 * device took it.
 */
export class PushChannel implements Channel {
  readonly name = 'push' as const

  constructor(
    private readonly subscriptions: PushSubscriptions,
    private readonly vapid: VapidKeys,
    private readonly opts: PushChannelOptions = {},
  ) {}

  async send(to: Recipient, message: DeliveryMessage): Promise<SendOutcome> {
    const subs = await this.subscriptions.forUser(to.id)
    if (subs.length === 0) throw new DeliveryError('no push subscription', true)
    const { urgency, ttl_seconds, ...shown } = message.push
    let payload = JSON.stringify(shown)
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ ...shown, body: `${shown.body.slice(0, 500)}…` })
    const options = {
      vapidDetails: this.vapid,
      TTL: ttl_seconds,
      urgency,
      agent: this.opts.agent,
      timeout: this.opts.timeoutMs ?? 10_000,
    }
    let sent = 0
    let gone = 0
    let failure: DeliveryError | undefined
    for (const sub of subs) {
      try {
        await webpush.sendNotification({ endpoint: sub.endpoint, keys: sub.keys }, payload, options)
        sent++
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode
        if (status === 404 || status === 410) {
          await this.subscriptions.forget(sub.endpoint)
          gone++
        } else {
          const permanent = status !== undefined && status >= 400 && status < 500 && status !== 429
          failure = new DeliveryError(status ? `push HTTP ${status}` : 'push network error', permanent)
        }
      }
    }
    if (sent > 0) return 'sent'
    if (gone === subs.length) throw new DeliveryError('push subscriptions expired', true)
    throw failure!
  }
}
