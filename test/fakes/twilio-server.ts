import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local stand-in for api.twilio.com's Messages and Calls APIs, for driving the real `twilio`
 * SDK: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` and `…/Calls.json` with HTTP
 * Basic auth and a form-encoded body, answered with a Message or Call resource (201) or
 * Twilio's error JSON. A call's inline TwiML is parsed so tests read what would be spoken.
 */
export interface SentSms {
  accountSid: string
  to: string
  from: string
  body: string
}

export interface PlacedCall {
  accountSid: string
  to: string
  from: string
  twiml: string
  /** Each <Say>'s text (XML entities decoded) with its language and voice attributes. */
  says: { text: string; language: string | null; voice: string | null }[]
}

export interface TwilioFake {
  url: string
  messages: SentSms[]
  calls: PlacedCall[]
  /** Answers the next request with this Twilio error (e.g. 400 / 21211 invalid number, 503). */
  failNext(status: number, code: number, message?: string): void
  close(): Promise<void>
}

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!)

/** The <Say> verbs of a TwiML document, as Twilio would read them. */
export function saysOf(twiml: string): PlacedCall['says'] {
  const attr = (attrs: string, name: string) => attrs.match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? null
  return [...twiml.matchAll(/<Say([^>]*)>([\s\S]*?)<\/Say>/g)].map((m) => ({
    text: decodeXml(m[2]!),
    language: attr(m[1]!, 'language'),
    voice: attr(m[1]!, 'voice'),
  }))
}

export async function startTwilioFake(accountSid: string, authToken: string): Promise<TwilioFake> {
  const messages: SentSms[] = []
  const calls: PlacedCall[] = []
  const failures: { status: number; code: number; message: string }[] = []
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const reply = (status: number, body: Record<string, unknown>) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      const m = req.url?.match(/^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/)
      if (req.method !== 'POST' || !m) return reply(404, { code: 20404, message: 'The requested resource was not found', status: 404 })
      if (req.headers.authorization !== expectedAuth || m[1] !== accountSid) {
        return reply(401, { code: 20003, message: 'Authentication Error - invalid username', status: 401 })
      }
      const failure = failures.shift()
      if (failure) return reply(failure.status, { code: failure.code, message: failure.message, status: failure.status })
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
      if (m[2] === 'Calls') {
        const twiml = form.get('Twiml') ?? ''
        if (!form.get('To') || !form.get('From') || (!twiml && !form.get('Url'))) {
          return reply(400, { code: 21205, message: 'Url or Twiml parameter is required', status: 400 })
        }
        const call = { accountSid: m[1], to: form.get('To')!, from: form.get('From')!, twiml, says: saysOf(twiml) }
        calls.push(call)
        const now = new Date().toUTCString()
        return reply(201, {
          sid: `CA${randomBytes(16).toString('hex')}`,
          account_sid: accountSid,
          to: call.to,
          from: call.from,
          status: 'queued',
          direction: 'outbound-api',
          api_version: '2010-04-01',
          date_created: now,
          date_updated: now,
          uri: `/2010-04-01/Accounts/${accountSid}/Calls.json`,
        })
      }
      const sms = { accountSid: m[1], to: form.get('To') ?? '', from: form.get('From') ?? '', body: form.get('Body') ?? '' }
      messages.push(sms)
      const now = new Date().toUTCString()
      reply(201, {
        sid: `SM${randomBytes(16).toString('hex')}`,
        account_sid: accountSid,
        to: sms.to,
        from: sms.from,
        body: sms.body,
        status: 'queued',
        num_segments: String(Math.ceil(sms.body.length / 153) || 1),
        direction: 'outbound-api',
        api_version: '2010-04-01',
        date_created: now,
        date_updated: now,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages.json`,
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    calls,
    failNext: (status, code, message = 'failed by the test') => void failures.push({ status, code, message }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
