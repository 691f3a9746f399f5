/**
 * npm run bench:chat — conversation turns over HTTP against a server process.
 * Offline model: turn latency p50/p95 for 1 and for 20 concurrent patients, turns/s, and RSS
 * over 10,000 turns. With a local OpenAI-compatible server answering instantly: the server's
 * own time per turn beyond the model's, LLM calls and tokens per turn. Prints; asserts nothing.
 */
import { startFakeOpenAI } from '../test/fakes/openai-chat-server.js'
import { fmt, postJson, registerBenchUser, rssOf, startServerProcess, summarise } from './bench-lib.js'

const UTTERANCES = [
  'bp 130/85',
  'had 2 roti and dal for lunch',
  'took my metformin',
  'sugar 110 fasting',
  'drank 2 glasses of water',
  'pulse 72',
  'I have a headache since morning',
  'what was my bp today?',
  'walked 30 minutes in the evening',
  'bp 128/82 and I took my metformin',
  'feeling good today',
  'did I take my meds today?',
]
const TOTAL_TURNS = Number(process.env.BENCH_TURNS ?? 10_000)

interface Patient {
  token: string
  thread?: string
}

interface TurnBody {
  thread_id: string
  model: { llm_calls: number; input_tokens: number; output_tokens: number }
}

async function patients(url: string, n: number): Promise<Patient[]> {
  const out: Patient[] = []
  for (let i = 0; i < n; i++) {
    const u = await registerBenchUser(url, `chat-${i}`)
    await postJson(`${url}/api/v1/events`, { kind: 'medication', payload: { name: 'Metformin' } }, u.access_token)
    out.push({ token: u.access_token })
  }
  return out
}

async function turn(url: string, p: Patient, i: number): Promise<{ ms: number; body: TurnBody }> {
  const t = performance.now()
  // A thread per patient, restarted now and then so threads stay realistically short.
  const body = await postJson<TurnBody>(`${url}/api/v1/chat`, { message: UTTERANCES[i % UTTERANCES.length], thread_id: i % 20 ? p.thread : undefined }, p.token)
  p.thread = body.thread_id
  return { ms: performance.now() - t, body }
}

async function concurrent(url: string, ps: Patient[], turns: number) {
  const times: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    ps.map(async (p) => {
      for (let i = next++; i < turns; i = next++) times.push((await turn(url, p, i)).ms)
    }),
  )
  return { latency: summarise(times), perSecond: turns / ((performance.now() - started) / 1000) }
}

async function offline() {
  const server = await startServerProcess()
  try {
    const ps = await patients(server.url, 20)
    for (let i = 0; i < 100; i++) await turn(server.url, ps[0]!, i) // warm-up

    const single: number[] = []
    const started = performance.now()
    for (let i = 0; i < 400; i++) single.push((await turn(server.url, ps[1]!, i)).ms)
    const singleRate = 400 / ((performance.now() - started) / 1000)
    const one = summarise(single)
    const twenty = await concurrent(server.url, ps, 1000)
    console.log('\nOffline model over HTTP')
    console.log(`  1 patient     p50 ${fmt(one.p50)}  p95 ${fmt(one.p95)}  ${singleRate.toFixed(0)} turns/s`)
    console.log(`  20 patients   p50 ${fmt(twenty.latency.p50)}  p95 ${fmt(twenty.latency.p95)}  ${twenty.perSecond.toFixed(0)} turns/s`)

    const warmRss = await rssOf(server.url)
    const soak = await concurrent(server.url, ps, TOTAL_TURNS)
    const endRss = await rssOf(server.url)
    console.log(`  RSS after ${1500} turns ${warmRss.toFixed(0)} MB, after ${TOTAL_TURNS} more ${endRss.toFixed(0)} MB (${(((endRss - warmRss) / warmRss) * 100).toFixed(1)}% growth); soak p95 ${fmt(soak.latency.p95)}`)
  } finally {
    await server.stop()
  }
}

async function withLlm() {
  const fake = await startFakeOpenAI({ auto: true })
  const server = await startServerProcess({ OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'bench', LLM_MAX_RETRIES: '0' })
  try {
    const ps = await patients(server.url, 5)
    for (let i = 0; i < 50; i++) await turn(server.url, ps[0]!, i)
    const overhead: number[] = []
    let calls = 0
    let tokens = 0
    const N = 300
    for (let i = 0; i < N; i++) {
      const before = fake.requests.length
      const { ms, body } = await turn(server.url, ps[1 + (i % 4)]!, i)
      calls += body.model.llm_calls
      tokens += body.model.input_tokens + body.model.output_tokens
      // The model's share of the turn: the time the fake spent answering it.
      const modelMs = fake.requests.slice(before).reduce((a, r) => a + (r.durationMs ?? 0), 0)
      overhead.push(ms - modelMs)
    }
    const o = summarise(overhead)
    console.log('\nOpenAI-compatible model answering instantly (ChatOpenAI → local server)')
    console.log(`  server time per turn beyond the model  p50 ${fmt(o.p50)}  p95 ${fmt(o.p95)}`)
    console.log(`  LLM calls per turn ${(calls / N).toFixed(2)}   tokens per turn ${(tokens / N).toFixed(0)}`)
  } finally {
    await server.stop()
    await fake.close()
  }
}

async function main() {
  await offline()
  await withLlm()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
