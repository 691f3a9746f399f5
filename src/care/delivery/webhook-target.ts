import dns, { type LookupAddress, type LookupAllOptions } from 'node:dns'
import net from 'node:net'

/**
 * Where a caregiver's webhook may point. A webhook is a request Podd makes on a user's behalf,
 * so without these checks any account could make the server call its own database, a cloud
 * metadata service or anything else on the private network (SSRF).
 *
 * - Only https, to a name or a public address: no loopback, private (RFC 1918, CGNAT),
 *   link-local (169.254/16, fe80::/10, where cloud metadata lives), unique-local (fc00::/7),
 *   multicast, documentation or reserved ranges, and no IPv4 tunnelled in IPv6.
 * - Checked when the URL is saved, and again at every delivery on the addresses the name
 *   resolves to, in the very lookup the connection uses (a name that resolved to a public
 *   address yesterday may resolve to 127.0.0.1 today: DNS rebinding).
 * - Hosts on the allow-list (WEBHOOK_ALLOW_HOSTS: tests, a receiver on the same machine) skip
 *   the address checks and may use plain http.
 */
export interface WebhookTargetPolicy {
  allowHosts: ReadonlySet<string>
}

export const OPEN_INTERNET: WebhookTargetPolicy = { allowHosts: new Set() }

export function webhookPolicy(config: { WEBHOOK_ALLOW_HOSTS: readonly string[] }): WebhookTargetPolicy {
  return { allowHosts: new Set(config.WEBHOOK_ALLOW_HOSTS.map((h) => h.toLowerCase())) }
}

const NON_PUBLIC = new net.BlockList()
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(prefix, bits, 'ipv4')
}
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64
  ['100::', 64],
  ['2001::', 32], // Teredo
  ['2001:db8::', 32],
  ['2002::', 16], // 6to4
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(prefix, bits, 'ipv6')
}

// IPv4-mapped IPv6 (::ffff:a.b.c.d) could carry any IPv4 address. Kept apart: a BlockList also
// matches plain IPv4 addresses against a mapped subnet.
const IPV4_MAPPED = new net.BlockList()
IPV4_MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6')

/** Whether an IP address is on the public internet (not loopback, private, link-local, …). */
export function isPublicAddress(ip: string): boolean {
  const family = net.isIP(ip)
  if (family === 0) return false
  if (family === 6 && IPV4_MAPPED.check(ip, 'ipv6')) return false
  return !NON_PUBLIC.check(ip, family === 4 ? 'ipv4' : 'ipv6')
}

const hostOf = (url: URL) => url.hostname.toLowerCase()
/** A URL's hostname as an IP address when it is one (`[::1]` → `::1`). */
const literalIp = (host: string) => {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
  return net.isIP(bare) ? bare : undefined
}

/**
 * Why this URL may not be a webhook, or undefined when it may. Names are checked again, by
 * their addresses, at delivery.
 */
export function webhookUrlProblem(raw: string, policy: WebhookTargetPolicy): string | undefined {
  if (!URL.canParse(raw)) return 'must be a URL'
  const url = new URL(raw)
  const host = hostOf(url)
  if (policy.allowHosts.has(host)) return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'must be an https URL'
  if (url.protocol !== 'https:') return 'must be an https URL'
  if (url.username || url.password) return 'must not carry a user name or password'
  const ip = literalIp(host)
  if (ip) return isPublicAddress(ip) ? undefined : 'must not point at a loopback, private or link-local address'
  if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) return 'must name a public host'
  return undefined
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void
export type Resolver = (host: string, options: LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void

const systemResolver: Resolver = (host, options, callback) => dns.lookup(host, options, callback)

/**
 * A `lookup` for http(s).request that resolves the name and refuses it when any of its
 * addresses is not public, so the connection goes only where the check looked.
 */
export function guardedLookup(resolve: Resolver = systemResolver) {
  return (host: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    resolve(host, { ...options, all: true } as LookupAllOptions, (err, addresses) => {
      if (err) return callback(err, [])
      const blocked = addresses.find((a) => !isPublicAddress(a.address))
      if (blocked || addresses.length === 0) {
        const refused = Object.assign(new Error(`webhook host resolves to a non-public address`), { code: 'ENONPUBLIC' })
        return callback(refused, [])
      }
      if (options.all) return callback(null, addresses)
      callback(null, addresses[0]!.address, addresses[0]!.family)
    })
  }
}

/** Whether deliveries to this URL skip the address checks (an allow-listed host). */
export function isAllowListed(raw: string, policy: WebhookTargetPolicy): boolean {
  return URL.canParse(raw) && policy.allowHosts.has(hostOf(new URL(raw)))
}
