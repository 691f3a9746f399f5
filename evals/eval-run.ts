import { diffBaseline } from './baseline.js'
import type { Dataset, EvalCase } from './dataset-schema.js'
import { evaluateGate } from './gate.js'
import type { Judge } from './judge.js'
import type { EvalReport, RunInfo } from './results.js'
import { runCases, type EvalWorker } from './runner.js'
import { scoreAll } from './scorers.js'
import type { Thresholds } from './thresholds-schema.js'

/** One eval run as a function: run the cases, score them, compare with a baseline, gate. */

export interface EvalRunOptions {
  datasets: Dataset[]
  model: RunInfo['model']
  modelName: string
  /** Builds a worker whose services read the given clock. */
  createWorker: (clock: () => Date) => Promise<EvalWorker>
  now: Date
  repeat?: number
  concurrency?: number
  judge?: Judge
  thresholds: Thresholds
  baseline?: { report: EvalReport; file: string }
  /** Only cases whose id contains this text or that carry it as a tag. */
  filter?: string
  gitCommit?: string | null
  onProgress?: (done: number, total: number, last: { id: string; passed: boolean }) => void
}

export function selectCases(datasets: Dataset[], filter?: string): EvalCase[] {
  const all = datasets.flatMap((d) => d.cases)
  if (!filter) return all
  const f = filter.toLowerCase()
  return all.filter((c) => c.id.includes(f) || c.tags.some((t) => t.toLowerCase() === f))
}

export async function runEval(opts: EvalRunOptions): Promise<EvalReport> {
  const started = new Date()
  const cases = selectCases(opts.datasets, opts.filter)
  const repeat = Math.max(1, opts.repeat ?? 1)
  const concurrency = Math.max(1, opts.concurrency ?? 1)
  const results = await runCases(cases, {
    createWorker: opts.createWorker,
    now: opts.now,
    repeat,
    concurrency,
    modelName: opts.modelName,
    judge: opts.judge,
    onProgress: opts.onProgress,
  })
  const finished = new Date()
  const run: RunInfo = {
    model: opts.model,
    model_name: opts.modelName,
    judge_model: opts.judge?.model ?? null,
    datasets: opts.datasets.map((d) => ({
      name: d.name,
      version: d.version,
      hash: d.hash,
      cases: cases.filter((c) => c.set === d.name).length,
    })),
    repeat,
    concurrency,
    now: opts.now.toISOString(),
    started_at: started.toISOString(),
    finished_at: finished.toISOString(),
    duration_ms: finished.getTime() - started.getTime(),
    git_commit: opts.gitCommit ?? null,
    filter: opts.filter ?? null,
  }
  const report: EvalReport = {
    format: 'podd-eval-report/1',
    run,
    scores: scoreAll(results),
    flaky: results
      .filter((c) => c.flaky)
      .map((c) => ({ id: c.id, set: c.set, passes: c.runs.filter((r) => r.passed).length, runs: c.runs.length })),
    cases: results,
  }
  if (opts.baseline) report.baseline = diffBaseline(report, opts.baseline.report, opts.thresholds, opts.baseline.file)
  report.gate = evaluateGate(report.scores, report.cases, opts.thresholds, report.baseline)
  return report
}
