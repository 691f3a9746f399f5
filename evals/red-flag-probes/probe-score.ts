import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { detectRedFlags, type RedFlagCategory } from '../../src/graph/safety/red-flags.js'

/**
 * Blind-written probes of the red-flag detector (README.md beside this file): one message per
 * line, the category a triage nurse would pick, or null for a look-alike that must not alarm.
 */
export const PROBE_DIR = path.dirname(new URL(import.meta.url).pathname)
export const TUNED_SETS = ['tuned-1', 'tuned-2', 'tuned-3', 'tuned-4', 'tuned-5'] as const
export const HELD_OUT = 'held-out'

const Probe = z.object({
  text: z.string().min(1),
  expect: z.string().nullable(),
  why: z.string().optional(),
})
export type Probe = z.infer<typeof Probe>

export function readProbes(set: string): Probe[] {
  const file = path.join(PROBE_DIR, `${set}.jsonl`)
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = Probe.safeParse(JSON.parse(l))
      if (!parsed.success) throw new Error(`${set}.jsonl line ${i + 1}: ${parsed.error.message}`)
      return parsed.data
    })
}

export interface ProbeScore {
  emergencies: number
  /** Emergencies that raised any red flag (the emergency text is the same for every category). */
  alarmed: number
  /** Of those, alarmed under another category than expected. */
  otherCategory: number
  lookAlikes: number
  falseAlarms: number
  byCategory: Map<string, { alarmed: number; of: number }>
  misses: { text: string; expect: string; got: RedFlagCategory[] }[]
  falseAlarmTexts: { text: string; got: RedFlagCategory[] }[]
}

export function scoreProbes(probes: Probe[]): ProbeScore {
  const score: ProbeScore = { emergencies: 0, alarmed: 0, otherCategory: 0, lookAlikes: 0, falseAlarms: 0, byCategory: new Map(), misses: [], falseAlarmTexts: [] }
  for (const p of probes) {
    const got = detectRedFlags(p.text).map((f) => f.category)
    if (p.expect === null) {
      score.lookAlikes++
      if (got.length) (score.falseAlarms++, score.falseAlarmTexts.push({ text: p.text, got }))
      continue
    }
    score.emergencies++
    const cat = score.byCategory.get(p.expect) ?? { alarmed: 0, of: 0 }
    cat.of++
    if (got.length) {
      score.alarmed++
      cat.alarmed++
      if (!got.includes(p.expect as RedFlagCategory)) score.otherCategory++
    } else score.misses.push({ text: p.text, expect: p.expect, got })
    score.byCategory.set(p.expect, cat)
  }
  return score
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)} %`

export function describeScore(name: string, s: ProbeScore): string {
  const cats = [...s.byCategory].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v.alarmed}/${v.of}`)
  return (
    `${name}: emergencies alarmed ${s.alarmed}/${s.emergencies} (${pct(s.alarmed, s.emergencies)}; ${s.otherCategory} under another category), ` +
    `false alarms ${s.falseAlarms}/${s.lookAlikes} (${pct(s.falseAlarms, s.lookAlikes)})\n  ${cats.join(', ')}`
  )
}
