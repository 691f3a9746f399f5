import { describe, expect, it } from 'vitest'
import { startWebhookReceiver } from '../../../test/fakes/webhook-receiver.js'
import { DeliveryError } from './channel.js'
import { WebhookChannel } from './webhook-channel.js'
import { isPublicAddress, OPEN_INTERNET, webhookUrlProblem, type Resolver } from './webhook-target.js'

const INTERNAL = [
  'http://localhost:5432/',
  'https://localhost/hook',
  'https://db.localhost/hook',
  'https://169.254.169.254/latest/meta-data/',
  'https://10.1.2.3/hook',
  'https://172.16.0.1/hook',
  'https://192.168.1.1/hook',
  'https://100.64.0.1/hook',
  'https://127.0.0.1/hook',
  'https://2130706433/hook',
  'https://0x7f.0.0.1/hook',
  'https://0.0.0.0/hook',
  'https://[::1]/hook',
  'https://[::]/hook',
  'https://[fd12:3456::1]/hook',
  'https://[fe80::1]/hook',
  'https://[::ffff:127.0.0.1]/hook',
  'https://[::ffff:a9fe:a9fe]/hook',
  'https://intranet/hook',
  'https://user:secret@hooks.example.com/hook',
  'http://hooks.example.com/hook',
]

describe('webhook targets', () => {
  it.each(INTERNAL)('Should refuse %s', (url) => {
    expect(webhookUrlProblem(url, OPEN_INTERNET)).toBeDefined()
  })

  it('Should accept https to a public name or address, and an allow-listed host even by http', () => {
    expect(webhookUrlProblem('https://hooks.example.com/podd', OPEN_INTERNET)).toBeUndefined()
    expect(webhookUrlProblem('https://93.184.216.34/podd', OPEN_INTERNET)).toBeUndefined()
    expect(webhookUrlProblem('https://[2606:4700::1111]/podd', OPEN_INTERNET)).toBeUndefined()
    const local = { allowHosts: new Set(['127.0.0.1']) }
    expect(webhookUrlProblem('http://127.0.0.1:4010/hook', local)).toBeUndefined()
    expect(webhookUrlProblem('http://127.0.0.2:4010/hook', local)).toBeDefined()
  })

  it('Should tell public addresses from the rest', () => {
    expect(['8.8.8.8', '2001:4860:4860::8888'].every(isPublicAddress)).toBe(true)
    expect(['127.0.0.1', '10.0.0.1', '169.254.169.254', '::1', 'fc00::1', 'fe80::1', '::ffff:8.8.8.8', 'not-an-ip'].some(isPublicAddress)).toBe(false)
  })

  it('Should refuse at delivery a name that now resolves inside the network (DNS rebinding), and never connect', async () => {
    const receiver = await startWebhookReceiver('secret')
    const port = new URL(receiver.url).port
    // The name passed the check when it was saved; at delivery it resolves to this machine.
    const rebinding: Resolver = (_host, _opts, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }])
    const channel = new WebhookChannel('secret', OPEN_INTERNET, { resolve: rebinding })
    const to = { id: 'c1', webhook_url: `https://hooks.example.com:${port}/hook` } as never
    const message = { kind: 'alert', data: { title: 't' } } as never
    try {
      const err = await channel.send(to, message, { id: 'd1', now: new Date() }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(DeliveryError)
      expect(err).toMatchObject({ permanent: true, message: expect.stringMatching(/non-public/) })
      expect(receiver.received).toHaveLength(0)
      // A URL saved before these checks is refused too.
      const old = await channel.send({ id: 'c1', webhook_url: receiver.url } as never, message, { id: 'd2', now: new Date() }).catch((e: unknown) => e)
      expect(old).toMatchObject({ permanent: true })
      expect(receiver.received).toHaveLength(0)
      // An allow-listed receiver is reached.
      const allowed = new WebhookChannel('secret', { allowHosts: new Set(['127.0.0.1']) })
      expect(await allowed.send({ id: 'c1', webhook_url: receiver.url } as never, message, { id: 'd3', now: new Date() })).toBe('sent')
      expect(receiver.received).toHaveLength(1)
    } finally {
      await receiver.close()
    }
  })
})
