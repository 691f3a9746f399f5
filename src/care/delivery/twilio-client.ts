import twilio from 'twilio'
import type RequestClient from 'twilio/lib/base/RequestClient.js'
import { DeliveryError } from './channel.js'

const TWILIO_API = 'https://api.twilio.com'

export interface TwilioOptions {
  accountSid: string
  authToken: string
  /** The number messages and calls come from. */
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

/** The official Twilio client for these credentials (one per channel). */
export function twilioClient(opts: TwilioOptions): twilio.Twilio {
  return twilio(opts.accountSid, opts.authToken, {
    httpClient: opts.apiBaseUrl ? new RebasedRequestClient(opts.apiBaseUrl) : undefined,
  })
}

/** Twilio's 4xx (an invalid or unreachable number) will not change on a retry; 429 and 5xx may. */
export function twilioError(err: unknown): DeliveryError {
  const e = err as { status?: number; code?: number | string }
  const permanent = typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.status !== 429
  return new DeliveryError(`Twilio ${e.status ?? ''} ${e.code ?? 'error'}`.replace(/\s+/g, ' '), permanent)
}
