import type twilio from 'twilio'
import { DeliveryError, type Channel, type DeliveryMessage, type Recipient, type SendOutcome } from './channel.js'
import { twilioClient, twilioError, type TwilioOptions } from './twilio-client.js'

export type SmsOptions = TwilioOptions

/** SMS through Twilio's Messages API, when TWILIO_ACCOUNT_SID, _AUTH_TOKEN and _FROM_NUMBER are set. */
export class SmsChannel implements Channel {
  readonly name = 'sms' as const
  private readonly client: twilio.Twilio

  constructor(private readonly opts: SmsOptions) {
    this.client = twilioClient(opts)
  }

  async send(to: Recipient, message: DeliveryMessage): Promise<SendOutcome> {
    if (!to.phone) throw new DeliveryError('no phone number', true)
    try {
      await this.client.messages.create({ to: to.phone, from: this.opts.from, body: message.sms })
      return 'sent'
    } catch (err) {
      throw twilioError(err)
    }
  }
}
