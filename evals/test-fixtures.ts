import type { SetName } from './dataset-schema.js'
import type { CaseResult, CaseRun, CheckResult, EvalReport, TurnRecord } from './results.js'
import { scoreAll } from './scorers.js'

/** Hand-made results for the scorer, baseline and gate tests. */

const OFFLINE = { provider: 'offline', fallback: false, fallback_reason: null, llm_calls: 0, input_tokens: 0, output_tokens: 0, name: 'offline' } as const

export function turnRecord(over: Partial<TurnRecord> = {}): TurnRecord {
  return {
    index: 0,
    message: 'BP 130/85',
    expect: {},
    reply: 'Logged.',
    routes: [],
    events: [],
    emergency: false,
    model: { ...OFFLINE },
    latency_ms: 10,
    graph_ms: 8,
    refusal_detected: false,
    checks: [],
    ...over,
  }
}

export function caseRun(turns: TurnRecord[], over: Partial<CaseRun> = {}): CaseRun {
  const failures = turns.flatMap((t) => t.checks.filter((c) => c.status === 'fail').map((c) => `${c.kind}: ${c.reason}`))
  return { repeat: 0, passed: failures.length === 0, failures, turns, ...over }
}

export function caseResult(id: string, set: SetName, runs: CaseRun[]): CaseResult {
  const passes = runs.filter((r) => r.passed).length
  return {
    id,
    set,
    tags: [],
    source: 'chat',
    turns: runs[0]?.turns.length ?? 1,
    runs: runs.map((r, i) => ({ ...r, repeat: i })),
    passed: passes === runs.length,
    flaky: passes > 0 && passes < runs.length,
  }
}

export function reportOf(cases: CaseResult[], over: Partial<EvalReport['run']> = {}): EvalReport {
  return {
    format: 'podd-eval-report/1',
    run: {
      model: 'offline',
      model_name: 'offline',
      judge_model: null,
      datasets: [...new Set(cases.map((c) => c.set))].map((name) => ({ name, version: 1, hash: 'abc', cases: 1 })),
      repeat: 1,
      concurrency: 1,
      now: '2025-06-11T14:00:00.000Z',
      started_at: '2025-06-11T14:00:00.000Z',
      finished_at: '2025-06-11T14:00:01.000Z',
      duration_ms: 1000,
      git_commit: null,
      filter: null,
      ...over,
    },
    scores: scoreAll(cases),
    flaky: [],
    cases,
  }
}

/** A case of one run of one turn. */
export function oneTurn(id: string, set: SetName, over: Partial<TurnRecord> = {}, run: Partial<CaseRun> = {}): CaseResult {
  return caseResult(id, set, [caseRun([turnRecord(over)], run)])
}

/** A single-turn case that passes or fails one check. */
export function simpleCase(id: string, set: SetName, passed: boolean, over: Partial<TurnRecord> = {}): CaseResult {
  const check: CheckResult = passed ? { kind: 'events', status: 'pass' } : { kind: 'events', status: 'fail', reason: 'missing' }
  return oneTurn(id, set, { checks: [check], ...over })
}
