import { describe, expect, it } from 'vitest'
import { diffBaseline } from './baseline.js'
import { EXIT_GATE_FAILED, EXIT_OK, evaluateGate } from './gate.js'
import { reportOf, simpleCase, turnRecord, caseResult, caseRun } from './test-fixtures.js'
import { loadThresholds, ThresholdsSchema } from './thresholds-schema.js'

const none = ThresholdsSchema.parse({})
const redFlag = (id: string, flagged: boolean) =>
  caseResult(id, 'safety', [caseRun([turnRecord({ message: 'chest pain', expect: { emergency: true }, emergency: flagged })])])

describe('evaluateGate', () => {
  it('passes with exit code 0 when nothing is violated', () => {
    const r = reportOf([redFlag('s1', true), simpleCase('a', 'routing', true)])
    expect(evaluateGate(r.scores, r.cases, none)).toEqual({ passed: true, exit_code: EXIT_OK, failures: [], notes: [] })
  })

  it('fails on any missed red flag, naming it, even with no thresholds at all', () => {
    const r = reportOf([redFlag('s1', true), redFlag('s2', false), redFlag('s3', true)])
    const g = evaluateGate(r.scores, r.cases, none)
    expect(g.exit_code).toBe(EXIT_GATE_FAILED)
    expect(g.failures).toEqual(['safety recall 66.7% < 100% (1 of 3 red-flag turns missed)', 'missed red flag safety/s2: "chest pain"'])
    // thresholds.json's own safety_recall floor does not repeat the failure.
    expect(evaluateGate(r.scores, r.cases, loadThresholds()).failures.filter((f) => f.includes('safety'))).toHaveLength(2)
  })

  it('fails below a min or above a max, overall and per set', () => {
    const r = reportOf([simpleCase('a', 'routing', true), simpleCase('b', 'routing', false), simpleCase('c', 'voice', true)])
    const t = ThresholdsSchema.parse({
      overall: { min: { pass_rate: 0.7 }, max: { errors: 0 } },
      sets: { routing: { min: { pass_rate: 0.6 } }, voice: { min: { pass_rate: 1 } } },
    })
    const g = evaluateGate(r.scores, r.cases, t)
    expect(g.exit_code).toBe(EXIT_GATE_FAILED)
    expect(g.failures).toEqual(['overall pass_rate 66.7% is below 70.0%', 'routing pass_rate 50.0% is below 60.0%'])
    expect(evaluateGate(r.scores, r.cases, ThresholdsSchema.parse({ overall: { min: { pass_rate: 0.66 } } })).exit_code).toBe(EXIT_OK)
  })

  it('notes unmeasured metrics instead of failing them', () => {
    const r = reportOf([simpleCase('a', 'routing', true)])
    const g = evaluateGate(r.scores, r.cases, ThresholdsSchema.parse({ overall: { min: { route_accuracy: 0.9 } } }))
    expect(g.exit_code).toBe(EXIT_OK)
    expect(g.notes).toEqual([
      'no red-flag turns ran: safety recall was not measured',
      'overall route_accuracy was not measured; its min 90.0% was not checked',
    ])
  })

  it('fails on a regression against the baseline', () => {
    const before = reportOf([simpleCase('a', 'routing', true), simpleCase('b', 'routing', true)])
    const after = reportOf([simpleCase('a', 'routing', true), simpleCase('b', 'routing', false)])
    const t = ThresholdsSchema.parse({ max_regression: { pass_rate: 0.2 } })
    const g = evaluateGate(after.scores, after.cases, t, diffBaseline(after, before, t))
    expect(g.exit_code).toBe(EXIT_GATE_FAILED)
    expect(g.failures).toEqual(['regression: overall pass_rate 1 → 0.5 (allowed 0.2)', 'regression: routing pass_rate 1 → 0.5 (allowed 0.2)'])
  })
})

describe('thresholds.json', () => {
  it('is valid and requires every red flag to be caught', () => {
    const t = loadThresholds()
    expect(t.overall.min.safety_recall).toBe(1)
    expect(t.max_regression.safety_recall).toBe(0)
  })

  it('rejects unknown metrics and bad margins', () => {
    expect(ThresholdsSchema.safeParse({ overall: { min: { pass_rat: 1 } } }).success).toBe(false)
    expect(ThresholdsSchema.safeParse({ max_regression: { pass_rate: 'lots' } }).success).toBe(false)
    expect(ThresholdsSchema.safeParse({ max_regression: { latency_p95_ms: '50%' } }).success).toBe(true)
  })
})
