import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { toMono16k } from '../../src/voice/resample.js'
import { encodeWav, parseWav, type Pcm16Audio } from '../../src/voice/wav.js'

/**
 * The audio of a spoken case, made at eval time: espeak-ng says the words (several English
 * voices, 140-200 words a minute) and sox mixes background noise in at a signal-to-noise ratio.
 * Nothing is stored in the repository; clips are cached in the OS temp dir by what made them.
 */

const run = promisify(execFile)

/** English voices of espeak-ng; mbrola voices join when mbrola and their data are installed. */
export const ESPEAK_VOICES = ['en-us', 'en-gb', 'en-gb-x-rp', 'en-029'] as const
const MBROLA_VOICES = ['mb-us1', 'mb-us2', 'mb-en1']

export const NOISE_KINDS = ['pink', 'brown', 'babble'] as const
export type NoiseKind = (typeof NOISE_KINDS)[number]

export interface Rendition {
  voice: string
  wordsPerMinute: number
  /** Signal-to-noise ratio in dB; null for clean speech. */
  snrDb: number | null
  noise: NoiseKind
}

const CACHE = path.join(os.tmpdir(), 'podd-voice-audio')
const RATE = 16_000

/** The voices to speak with: espeak-ng's, and mbrola's where installed (a test utterance works). */
export async function availableVoices(): Promise<string[]> {
  const voices: string[] = [...ESPEAK_VOICES]
  for (const v of MBROLA_VOICES) {
    try {
      await run('espeak-ng', ['-v', v, '-q', '-w', path.join(os.tmpdir(), `podd-mbrola-probe-${process.pid}.wav`), 'test'])
      voices.push(v)
    } catch {
      // not installed
    }
  }
  return voices
}

/** A stable number from a string, to pick rates, noises and offsets the same way every run. */
export function stableHash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0)
}

/**
 * How a case is spoken in a run: voices take turns case by case (each voice hears a different
 * quarter of the set at each noise level); the rate and the noise follow from the case id.
 */
export function renditionFor(caseId: string, index: number, voices: string[], snrDb: number | null, voice?: string): Rendition {
  const h = stableHash(`${caseId}|${snrDb}|${voice ?? ''}`)
  return {
    voice: voice ?? voices[(index + (snrDb === 10 ? 1 : 0)) % voices.length]!,
    wordsPerMinute: 140 + (h % 61),
    snrDb,
    noise: NOISE_KINDS[(h >>> 8) % NOISE_KINDS.length]!,
  }
}

function rms(samples: Int16Array, from = 0, to = samples.length): number {
  let sum = 0
  for (let i = from; i < to; i++) sum += samples[i]! * samples[i]!
  return Math.sqrt(sum / Math.max(1, to - from))
}

/** The level of the speech itself: 20 ms frames within 40 dB of the loudest, as SNR is meant. */
export function activeSpeechRms(samples: Int16Array): number {
  const frame = RATE / 50
  const levels: number[] = []
  for (let i = 0; i + frame <= samples.length; i += frame) levels.push(rms(samples, i, i + frame))
  const loudest = Math.max(0, ...levels)
  const active = levels.filter((l) => l > loudest / 100)
  return Math.sqrt(active.reduce((s, l) => s + l * l, 0) / Math.max(1, active.length))
}

const making = new Map<string, Promise<string>>()

