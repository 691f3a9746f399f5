import type twilio from 'twilio'
import { DeliveryError, type Channel, type DeliveryMessage, type Recipient, type SendOutcome } from './channel.js'
import { twilioClient, twilioError, type TwilioOptions } from './twilio-client.js'

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)

/**
 * The voice for each language Podd writes calls in: Polly's Aditi speaks Hindi and Indian
 * English (an invalid voice and language pair fails the <Say>). Others are Indian English.
 */
const SAY_VOICES: Record<string, string> = { 'en-IN': 'Polly.Aditi', 'hi-IN': 'Polly.Aditi' }

/**
 * The TwiML of an emergency call: the alert said twice, a pause between, so someone who picks
 * up mid-sentence still hears all of it.
 */
export function sayTwiml(text: string, language: string): string {
  const lang = SAY_VOICES[language] ? language : 'en-IN'
  const say = `<Say voice="${SAY_VOICES[lang]}" language="${lang}">${escapeXml(text)}</Say>`
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${say}<Pause length="1"/>${say}</Response>`
}

/** Phone calls that speak an emergency alert, through Twilio's Calls API with inline TwiML. */
export class VoiceChannel implements Channel {
  readonly name = 'voice' as const
  private readonly client: twilio.Twilio

  constructor(private readonly opts: TwilioOptions) {
    this.client = twilioClient(opts)
  }

  async send(to: Recipient, message: DeliveryMessage): Promise<SendOutcome> {
    if (!to.phone) throw new DeliveryError('no phone number', true)
    if (!message.voice) throw new DeliveryError('nothing to say', true)
    try {
      await this.client.calls.create({
        to: to.phone,
        from: this.opts.from,
        twiml: sayTwiml(message.voice.text, message.voice.language),
        timeout: 30,
      })
      return 'sent'
    } catch (err) {
      throw twilioError(err)
    }
  }
}
