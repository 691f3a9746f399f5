import { createDecipheriv, createECDH, createHmac, randomBytes, randomUUID } from 'node:crypto'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { importJWK, jwtVerify } from 'jose'

/**
 * A local Web Push service (RFC 8030) for driving the real `web-push` client, which speaks only
 * HTTPS: it serves a self-signed certificate for 127.0.0.1 and hands out an agent that trusts it.
 * Like a real push service it refuses a request whose VAPID authorization (RFC 8292,
 * `vapid t=<JWT>, k=<public key>`) is not an ES256 JWT signed by that key for this origin,
 * expiring within 24 hours, with a `mailto:`/`https:` subject. Unlike one, it holds the
 * subscription's private key (the browser's side), so it decrypts the aes128gcm body
 * (RFC 8188 records, RFC 8291 key derivation) and tests read what the user would see.
 */

// A test-only key and certificate (CN "Podd test push service", SAN 127.0.0.1, 100 years).
const TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgT0A3ReBg4OAqw9c9
WBv6J/9Ala2GObywORWxyXvuAn6hRANCAARulh/i/foRNa9WuYI8dAqONI9dviat
iiEzywX2MPKoBM7hHr+Lu/G7sAAE8u4hDaoF8ilZi1WmcrFsKqT3GjsT
-----END PRIVATE KEY-----`
const TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBtTCCAVugAwIBAgIUYVTefU87xKjeGiw0mPE9cVp1hm4wCgYIKoZIzj0EAwIw
ITEfMB0GA1UEAwwWUG9kZCB0ZXN0IHB1c2ggc2VydmljZTAgFw0yNjEyMDYxMjE5
NTJaGA8yMTI2MTExMjEyMTk1MlowITEfMB0GA1UEAwwWUG9kZCB0ZXN0IHB1c2gg
c2VydmljZTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABG6WH+L9+hE1r1a5gjx0
Co40j12+Jq2KITPLBfYw8qgEzuEev4u78buwAATy7iENqgXyKVmLVaZysWwqpPca
OxOjbzBtMB0GA1UdDgQWBBT/4Wam0+XPoWbyzW0Q9nk6MX7oQDAfBgNVHSMEGDAW
gBT/4Wam0+XPoWbyzW0Q9nk6MX7oQDAPBgNVHRMBAf8EBTADAQH/MBoGA1UdEQQT
MBGHBH8AAAGCCWxvY2FsaG9zdDAKBggqhkjOPQQDAgNIADBFAiBMQRBPHbYEejYC
8G4CX22BVx+QRmmZRkiarAm0iQJg5QIhAK978a0OAxHCBaWyEarZn85pAvlqlulR
3OLGbmVKiF77
-----END CERTIFICATE-----`

export interface FakeSubscription {
  endpoint: string
  keys: { p256dh: string; auth: string }
}

export interface ReceivedPush {
  subscription: string
  status: number
  /** The decrypted payload, parsed as JSON. */
  payload: Record<string, any>
  ttl: number
  urgency: string | undefined
  topic: string | undefined
  vapid: { sub: string; aud: string; exp: number; publicKey: string }
}

export interface PushServiceFake {
  url: string
  /** An agent that trusts this service's certificate, for the `web-push` client. */
  agent: https.Agent
  /** A browser's subscription: a fresh P-256 key pair and auth secret, with an endpoint here. */
  subscribe(): FakeSubscription
  /** Answers every later push to this subscription with 410 Gone (the user unsubscribed). */
  expire(endpoint: string): void
  /** Answers the next pushes with these statuses (e.g. 503, 429). */
  respondWith(...statuses: number[]): void
  /** Pushes accepted (and refused) so far, in order. */
  received: ReceivedPush[]
  /** Requests refused before decryption, with the reason. */
  refused: { reason: string; status: number }[]
  waitFor(count: number, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

const b64u = (b: Buffer) => b.toString('base64url')
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest()
const bytes = (s: string) => Buffer.from(s, 'latin1')

/** RFC 8291 §3.4 and RFC 8188 §2: the content-encryption key and nonce of an aes128gcm body, then its records. */
export function decryptAes128gcm(body: Buffer, uaPrivate: Buffer, uaPublic: Buffer, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16)
  const rs = body.readUInt32BE(16)
  const idlen = body[20]!
  const asPublic = body.subarray(21, 21 + idlen)
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(uaPrivate)
  const ecdhSecret = ecdh.computeSecret(asPublic)
  const keyInfo = Buffer.concat([bytes('WebPush: info\0'), uaPublic, asPublic])
  const ikm = hmac(hmac(authSecret, ecdhSecret), Buffer.concat([keyInfo, Buffer.from([1])]))
  const prk = hmac(salt, ikm)
  const cek = hmac(prk, Buffer.concat([bytes('Content-Encoding: aes128gcm\0'), Buffer.from([1])])).subarray(0, 16)
  const baseNonce = hmac(prk, Buffer.concat([bytes('Content-Encoding: nonce\0'), Buffer.from([1])])).subarray(0, 12)
  const data = body.subarray(21 + idlen)
  const out: Buffer[] = []
  for (let offset = 0, seq = 0; offset < data.length; offset += rs, seq++) {
    const record = data.subarray(offset, Math.min(offset + rs, data.length))
    const nonce = Buffer.from(baseNonce)
    // The record sequence number XORed into the nonce's last bytes (records here are far fewer than 2^32).
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8)
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
    decipher.setAuthTag(record.subarray(record.length - 16))
    const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()])
    // Padding: the content, a delimiter (2 in the last record, 1 before it), then zeros.
    let end = plain.length - 1
    while (end >= 0 && plain[end] === 0) end--
    if (end < 0 || (plain[end] !== 1 && plain[end] !== 2)) throw new Error('bad record padding')
    out.push(plain.subarray(0, end))
  }
  return Buffer.concat(out)
}

