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

export const ThresholdsSchema = z
  .object({
    $comment: z.union([z.string(), z.array(z.string())]).optional(),
    overall: Bounds.default({ min: {}, max: {} }),
    sets: z.record(z.string(), Bounds).default({}),
    max_regression: z.partialRecord(MetricKeyEnum, Margin).default({}),
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
