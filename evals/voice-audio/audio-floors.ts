import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/**
 * Floors for the spoken eval in CI: the figures last measured, so that CI fails on a change that
 * makes offline voice worse, while the issue's own gate (AUDIO_GATE) is not met yet. A run that
 * meets the floors but not the issue's gate passes "with N known failures" and says which.
 *
 * Recognition is deterministic (dithering with a fixed seed) and searches are limited by CPU
 * time, not by the clock, so a busy machine gives the same figures; the margins below the
 * measured figures are for the odd decoder timeout, not for chance.
 */

export const DEFAULT_FLOORS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'floors.json')

const Level = z
  .object({
    wer_max: z.number().min(0),
    intent_min: z.number().min(0).max(1),
    red_flag_recall_min: z.number().min(0).max(1),
    false_alarms_max: z.number().int().min(0),
  })
  .strict()

export const AudioFloorsSchema = z
  .object({
    description: z.string(),
    /** The dataset and noise levels the floors were measured on (a run of anything else is not gated by them). */
    dataset: z.string(),
    /** The --sample the floors were measured on (the same cases every run), or null for the whole set. */
    sample: z.number().int().positive().nullable(),
    by_snr: z.record(z.string(), Level),
    /** Spoken emergencies missed when the floors were measured (`id@snr`): each one is a known failure, listed in every report. */
    known_red_flag_misses: z.array(z.string()),
    measured: z.string(),
  })
  .strict()

export type AudioFloors = z.infer<typeof AudioFloorsSchema>

export function loadAudioFloors(file = DEFAULT_FLOORS_FILE): AudioFloors {
  return AudioFloorsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
}

export interface LevelFigures {
  wer: number
  intent_accuracy: number
  red_flag_recall: number | null
  false_alarms: number
}

/**
 * Where a run falls below its floors. `missed` are the spoken emergencies this run missed
 * (`id@snr`): a miss the floors do not know is a failure whatever the recall.
 */
export function belowFloors(floors: AudioFloors, bySnr: Record<string, LevelFigures>, missed: string[]): string[] {
  const failures: string[] = []
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`
  for (const [snr, floor] of Object.entries(floors.by_snr)) {
    const got = bySnr[snr]
    if (!got) continue
    if (got.wer > floor.wer_max) failures.push(`WER at ${snr} ${pct(got.wer)} above its floor ${pct(floor.wer_max)}`)
    if (got.intent_accuracy < floor.intent_min) failures.push(`intent at ${snr} ${pct(got.intent_accuracy)} below its floor ${pct(floor.intent_min)}`)
    if (got.red_flag_recall !== null && got.red_flag_recall < floor.red_flag_recall_min) {
      failures.push(`red-flag recall at ${snr} ${pct(got.red_flag_recall)} below its floor ${pct(floor.red_flag_recall_min)}`)
    }
    if (got.false_alarms > floor.false_alarms_max) failures.push(`${got.false_alarms} false alarms at ${snr}, floor ${floor.false_alarms_max}`)
  }
  const known = new Set(floors.known_red_flag_misses)
  const newMisses = missed.filter((m) => !known.has(m))
  if (newMisses.length) failures.push(`spoken emergencies missed that were caught before: ${newMisses.join(', ')}`)
  return failures
}

/** How far below a measured figure its floor sits: for the odd decoder timeout, not for chance. */
export const FLOOR_MARGINS = { wer: 0.02, intent: 0.02, redFlagRecall: 0.02, falseAlarms: 2 } as const

/**
 * Floors from a run's report (`--out`; the whole set, or a `--sample`, which CI then runs too):
 * each noise level's figures less the margins, and the spoken emergencies it missed as the known misses.
 */
export function floorsFromReport(
  report: { datasets: { name: string }[]; sample: number | null; by_snr: Record<string, LevelFigures>; red_flag_misses: string[] },
  measured: string,
): AudioFloors {
  const round = (v: number) => Math.round(v * 1000) / 1000
  const by_snr = Object.fromEntries(
    Object.entries(report.by_snr).map(([snr, g]) => [
      snr,
      {
        wer_max: round(g.wer + FLOOR_MARGINS.wer),
        intent_min: round(Math.max(0, g.intent_accuracy - FLOOR_MARGINS.intent)),
        red_flag_recall_min: round(Math.max(0, (g.red_flag_recall ?? 0) - FLOOR_MARGINS.redFlagRecall)),
        false_alarms_max: g.false_alarms + FLOOR_MARGINS.falseAlarms,
      },
    ]),
  )
  return {
    description:
      `Floors of the spoken eval in CI (.ci/run): the figures of ${report.sample ? `a fixed sample of ${report.sample} cases of` : 'the whole'} ` +
      'the development set by noise level, less ' +
      `${FLOOR_MARGINS.wer * 100} points of WER and intent, ${FLOOR_MARGINS.redFlagRecall * 100} of red-flag recall and ` +
      `${FLOOR_MARGINS.falseAlarms} false alarms; every spoken emergency missed then is listed. ` +
      'Regenerate with evals/voice-audio/measure-floors.ts from a run of the same sample after an improvement.',
    dataset: report.datasets.map((d) => d.name).join(','),
    sample: report.sample,
    by_snr,
    known_red_flag_misses: [...report.red_flag_misses].sort(),
    measured,
  }
}
