import { createHmac, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A caregiver's webhook endpoint as a receiver should write it: it verifies
 * `X-Podd-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with the shared secret before
 * trusting anything, and records each request. A test queues status codes to answer with.
 */
export interface ReceivedWebhook {
  body: Record<string, unknown>
  raw: string
  headers: http.IncomingHttpHeaders
  signatureValid: boolean
  status: number
}

export interface WebhookReceiver {
  url: string
  received: ReceivedWebhook[]
  /** Answers the next requests with these statuses (then 200 again). */
  respondWith(...statuses: number[]): void
  close(): Promise<void>
}

export function verifySignature(secret: string, raw: string, header: string | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`)
  const given = Buffer.from(header ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = []
  const statuses: number[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const signatureValid = verifySignature(secret, raw, req.headers['x-podd-signature'] as string | undefined)
      const status = signatureValid ? (statuses.shift() ?? 200) : 401
      received.push({ body: JSON.parse(raw) as Record<string, unknown>, raw, headers: req.headers, signatureValid, status })
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/podd-hook`,
    received,
    respondWith: (...s) => void statuses.push(...s),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
