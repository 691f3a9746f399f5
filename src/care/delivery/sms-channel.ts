import twilio from 'twilio'
import type RequestClient from 'twilio/lib/base/RequestClient.js'
import { DeliveryError, type Channel, type DeliveryMessage, type Recipient, type SendOutcome } from './channel.js'

const TWILIO_API = 'https://api.twilio.com'

export interface SmsOptions {
  accountSid: string
  authToken: string
  from: string
  /** Another base URL for the Twilio REST API (tests point the real SDK at a local fake). */
  apiBaseUrl?: string
}

/** The SDK's own HTTP client, sending what it would send to api.twilio.com to another base URL. */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super({ timeout: 10_000 })
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    if (!opts.uri.startsWith(TWILIO_API)) return super.request(opts)
    return super.request({ ...opts, uri: this.base.replace(/\/$/, '') + opts.uri.slice(TWILIO_API.length) })
  }
}

/** SMS through Twilio's Messages API, when TWILIO_ACCOUNT_SID, _AUTH_TOKEN and _FROM_NUMBER are set. */
export class SmsChannel implements Channel {
  readonly name = 'sms' as const
  private readonly client: twilio.Twilio

  constructor(private readonly opts: SmsOptions) {
    this.client = twilio(opts.accountSid, opts.authToken, {
      httpClient: opts.apiBaseUrl ? new RebasedRequestClient(opts.apiBaseUrl) : undefined,
    })
  }

  async send(to: Recipient, message: DeliveryMessage): Promise<SendOutcome> {
    if (!to.phone) throw new DeliveryError('no phone number', true)
    try {
      await this.client.messages.create({ to: to.phone, from: this.opts.from, body: message.sms })
      return 'sent'
    } catch (err) {
      const e = err as { status?: number; code?: number | string }
      // Twilio's 4xx (an invalid or unreachable number) will not change on a retry; 429 and 5xx may.
      const permanent = typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.status !== 429
      throw new DeliveryError(`Twilio ${e.status ?? ''} ${e.code ?? 'error'}`.replace(/\s+/g, ' '), permanent)
    }
  }
}
