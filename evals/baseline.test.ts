import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffBaseline, readBaseline } from './baseline.js'
import { reportOf, simpleCase } from './test-fixtures.js'
import { ThresholdsSchema } from './thresholds-schema.js'

const thresholds = (max_regression: Record<string, number | string>) => ThresholdsSchema.parse({ max_regression })

describe('diffBaseline', () => {
  const before = reportOf([
    simpleCase('a', 'routing', true),
    simpleCase('b', 'routing', false),
    simpleCase('c', 'routing', true),
    simpleCase('d', 'routing', true),
    simpleCase('gone', 'queries', true),
  ])
  const after = reportOf([
    simpleCase('a', 'routing', true),
    simpleCase('b', 'routing', true),
    simpleCase('c', 'routing', false),
    simpleCase('d', 'routing', false),
    simpleCase('new', 'voice', true),
  ])

  it('lists fixed, broken, new and dropped cases', () => {
    const d = diffBaseline(after, before, thresholds({}), 'base.json')
    expect(d.fixed.map((c) => c.id)).toEqual(['b'])
    expect(d.broken).toEqual([
      { id: 'c', set: 'routing', failures: ['events: missing'] },
      { id: 'd', set: 'routing', failures: ['events: missing'] },
    ])
    expect(d.added).toEqual(['new'])
    expect(d.removed).toEqual(['gone'])
    expect(d.baseline).toMatchObject({ file: 'base.json', model_name: 'offline' })
  })

  it('gives the delta of every metric overall and for sets in both runs', () => {
    const d = diffBaseline(after, before, thresholds({}))
    const overall = d.metrics.find((m) => m.scope === 'overall' && m.key === 'pass_rate')!
    expect(overall).toMatchObject({ baseline: 0.8, current: 0.6, regression: false })
    expect(overall.delta).toBeCloseTo(-0.2, 12)
    const routing = d.metrics.find((m) => m.scope === 'routing' && m.key === 'pass_rate')!
    expect(routing).toMatchObject({ baseline: 0.75, current: 0.5 })
    expect(d.metrics.some((m) => m.scope === 'voice' || m.scope === 'queries')).toBe(false)
    expect(d.metrics.find((m) => m.key === 'route_accuracy')).toMatchObject({ baseline: null, current: null, delta: null })
  })

  it('flags a metric that moved the wrong way by more than its margin', () => {
    expect(diffBaseline(after, before, thresholds({ pass_rate: 0.25 })).regressions).toEqual([])
    const d = diffBaseline(after, before, thresholds({ pass_rate: 0.1 }))
    expect(d.regressions).toEqual([
      'overall pass_rate 0.8 → 0.6 (allowed 0.1)',
      'routing pass_rate 0.75 → 0.5 (allowed 0.1)',
    ])
    // Getting better never regresses, however far it moves.
    expect(diffBaseline(before, after, thresholds({ pass_rate: 0 })).regressions).toEqual([])
  })

  it('reads a margin in percent as relative to the baseline, for lower-is-better metrics too', () => {
    const slow = reportOf([simpleCase('a', 'routing', true, { latency_ms: 130 })])
    const fast = reportOf([simpleCase('a', 'routing', true, { latency_ms: 100 })])
    expect(diffBaseline(slow, fast, thresholds({ latency_p50_ms: '25%' })).regressions).toEqual([
      'overall latency_p50_ms 100 → 130 (allowed 25%)',
      'routing latency_p50_ms 100 → 130 (allowed 25%)',
    ])
    expect(diffBaseline(slow, fast, thresholds({ latency_p50_ms: '30%' })).regressions).toEqual([])
    expect(diffBaseline(fast, slow, thresholds({ latency_p50_ms: '0%' })).regressions).toEqual([])
  })

  it('notes datasets whose content changed since the baseline', () => {
    const changed = { ...after, run: { ...after.run, datasets: [{ name: 'routing' as const, version: 2, hash: 'def', cases: 4 }] } }
    expect(diffBaseline(changed, before, thresholds({})).changed_datasets).toEqual(['routing (v1 abc → v2 def)'])
  })
})

describe('readBaseline', () => {
  it('reads a report and refuses anything else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-base-'))
    const good = path.join(dir, 'good.json')
    fs.writeFileSync(good, JSON.stringify(reportOf([simpleCase('a', 'routing', true)])))
    expect(readBaseline(good).cases[0]!.id).toBe('a')
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"hello": 1}')
    expect(() => readBaseline(path.join(dir, 'bad.json'))).toThrow(/is not an eval report/)
    expect(() => readBaseline(path.join(dir, 'missing.json'))).toThrow(/cannot read baseline/)
    fs.rmSync(dir, { recursive: true })
  })
})
