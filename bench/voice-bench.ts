/**
 * npm run bench:voice — what the voice layer adds to a turn. Podd runs as its own process; the
 * fake Sarvam server runs here and answers at once, recording how long it took so its share can
 * be taken out. Prints figures; asserts nothing.
 *
 * 1. REST `POST /voice/turn` (3 s of speech in, WAV out): client latency minus the provider's
 *    time is what Podd adds (target p50 ≤ 30 ms); minus the graph's time too, the voice layer alone.
 * 2. WebSocket, one socket, speech streamed in real time: from the end of speech (the client's
 *    `end`, or the server's `speech_end`) to the first audio byte, minus provider time and the
 *    model's time to its first sentence (target p50 ≤ 100 ms).
 * 3. Offline (espeak-ng speaks a 3 s sentence, PocketSphinx hears it): the whole turn's time.
 *
 * BENCH_TURNS (default 60 REST, a third of that per WebSocket mode, 5 offline) sets the sizes.
 */
import { espeakWav, joinAudio, silence, speechLike, VoiceClient } from '../test/fakes/audio-fixtures.js'
import { FakeSarvamServer } from '../test/fakes/sarvam-server.js'
import { hasBinary, hasPocketsphinx } from '../src/voice/binaries.js'
import { durationSeconds, encodeWav, parseWav } from '../src/voice/wav.js'
import { fmt, registerBenchUser, startServerProcess, summarise, type ServerProcess } from './bench-lib.js'

const TURNS = Number(process.env.BENCH_TURNS ?? 60)
const WARMUP = 5
const SAYINGS = [
  'my sugar was 120 this morning',
  'I had two chapatis and dal for lunch',
  'my blood pressure is 130/85',
  'I walked for 30 minutes',
  'I slept for six hours last night',
]

const STAGES = ['stt_ms', 'graph_ms', 'tts_ms', 'total_ms'] as const
type Stage = (typeof STAGES)[number]
const noStages = () => Object.fromEntries(STAGES.map((k) => [k, [] as number[]])) as Record<Stage, number[]>

interface Timings {
  stt_ms: number
  graph_ms: number
  tts_ms: number
  total_ms: number
  first_audio_ms?: number
  first_sentence_ms?: number
}

function line(label: string, samples: number[]): string {
  const s = summarise(samples)
  return `${label.padEnd(44)} p50 ${fmt(s.p50).padStart(11)}  p95 ${fmt(s.p95).padStart(11)}  (n=${s.n})`
}

const providerMs = (fake: FakeSarvamServer) =>
  fake.requests.reduce((n, r) => n + (r.ms ?? 0), 0) + fake.sockets.reduce((n, s) => n + s.busyMs, 0)

async function restTurns(server: ServerProcess, fake: FakeSarvamServer, token: string) {
  const body = new Uint8Array(encodeWav(joinAudio(silence(0.2), speechLike(2.6), silence(0.2))))
  const client: number[] = []
  const added: number[] = []
  const voiceOnly: number[] = []
  const stages = noStages()
  for (let i = 0; i < TURNS + WARMUP; i++) {
    fake.reset()
    fake.transcripts.push({ transcript: SAYINGS[i % SAYINGS.length]!, language_code: 'en-IN' })
    const started = performance.now()
    const res = await fetch(`${server.url}/api/v1/voice/turn`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'audio/wav', authorization: `Bearer ${token}` },
    })
    const json = (await res.json()) as { timings: Timings; audio: unknown }
    const ms = performance.now() - started
    if (!res.ok || !json.audio) throw new Error(`voice turn failed: ${res.status} ${JSON.stringify(json)}`)
    if (i < WARMUP) continue
    client.push(ms)
    added.push(ms - providerMs(fake))
    voiceOnly.push(ms - providerMs(fake) - json.timings.graph_ms)
    for (const k of STAGES) stages[k].push(json.timings[k])
  }
  console.log('REST POST /api/v1/voice/turn, Sarvam fake answering at once (3 s of speech in, WAV out)')
  console.log(line('  client latency', client))
  console.log(line('  server-added (client latency − provider)', added))
  console.log(line('  voice layer alone (also − graph_ms)', voiceOnly))
  for (const [k, v] of Object.entries(stages)) console.log(line(`  server ${k}`, v))
}

