/**
 * npm run bench:http — authenticated GET /api/v1/auth/me under load (autocannon, 50 connections,
 * 10 s), login throughput (argon2id), idle and loaded RSS. Prints figures; asserts nothing.
 */
import autocannon from 'autocannon'
import { fmt, registerBenchUser, rssOf, startServerProcess, summarise } from './bench-lib.js'

const DURATION = Number(process.env.BENCH_SECONDS ?? 10)

function load(opts: autocannon.Options) {
  return new Promise<{ result: autocannon.Result; latency: ReturnType<typeof summarise> }>((resolve, reject) => {
    const latencies: number[] = []
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve({ result, latency: summarise(latencies) })))
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
  })
}

async function main() {
  const server = await startServerProcess()
  try {
    await new Promise((r) => setTimeout(r, 1000))
    const idleRss = await rssOf(server.url)
    const user = await registerBenchUser(server.url, 'http')
    const email = ((await (await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${user.access_token}` } })).json()) as { user: { email: string } }).user.email

    const me = await load({
      url: `${server.url}/api/v1/auth/me`,
      connections: 50,
      duration: DURATION,
      headers: { authorization: `Bearer ${user.access_token}` },
    })
    const loadedRss = await rssOf(server.url)

    const login = await load({
      url: `${server.url}/api/v1/auth/login`,
      method: 'POST',
      connections: 4,
      duration: Math.min(DURATION, 5),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench passphrase 2026' }),
    })

    console.log('\nGET /api/v1/auth/me (50 connections, %d s)', DURATION)
    console.log('  requests/s  %d', Math.round(me.result.requests.average))
    console.log('  p50 %s  p95 %s  p99 %s', fmt(me.latency.p50), fmt(me.latency.p95), fmt(me.latency.p99))
    console.log('  non-2xx %d, errors %d', me.result.non2xx, me.result.errors)
    console.log('\nPOST /api/v1/auth/login (argon2id, 4 connections)')
    console.log('  logins/s  %s', login.result.requests.average.toFixed(1))
    console.log('  p50 %s  p95 %s', fmt(login.latency.p50), fmt(login.latency.p95))
    console.log('  non-2xx %d', login.result.non2xx)
    console.log('\nRSS idle %s MB, after load %s MB', idleRss.toFixed(0), loadedRss.toFixed(0))
  } finally {
    await server.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
