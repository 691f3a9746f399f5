import fs from 'node:fs'
import type { CaseResult, EvalReport } from './results.js'
import { METRICS, type MetricKey, type Metrics } from './scorers.js'
import { allowedMove, type Margin, type Thresholds } from './thresholds-schema.js'

/**
 * Compares a run with an earlier one: the delta of every metric (overall and per set), the
 * cases that now pass and failed before (fixed) and the reverse (broken), and regressions —
 * metrics that moved the wrong way by more than thresholds.json allows.
 */

export interface MetricDelta {
  scope: string
  key: MetricKey
  baseline: number | null
  current: number | null
  /** current − baseline; null when either side was not measured. */
  delta: number | null
  regression: boolean
  margin?: Margin
}

export interface CaseChange {
  id: string
  set: string
  failures: string[]
}

export interface BaselineDiff {
  baseline: { file: string; started_at: string; model_name: string; git_commit: string | null }
  metrics: MetricDelta[]
  fixed: CaseChange[]
  broken: CaseChange[]
  added: string[]
  removed: string[]
  /** Datasets whose content changed since the baseline: their deltas compare different cases. */
  changed_datasets: string[]
  regressions: string[]
}

export function readBaseline(file: string): EvalReport {
  let report: EvalReport
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8')) as EvalReport
  } catch (err) {
    throw new Error(`cannot read baseline ${file}: ${(err as Error).message}`)
  }
  if (report.format !== 'podd-eval-report/1') {
    throw new Error(`${file} is not an eval report (format ${String(report.format)})`)
  }
  return report
}

type Margins = Thresholds['max_regression']

function compareMetrics(scope: string, base: Metrics, cur: Metrics, margins: Margins): MetricDelta[] {
  return METRICS.map(({ key, better }) => {
    const [b, c] = [base[key], cur[key]]
    const delta = b === null || c === null ? null : c - b
    const margin = margins[key]
    const worse = delta === null ? 0 : better === 'higher' ? -delta : delta
    const regression = margin !== undefined && b !== null && worse > allowedMove(margin, b) + 1e-9
    return { scope, key, baseline: b, current: c, delta, regression, ...(margin !== undefined ? { margin } : {}) }
  })
}

const byId = (cases: CaseResult[]) => new Map(cases.map((c) => [c.id, c]))

export function diffBaseline(current: EvalReport, baseline: EvalReport, thresholds: Thresholds, file = ''): BaselineDiff {
  const margins = thresholds.max_regression
  const metrics = compareMetrics('overall', baseline.scores.overall, current.scores.overall, margins)
  for (const [set, m] of Object.entries(current.scores.sets)) {
    const b = baseline.scores.sets[set]
    if (b) metrics.push(...compareMetrics(set, b, m, margins))
  }

  const [before, now] = [byId(baseline.cases), byId(current.cases)]
  const fixed: CaseChange[] = []
  const broken: CaseChange[] = []
  for (const c of current.cases) {
    const b = before.get(c.id)
    if (!b || b.passed === c.passed) continue
    const failures = [...new Set(c.runs.flatMap((r) => r.failures))]
    ;(c.passed ? fixed : broken).push({ id: c.id, set: c.set, failures })
  }
  const baseSets = new Map(baseline.run.datasets.map((d) => [d.name, d]))
  const changed = current.run.datasets
    .filter((d) => baseSets.has(d.name) && baseSets.get(d.name)!.hash !== d.hash)
    .map((d) => `${d.name} (v${baseSets.get(d.name)!.version} ${baseSets.get(d.name)!.hash} → v${d.version} ${d.hash})`)

  const regressions = metrics
    .filter((m) => m.regression)
    .map((m) => {
      const allowed = typeof m.margin === 'string' ? m.margin : fmt(m.margin!)
      return `${m.scope} ${m.key} ${fmt(m.baseline)} → ${fmt(m.current)} (allowed ${allowed})`
    })
  return {
    baseline: {
      file,
      started_at: baseline.run.started_at,
      model_name: baseline.run.model_name,
      git_commit: baseline.run.git_commit,
    },
    metrics,
    fixed,
    broken,
    added: current.cases.filter((c) => !before.has(c.id)).map((c) => c.id),
    removed: baseline.cases.filter((c) => !now.has(c.id)).map((c) => c.id),
    changed_datasets: changed,
    regressions,
  }
}

const fmt = (v: number | null) => (v === null ? 'n/a' : String(Math.round(v * 10_000) / 10_000))