async function socketTurns(server: ServerProcess, fake: FakeSarvamServer, token: string, mode: 'client_end' | 'server_vad') {
  const c = await VoiceClient.connect(server.url, token)
  c.send({ type: 'start', language: 'en-IN' })
  await c.next('ready')
  const speech = joinAudio(silence(0.2), speechLike(1))
  const tail = silence(0.8)
  const firstAudio: number[] = []
  const beyond: number[] = []
  const model: number[] = []
  const turns = Math.max(5, Math.round(TURNS / 3))
  for (let i = 0; i < turns + WARMUP; i++) {
    fake.transcripts.push({ transcript: SAYINGS[i % SAYINGS.length]!, language_code: 'en-IN' })
    const busyBefore = providerMs(fake)
    const from = c.messages.length
    await c.stream(speech, { realtime: true })
    let endAt: number
    if (mode === 'client_end') {
      endAt = performance.now()
      c.send({ type: 'end' })
    } else {
      await c.stream(tail, { realtime: true })
      await c.next('speech_end', i + 1)
      endAt = c.messages.slice(from).find((m) => m.kind === 'json' && m.frame.type === 'speech_end')!.at
    }
    const timings = (await c.next('timings', i + 1)) as unknown as Timings
    const audioAt = c.messages.slice(from).find((m) => m.kind === 'audio')!.at
    if (i < WARMUP) continue
    const ms = audioAt - endAt
    firstAudio.push(ms)
    model.push(timings.first_sentence_ms ?? 0)
    beyond.push(ms - (timings.first_sentence_ms ?? 0) - (providerMs(fake) - busyBefore))
  }
  await c.close()
  const label = mode === 'client_end' ? "client's {type:\"end\"}" : "server VAD's speech_end"
  console.log(`WebSocket /api/v1/voice/stream, end of speech = ${label}`)
  console.log(line('  end of speech → first audio byte', firstAudio))
  console.log(line('  model: transcript → first sentence', model))
  console.log(line('  beyond provider and model time', beyond))
}

async function offlineTurns() {
  if (!hasBinary('espeak-ng') || !hasPocketsphinx()) {
    console.log('Offline: skipped (needs espeak-ng, pocketsphinx and pocketsphinx-en-us)')
    return
  }
  const server = await startServerProcess()
  try {
    const { access_token } = await registerBenchUser(server.url, 'voice-offline')
    const wav = espeakWav('my blood pressure is one forty over ninety')
    const seconds = durationSeconds(parseWav(wav))
    const stages = noStages()
    const client: number[] = []
    let transcript = ''
    const turns = Number(process.env.BENCH_OFFLINE_TURNS ?? 5)
    for (let i = 0; i < turns + 1; i++) {
      const started = performance.now()
      const res = await fetch(`${server.url}/api/v1/voice/turn`, {
        method: 'POST',
        body: new Uint8Array(wav),
        headers: { 'content-type': 'audio/wav', authorization: `Bearer ${access_token}` },
      })
      const json = (await res.json()) as { timings: Timings; transcript: string }
      if (!res.ok) throw new Error(`offline turn failed: ${res.status} ${JSON.stringify(json)}`)
      if (i === 0) continue
      client.push(performance.now() - started)
      transcript = json.transcript
      for (const k of STAGES) stages[k].push(json.timings[k])
    }
    console.log(`Offline REST turn, espeak-ng utterance of ${seconds.toFixed(2)} s, heard as "${transcript}"`)
    console.log(line('  client latency (whole turn)', client))
    for (const [k, v] of Object.entries(stages)) console.log(line(`  server ${k}`, v))
  } finally {
    await server.stop()
  }
}

async function main() {
  const fake = await FakeSarvamServer.start()
  const server = await startServerProcess({ SARVAM_API_KEY: fake.apiKey, SARVAM_BASE_URL: fake.url })
  try {
    const { access_token } = await registerBenchUser(server.url, 'voice')
    await restTurns(server, fake, access_token)
    console.log()
    fake.reset()
    await socketTurns(server, fake, access_token, 'client_end')
    console.log()
    await socketTurns(server, fake, access_token, 'server_vad')
  } finally {
    await server.stop()
    await fake.close()
  }
  console.log()
  await offlineTurns()
}

await main()