async function verifyVapid(header: string | undefined, origin: string) {
  const m = header?.match(/^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/)
  if (!m) throw new Error('no VAPID authorization')
  const [, token, k] = m as unknown as [string, string, string]
  const raw = Buffer.from(k, 'base64url')
  if (raw.length !== 65 || raw[0] !== 4) throw new Error('k is not an uncompressed P-256 key')
  const key = await importJWK({ kty: 'EC', crv: 'P-256', x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33)) }, 'ES256')
  const { payload } = await jwtVerify(token, key, { algorithms: ['ES256'], audience: origin })
  const exp = payload.exp ?? 0
  if (exp * 1000 > Date.now() + 24 * 3_600_000) throw new Error('JWT expires more than 24 hours ahead')
  if (typeof payload.sub !== 'string' || !/^(mailto:|https:)/.test(payload.sub)) throw new Error('bad subject')
  return { sub: payload.sub, aud: String(payload.aud), exp, publicKey: k }
}

export async function startPushService(): Promise<PushServiceFake> {
  const subscriptions = new Map<string, { privateKey: Buffer; publicKey: Buffer; auth: Buffer }>()
  const expired = new Set<string>()
  const statuses: number[] = []
  const received: ReceivedPush[] = []
  const refused: { reason: string; status: number }[] = []
  const waiters: (() => void)[] = []
  let origin = ''

  const server = https.createServer({ key: TLS_KEY, cert: TLS_CERT }, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      void (async () => {
        const refuse = (status: number, reason: string) => {
          refused.push({ reason, status })
          res.writeHead(status).end(reason)
        }
        const id = req.url?.match(/^\/push\/([0-9a-f-]{36})$/)?.[1]
        const sub = id ? subscriptions.get(id) : undefined
        if (req.method !== 'POST' || !id || !sub) return refuse(404, 'no such subscription')
        if (expired.has(id)) return refuse(410, 'subscription expired')
        let vapid
        try {
          vapid = await verifyVapid(req.headers.authorization, origin)
        } catch (err) {
          return refuse(403, `VAPID: ${(err as Error).message}`)
        }
        if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, 'not aes128gcm')
        if (req.headers.ttl === undefined) return refuse(400, 'no TTL')
        let payload
        try {
          const plain = decryptAes128gcm(Buffer.concat(chunks), sub.privateKey, sub.publicKey, sub.auth)
          payload = JSON.parse(plain.toString('utf8')) as Record<string, any>
        } catch (err) {
          return refuse(400, `cannot decrypt: ${(err as Error).message}`)
        }
        const status = statuses.shift() ?? 201
        received.push({
          subscription: `${origin}/push/${id}`,
          status,
          payload,
          ttl: Number(req.headers.ttl),
          urgency: req.headers.urgency as string | undefined,
          topic: req.headers.topic as string | undefined,
          vapid,
        })
        waiters.splice(0).forEach((w) => w())
        res.writeHead(status, status === 201 ? { location: `${origin}/message/${randomUUID()}` } : {}).end()
      })()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  const agent = new https.Agent({ ca: TLS_CERT, keepAlive: false })

  return {
    url: origin,
    agent,
    subscribe() {
      const id = randomUUID()
      const ecdh = createECDH('prime256v1')
      const publicKey = ecdh.generateKeys()
      const auth = randomBytes(16)
      subscriptions.set(id, { privateKey: ecdh.getPrivateKey(), publicKey, auth })
      return { endpoint: `${origin}/push/${id}`, keys: { p256dh: b64u(publicKey), auth: b64u(auth) } }
    },
    expire: (endpoint) => void expired.add(endpoint.split('/').pop()!),
    respondWith: (...s) => void statuses.push(...s),
    received,
    refused,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} pushes, got ${received.length}`)
        await new Promise<void>((r) => {
          waiters.push(r)
          setTimeout(r, 100)
        })
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