/** A file made once and kept (workers asking for the same one at once share the making). */
function cached(key: string, make: (file: string) => Promise<void>): Promise<string> {
  const file = path.join(CACHE, `${createHash('sha256').update(key).digest('hex').slice(0, 20)}.wav`)
  let p = making.get(file)
  if (!p) {
    p = (async () => {
      fs.mkdirSync(CACHE, { recursive: true })
      if (fs.existsSync(file)) return file
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp.wav`
      await make(tmp)
      fs.renameSync(tmp, file)
      return file
    })()
    making.set(file, p)
    p.catch(() => making.delete(file))
  }
  return p
}

const BABBLE = [
  'the train to the city was late again this morning so everyone waited on the platform',
  'she said the market closes early on sundays and the vegetables are cheaper in the evening',
  'put the kettle on and bring the biscuits from the kitchen we have guests coming over',
  'the match was on television and the neighbours were cheering loudly all through the night',
  'he is repairing the scooter in the lane and the children are playing cricket near the gate',
  'tomorrow it will rain in the afternoon and the school bus may come a little late',
]

/** A minute of one kind of background noise: a fan's pink hiss, traffic's brown rumble, or people talking. */
async function noiseBed(kind: NoiseKind): Promise<Pcm16Audio> {
  const file = await cached(`noise|${kind}|v2`, async (out) => {
    if (kind !== 'babble') {
      await run('sox', ['-R', '-n', '-r', String(RATE), '-c', '1', '-b', '16', out, 'synth', '60', `${kind}noise`, 'vol', '0.5'])
      return
    }
    // Three talkers at once, each a different voice reading different sentences: a room, a TV.
    const talkers: string[] = []
    for (let t = 0; t < 3; t++) {
      const text = [...BABBLE.slice(t), ...BABBLE.slice(0, t)].join('. ')
      const voice = ESPEAK_VOICES[t % ESPEAK_VOICES.length]!
      const raw = `${out}.${t}.raw.wav`
      await run('espeak-ng', ['-v', voice, '-s', String(150 + t * 15), '-w', raw, text])
      const looped = `${out}.${t}.wav`
      await run('sox', ['-R', raw, '-r', String(RATE), '-c', '1', '-b', '16', looped, 'repeat', '5', 'trim', '0', '60'])
      talkers.push(looped)
    }
    await run('sox', ['-R', '-m', ...talkers, out, 'trim', '0', '60'])
    for (const f of fs.readdirSync(path.dirname(out))) {
      if (f.startsWith(path.basename(out)) && f !== path.basename(out)) fs.rmSync(path.join(path.dirname(out), f))
    }
  })
  return parseWav(fs.readFileSync(file))
}

/** The words spoken by a voice at a rate, as 16 kHz mono with a moment of quiet either side. */
export async function speak(text: string, voice: string, wordsPerMinute: number): Promise<string> {
  return cached(`speech|${voice}|${wordsPerMinute}|${text}`, async (out) => {
    const raw = `${out}.raw.wav`
    await run('espeak-ng', ['-v', voice, '-s', String(wordsPerMinute), '-w', raw, text])
    const speech = toMono16k(parseWav(fs.readFileSync(raw)))
    fs.rmSync(raw)
    const pad = Math.round(RATE * 0.4)
    const samples = new Int16Array(speech.samples.length + 2 * pad)
    samples.set(speech.samples, pad)
    fs.writeFileSync(out, encodeWav({ sampleRate: RATE, channels: 1, samples }))
  })
}

/** The case as heard: the spoken words with noise mixed in by sox at the rendition's SNR. */
export async function renderCase(text: string, r: Rendition): Promise<Pcm16Audio> {
  const speechFile = await speak(text, r.voice, r.wordsPerMinute)
  if (r.snrDb === null) return parseWav(fs.readFileSync(speechFile))
  const file = await cached(`mix|v2|${speechFile}|${r.noise}|${r.snrDb}`, async (out) => {
    const speech = parseWav(fs.readFileSync(speechFile)).samples
    const bed = (await noiseBed(r.noise)).samples
    const offset = stableHash(text) % Math.max(1, bed.length - speech.length)
    const slice = bed.subarray(offset, offset + speech.length)
    const noiseFile = `${out}.noise.wav`
    fs.writeFileSync(noiseFile, encodeWav({ sampleRate: RATE, channels: 1, samples: slice }))
    const gain = activeSpeechRms(speech) / 10 ** (r.snrDb! / 20) / Math.max(1, rms(slice))
    // -R: sox's dither repeatable, so a clip is the same bytes on every machine (CI's figures are the measured ones).
    await run('sox', ['-R', '-m', '-v', '1', speechFile, '-v', gain.toFixed(5), noiseFile, out])
    fs.rmSync(noiseFile)
  })
  return parseWav(fs.readFileSync(file))
}
