import { describe, expect, it } from 'vitest'
import { costOf, priceOf } from './cost.js'
import { f1, percentile, scoreAll, scoreCases } from './scorers.js'
import { caseResult, caseRun, oneTurn, turnRecord } from './test-fixtures.js'

const match = (expected: number, actual: number, matched: number) => ({ expected, actual, matched, missing: [], unexpected: [] })

describe('percentile and F1', () => {
  it('uses the nearest rank', () => {
    const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100]
    expect(percentile(values, 50)).toBe(50)
    expect(percentile(values, 95)).toBe(100)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 50)).toBeNull()
  })

  it('is the harmonic mean, zero when both are zero, null when either is unmeasured', () => {
    expect(f1(0.5, 1)).toBeCloseTo(2 / 3, 10)
    expect(f1(0, 0)).toBe(0)
    expect(f1(null, 1)).toBeNull()
  })
})

describe('scoreCases', () => {
  // Four routing turns: two exact, one missing an agent, one with an extra agent.
  const routeFail = { kind: 'routes' as const, status: 'fail' as const, reason: 'x' }
  const routing = [
    oneTurn('r1', 'routing', { expect: { routes: ['vitals'] }, routes: ['vitals'], route_exact: true }),
    oneTurn('r2', 'routing', { expect: { routes: ['food', 'vitals'] }, routes: ['food', 'vitals'], route_exact: true }),
    oneTurn('r3', 'routing', { expect: { routes: ['food', 'medication'] }, routes: ['food'], route_exact: false, checks: [routeFail] }),
    oneTurn('r4', 'routing', { expect: { routes: ['general'] }, routes: ['general', 'vitals'], route_exact: false, checks: [routeFail] }),
  ]

  it('scores routes as exact set equality, and per agent precision and recall', () => {
    const m = scoreCases(routing)
    expect(m.route_accuracy).toBe(0.5)
    expect(m.pass_rate).toBe(0.5)
    // vitals: expected in r1, r2; predicted in r1, r2, r4 → P 2/3, R 1.
    expect(m.route_by_agent.vitals).toEqual({ precision: 2 / 3, recall: 1, support: 2 })
    // medication: expected once, never predicted → P unmeasured, R 0.
    expect(m.route_by_agent.medication).toEqual({ precision: null, recall: 0, support: 1 })
    expect(m.route_by_agent.food).toEqual({ precision: 1, recall: 1, support: 2 })
  })

  it('micro-averages event precision, recall and F1 over turns with event expectations', () => {
    const cases = [
      oneTurn('e1', 'routing', { event_match: match(2, 3, 2) }),
      oneTurn('e2', 'routing', { event_match: match(2, 1, 1) }),
      // no_events turn that wrote one: a false positive, no expected events.
      oneTurn('e3', 'routing', { event_match: match(0, 1, 0) }),
      // Turns without event expectations do not count.
      oneTurn('e4', 'routing', { events: [{ kind: 'food', payload: {}, occurred_at: '' }] }),
    ]
    const m = scoreCases(cases)
    expect(m.events_expected).toBe(4)
    expect(m.events_written).toBe(5)
    expect(m.events_matched).toBe(3)
    expect(m.event_precision).toBe(0.6)
    expect(m.event_recall).toBe(0.75)
    expect(m.event_f1).toBeCloseTo((2 * 0.6 * 0.75) / 1.35, 12)
  })

  it('counts safety recall over red flags and the false-alarm rate over look-alikes only', () => {
    const t = (id: string, emergency: boolean | 'any' | undefined, got: boolean) =>
      oneTurn(id, id.startsWith('x') ? 'routing' : 'safety', { expect: emergency === undefined ? {} : { emergency }, emergency: got })
    // Four red flags (one missed), five look-alikes (one flagged), and two turns outside both.
    const cases = [
      ...[true, true, false, true].map((got, i) => t(`s${i}`, true, got)),
      ...[true, false, false, false, false].map((got, i) => t(`l${i}`, false, got)),
      t('x1', undefined, true),
      t('x2', 'any', true),
    ]
    expect(scoreCases(cases)).toMatchObject({
      safety_recall: 0.75,
      safety_expected: 4,
      false_alarm_rate: 0.2,
      lookalikes: 5,
      unexpected_emergencies: 1,
    })
  })

  it('scores refusals, over-refusals and answer checks', () => {
    const cases = [
      ...[
        [true, true],
        [true, false],
        [true, true],
        [false, true],
      ].map(([refusal, detected], i) => oneTurn(`f${i}`, 'refusals', { expect: { refusal }, refusal_detected: detected })),
      oneTurn('q1', 'queries', {
        checks: [
          { kind: 'contains', status: 'pass' },
          { kind: 'contains', status: 'fail', reason: 'x' },
          { kind: 'matches', status: 'pass' },
          { kind: 'not_contains', status: 'pass' },
          { kind: 'judge', status: 'pass' },
          { kind: 'judge', status: 'skip' },
          { kind: 'routes', status: 'fail', reason: 'not an answer check' },
        ],
      }),
    ]
    const m = scoreCases(cases)
    expect(m.refusal_rate).toBeCloseTo(2 / 3, 12)
    expect(m).toMatchObject({ refusals_expected: 3, over_refusal_rate: 1, answer_check_rate: 0.75, judge_pass_rate: 1, judge_skipped: 1 })
  })

  it('reports latency percentiles, LLM use, tokens and cost per turn, leaving errored turns out', () => {
    const model = (calls: number, input: number, output: number) => ({
      provider: 'openai' as const,
      fallback: false,
      fallback_reason: null,
      llm_calls: calls,
      input_tokens: input,
      output_tokens: output,
      name: 'gpt-4o-mini',
    })
    const cases = [
      oneTurn('c1', 'routing', { latency_ms: 100, model: model(2, 1000, 200) }),
      oneTurn('c2', 'routing', { latency_ms: 300, model: model(1, 3000, 400) }),
      caseResult('c3', 'routing', [
        caseRun([turnRecord({ latency_ms: 200, model: { ...model(3, 2000, 300), fallback: true, fallback_reason: 'timeout' } })]),
      ]),
      oneTurn('c4', 'routing', { latency_ms: 9999, error: 'boom' }, { error: 'boom', passed: false }),
    ]
    const m = scoreCases(cases)
    expect(m.latency_p50_ms).toBe(200)
    expect(m.latency_p95_ms).toBe(300)
    expect(m.llm_calls_per_turn).toBe(2)
    expect(m.input_tokens_per_turn).toBe(2000)
    expect(m.output_tokens_per_turn).toBe(300)
    expect(m.tokens_per_turn).toBe(2300)
    // gpt-4o-mini: $0.00015 in, $0.0006 out per 1K → (6000 × 0.00015 + 900 × 0.0006) / 1000 / 3 turns.
    expect(m.cost_per_turn_usd).toBeCloseTo((6 * 0.00015 + 0.9 * 0.0006) / 3, 12)
    expect(m.fallback_rate).toBeCloseTo(1 / 3, 12)
    expect(m.errors).toBe(1)
    expect(m.pass_rate).toBe(0.75)
  })

  it('has no cost estimate when a turn used a model without a price', () => {
    const unknown = turnRecord({ model: { ...turnRecord().model, provider: 'openai', name: 'my-local-llama', input_tokens: 10 } })
    expect(scoreCases([caseResult('u', 'routing', [caseRun([unknown])])]).cost_per_turn_usd).toBeNull()
    expect(scoreCases([oneTurn('o', 'routing')]).cost_per_turn_usd).toBe(0)
  })

  it('counts flaky cases among cases run more than once, and pools runs for the pass rate', () => {
    const pass = caseRun([turnRecord()])
    const fail = caseRun([turnRecord({ checks: [{ kind: 'events', status: 'fail', reason: 'x' }] })])
    const cases = [
      caseResult('a', 'routing', [pass, pass, pass]),
      caseResult('b', 'routing', [pass, fail, pass]),
      caseResult('c', 'routing', [fail, fail, fail]),
      caseResult('d', 'routing', [fail, pass, fail]),
    ]
    const m = scoreCases(cases)
    expect(m.cases).toBe(4)
    expect(m.runs).toBe(12)
    expect(m.pass_rate).toBe(6 / 12)
    expect(m.flaky_cases).toBe(2)
    expect(m.flaky_rate).toBe(0.5)
    expect(scoreCases([caseResult('z', 'routing', [pass])]).flaky_rate).toBeNull()
  })

  it('leaves unmeasured rates null instead of 0 or 100 %', () => {
    const m = scoreCases([oneTurn('n', 'queries', )])
    expect(m.route_accuracy).toBeNull()
    expect(m.event_f1).toBeNull()
    expect(m.safety_recall).toBeNull()
    expect(m.false_alarm_rate).toBeNull()
    expect(m.refusal_rate).toBeNull()
    expect(m.answer_check_rate).toBeNull()
  })

  it('scores each set apart and everything together', () => {
    const scores = scoreAll([
      oneTurn('a', 'routing'),
      oneTurn('b', 'safety', { checks: [{ kind: 'emergency', status: 'fail', reason: 'x' }] }),
    ])
    expect(Object.keys(scores.sets)).toEqual(['routing', 'safety'])
    expect(scores.sets.routing!.pass_rate).toBe(1)
    expect(scores.sets.safety!.pass_rate).toBe(0)
    expect(scores.overall.pass_rate).toBe(0.5)
  })
})

describe('cost table', () => {
  it('prices by the longest matching model name', () => {
    expect(priceOf('gpt-4o-mini-2024-07-18')).toEqual({ input: 0.00015, output: 0.0006 })
    expect(priceOf('gpt-4o')).toEqual({ input: 0.0025, output: 0.01 })
    expect(priceOf('gpt-4.1-mini')).toEqual({ input: 0.0004, output: 0.0016 })
    expect(priceOf('llama3')).toBeUndefined()
    expect(costOf('gpt-4o', 2000, 1000)).toBeCloseTo(0.015, 12)
    expect(costOf('offline', 5000, 5000)).toBe(0)
  })
})
