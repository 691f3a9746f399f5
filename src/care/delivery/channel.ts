import type { AlertTier } from '../../../memory/event-kinds.js'
import type { DeliveryChannel } from '../care-tables.js'

/** What a Web Push message carries to the browser's service worker (encrypted end to end). */
export interface PushPayload {
  title: string
  body: string
  /** Replaces an earlier notification with the same tag on the device. */
  tag: string
  /** For the service worker: ids, kind and the actions it can answer with. */
  data: Record<string, unknown>
  actions?: { action: string; title: string }[]
  urgency: 'very-low' | 'low' | 'normal' | 'high'
  /** How long the push service may hold it for an offline device; stale reminders are worse than none. */
  ttl_seconds: number
}

/** One alert, summary or reminder, rendered once for one recipient in every form a channel needs. */
export interface DeliveryMessage {
  kind: 'alert' | 'summary' | 'reminder'
  tier?: AlertTier
  subject: string
  text: string
  html: string
  /** Short enough for one or two SMS segments. */
  sms: string
  /** What a webhook receives and a socket is pushed: the event as the API shows it, and whose it is. */
  data: Record<string, unknown>
  push: PushPayload
  /** What a phone call says (TwiML <Say>), in `language`; only emergencies are called. */
  voice?: { text: string; language: string }
}

/** Where a recipient (a caregiver, the patient, an emergency contact) is reached. */
export interface Recipient {
  id: string
  name: string
  email: string | null
  phone: string | null
  webhook_url: string | null
  /** BCP-47; what the message was written in. */
  language?: string
}

/** sent: handed to the provider; waiting: stored for the caregiver's next connection (in-app). */
export type SendOutcome = 'sent' | 'waiting'

export interface Channel {
  readonly name: DeliveryChannel
  send(to: Recipient, message: DeliveryMessage, delivery: { id: string; now: Date }): Promise<SendOutcome>
  close?(): Promise<void> | void
}

/**
 * A failed send. The message is stored and shown in the patient's audit, so it names the
 * provider's status or error code and never an address, a token or the message itself.
 */
export class DeliveryError extends Error {
  override name = 'DeliveryError'
  constructor(
    message: string,
    /** Retrying cannot help (a refused address, a 4xx from the receiver). */
    readonly permanent = false,
  ) {
    super(message)
  }
}
