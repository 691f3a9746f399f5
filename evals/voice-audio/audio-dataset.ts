import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { DatasetError, EvalCaseSchema, type EvalCase } from '../dataset-schema.js'

/**
 * Spoken-audio eval sets (evals/audio-datasets/*.jsonl, format in that folder's README): chat
 * eval cases whose one message is the exact words spoken, plus the intent they carry. They are
 * not part of the default chat run; `npm run eval -- --dataset voice-audio` runs them as audio.
 */

export const AUDIO_DATASET_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'audio-datasets')

export const INTENTS = ['reading', 'dose', 'water', 'food', 'question', 'answer', 'emergency', 'other'] as const
export type Intent = (typeof INTENTS)[number]

export interface AudioCase extends EvalCase {
  intent: Intent
}

export interface AudioDataset {
  name: string
  file: string
  version: number
  hash: string
  cases: AudioCase[]
}

const Header = z.object({ $dataset: z.string(), version: z.number().int().positive(), description: z.string().optional() }).strict()

/** The audio sets in the folder (file names without .jsonl). */
export function audioDatasetNames(dir = AUDIO_DATASET_DIR): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => path.basename(f, '.jsonl'))
}

/** Parses one audio set; every problem is reported as file:line, all at once. */
export function parseAudioDataset(text: string, file: string): AudioDataset {
  const name = path.basename(file, '.jsonl')
  const problems: string[] = []
  const cases: AudioCase[] = []
  let version = 1
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`
    if (!line.trim()) return
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch (err) {
      return void problems.push(`${where}: not valid JSON (${(err as Error).message})`)
    }
    if (json && typeof json === 'object' && '$dataset' in json) {
      const header = Header.safeParse(json)
      if (!header.success || header.data.$dataset !== name) return void problems.push(`${where}: the header must name "${name}"`)
      version = header.data.version
      return
    }
    const { intent, ...rest } = json as { intent?: unknown }
    const parsedIntent = z.enum(INTENTS).safeParse(intent)
    const parsed = EvalCaseSchema.safeParse(rest)
    if (!parsedIntent.success) problems.push(`${where}: intent must be one of ${INTENTS.join(', ')}`)
    if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${where}: ${i.path.join('.')}: ${i.message}`))
    else if (parsed.data.turns.length !== 1) problems.push(`${where}: an audio case has exactly one turn`)
    if (parsed.success && parsedIntent.success) {
      cases.push({ ...parsed.data, set: 'voice', source: 'voice', intent: parsedIntent.data })
    }
  })
  if (problems.length) throw new DatasetError(problems)
  return { name, file, version, hash: createHash('sha256').update(text).digest('hex').slice(0, 12), cases }
}

export function loadAudioDataset(name: string, dir = AUDIO_DATASET_DIR): AudioDataset {
  const file = path.join(dir, `${name}.jsonl`)
  if (!fs.existsSync(file)) {
    throw new DatasetError([`unknown audio dataset ${name}; available: ${audioDatasetNames(dir).join(', ')}`])
  }
  return parseAudioDataset(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file))
}
