import type { AlertTier } from '../../../memory/event-kinds.js'
import type { DeliveryChannel } from '../care-tables.js'

/** One alert or summary, rendered once for one caregiver in every form a channel needs. */
export interface DeliveryMessage {
  kind: 'alert' | 'summary'
  tier?: AlertTier
  subject: string
  text: string
  html: string
  /** Short enough for one or two SMS segments. */
  sms: string
  /** What a webhook receives and a socket is pushed: the event as the API shows it, and whose it is. */
  data: Record<string, unknown>
}

/** Where a caregiver is reached, from their preferences. */
export interface Recipient {
  id: string
  name: string
  email: string | null
  phone: string | null
  webhook_url: string | null
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
