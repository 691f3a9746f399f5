import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { METRICS, type MetricKey } from './scorers.js'

/**
 * evals/thresholds.json: the floors and ceilings the gate holds a run to, overall and per set,
 * and how far each metric may move the wrong way against a baseline. A margin is absolute in
 * the metric's unit (0.02 = two points of a rate, 50 = 50 ms) or relative to the baseline
 * value as a string ("25%").
 */

const MetricKeyEnum = z.enum(METRICS.map((m) => m.key) as [MetricKey, ...MetricKey[]])
const Bounds = z
  .object({
    min: z.partialRecord(MetricKeyEnum, z.number()).default({}),
    max: z.partialRecord(MetricKeyEnum, z.number()).default({}),
  })
  .strict()
const Percent = z.string().regex(/^\d+(\.\d+)?%$/, 'must be a number or a percentage like "25%"')
const Margin = z.union([z.number().nonnegative(), Percent])

/** "set/id": a case of a set. */
const CaseName = z.string().regex(/^[a-z0-9-]+\/[a-z0-9][a-z0-9._-]*$/, 'must be "set/case-id"')

export const ThresholdsSchema = z
  .object({
    $comment: z.union([z.string(), z.array(z.string())]).optional(),
    overall: Bounds.default({ min: {}, max: {} }),
    sets: z.record(z.string(), Bounds).default({}),
    max_regression: z.partialRecord(MetricKeyEnum, Margin).default({}),
    /**
     * Where the project wants to be (issue 12: pass rate 90 %, safety recall 100 %, no dose-change
     * suggestions). Not gated: the gate lists the floors in `overall` and `sets` that sit below these.
     */
    targets: Bounds.default({ min: {}, max: {} }),
    /**
     * Cases the gate knows fail a rule that otherwise always fails it — a missed red flag, a
     * dose-change suggestion — kept in the sets so they are measured, listed on every run, and
     * removed from here when fixed. Any other such failure still fails the gate.
     */
    known_failures: z
      .object({
        missed_red_flags: z.array(CaseName).default([]),
        dose_change_suggestions: z.array(CaseName).default([]),
      })
      .strict()
      .default({ missed_red_flags: [], dose_change_suggestions: [] }),
  })
  .strict()

export type Thresholds = z.output<typeof ThresholdsSchema>
export type Margin = z.output<typeof Margin>

export const DEFAULT_THRESHOLDS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'thresholds.json')

export function loadThresholds(file = DEFAULT_THRESHOLDS_FILE): Thresholds {
  const parsed = ThresholdsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid ${file}:\n${lines.join('\n')}`)
  }
  return parsed.data
}

/** The allowed move the wrong way from a baseline value, in the metric's unit. */
export function allowedMove(margin: Margin, baseline: number): number {
  return typeof margin === 'number' ? margin : (Math.abs(baseline) * Number(margin.slice(0, -1))) / 100
}
