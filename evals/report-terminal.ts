import { deltaTone, formatDelta, formatMetric } from './format.js'
import type { EvalReport } from './results.js'
import type { Metrics } from './scorers.js'

/** The terminal summary: per-set table, details, failures with reasons, baseline deltas, gate. */

export interface TerminalOptions {
  color?: boolean
  /** Failing cases listed before "… and N more". */
  maxFailures?: number
  /** Where the HTML report was written, to point at it. */
  htmlPath?: string
}

type Paint = (s: string) => string

function painter(on: boolean) {
  const wrap = (code: number): Paint => (s) => (on ? `\x1b[${code}m${s}\x1b[0m` : s)
  return { red: wrap(31), green: wrap(32), yellow: wrap(33), dim: wrap(2), bold: wrap(1) }
}

const visible = (s: string) => s.replace(/\x1b\[\d+m/g, '').length

/** Columns padded to their widest cell; the first column left-aligned, the rest right. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => visible(r[i] ?? ''))))
  return rows
    .map((r) =>
      r.map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - visible(cell))
        return i === 0 ? cell + pad : pad + cell
      }).join('  '),
    )
    .join('\n')
}

const COLUMNS: [keyof Metrics, string][] = [
  ['pass_rate', 'pass'],
  ['route_accuracy', 'routes'],
  ['event_precision', 'ev P'],
  ['event_recall', 'ev R'],
  ['event_f1', 'ev F1'],
  ['safety_recall', 'safety'],
  ['false_alarm_rate', 'false al.'],
  ['refusal_rate', 'refusal'],
  ['answer_check_rate', 'answers'],
  ['latency_p50_ms', 'p50'],
  ['latency_p95_ms', 'p95'],
]

const pct = (v: number | null) => formatMetric('pass_rate', v)
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

export function renderTerminal(report: EvalReport, opts: TerminalOptions = {}): string {
  const p = painter(opts.color ?? false)
  const { run, scores } = report
  const out: string[] = []
  const sets = run.datasets.map((d) => `${d.name} v${d.version}`).join(', ')
  const secs = (run.duration_ms / 1000).toFixed(1)
  out.push(
    p.bold(`Podd eval · ${run.model} (${run.model_name}) · ${scores.overall.cases} cases × ${run.repeat} · ${secs} s`),
    p.dim(`now ${run.now} · judge ${run.judge_model ?? 'off'} · ${sets}`),
    '',
  )

  const row = (name: string, m: Metrics) => [
    name,
    String(m.cases),
    ...COLUMNS.map(([k]) => formatMetric(k, m[k] as number | null)),
  ]
  const rows = [['set', 'cases', ...COLUMNS.map(([, label]) => label)]]
  for (const [set, m] of Object.entries(scores.sets)) rows.push(row(set, m))
  rows.push(row(p.bold('overall'), scores.overall))
  out.push(table(rows), '')

  const o = scores.overall
  const agents = Object.entries(o.route_by_agent)
    .filter(([, a]) => a.support > 0 || a.precision !== null)
    .map(([name, a]) => `${name} P ${pct(a.precision)} R ${pct(a.recall)} (n=${a.support})`)
  out.push(
    `events: ${o.events_matched} matched of ${o.events_expected} expected and ${o.events_written} written`,
    `routes by agent: ${agents.join(' · ') || '–'}`,
    `safety: ${o.safety_expected} red-flag turns, ${o.lookalikes} look-alikes, ` +
      `${o.unexpected_emergencies} unexpected emergencies · ` +
      `refusals expected ${o.refusals_expected}, over-refusal ${formatMetric('over_refusal_rate', o.over_refusal_rate)}`,
    `model: ${formatMetric('llm_calls_per_turn', o.llm_calls_per_turn)} LLM calls/turn · ` +
      `${formatMetric('tokens_per_turn', o.tokens_per_turn)} tokens/turn · ` +
      `${formatMetric('cost_per_turn_usd', o.cost_per_turn_usd)}/turn · ` +
      `fallback ${formatMetric('fallback_rate', o.fallback_rate)} · errors ${o.errors}`,
    `judge: ${o.judge_pass_rate === null ? 'not run' : formatMetric('judge_pass_rate', o.judge_pass_rate)}` +
      (o.judge_skipped ? ` (${o.judge_skipped} skipped)` : ''),
    '',
  )

  const failing = report.cases.filter((c) => !c.passed)
  const max = opts.maxFailures ?? 40
  if (failing.length) {
    out.push(p.bold(`Failures: ${failing.length} of ${report.cases.length} cases`))
    for (const c of failing.slice(0, max)) {
      const run0 = c.runs.find((r) => !r.passed)!
      const first = run0.turns[0]?.message ?? ''
      const flaky = c.flaky ? p.yellow(` flaky ${c.runs.filter((r) => r.passed).length}/${c.runs.length}`) : ''
      out.push(`${p.red('✗')} ${c.set}/${c.id}${flaky} ${p.dim(clip(JSON.stringify(first), 70))}`)
      for (const f of run0.failures.slice(0, 6)) out.push(`    ${clip(f, 220)}`)
      if (run0.failures.length > 6) out.push(p.dim(`    … ${run0.failures.length - 6} more`))
    }
    if (failing.length > max) out.push(p.dim(`… and ${failing.length - max} more failing cases (see the JSON or HTML report)`))
    out.push('')
  }
  if (report.flaky.length) {
    out.push(`Flaky: ${report.flaky.map((f) => `${f.id} (${f.passes}/${f.runs})`).join(', ')}`, '')
  }

  if (report.baseline) out.push(...renderBaseline(report, p), '')
  if (report.gate) {
    const g = report.gate
    out.push(gateLine(g, p))
    for (const f of g.failures) out.push(`  ${p.red('✗')} ${f}`)
    for (const k of g.known ?? []) out.push(`  ${p.yellow('!')} ${k}`)
    for (const n of g.notes) out.push(p.dim(`  · ${n}`))
    if (g.below_target?.length) {
      out.push(p.yellow(`  Floors below the targets (measured baselines, not the goal):`))
      for (const b of g.below_target) out.push(p.yellow(`    ${b}`))
    }
  }
  if (opts.htmlPath) out.push(p.dim(`HTML report: ${opts.htmlPath}`))
  return out.join('\n')
}

/** "Gate: PASS", "Gate: PASS with N known failures" (some cases fail within the floors) or "Gate: FAIL". */
export function gateLine(g: NonNullable<EvalReport['gate']>, p = painter(false)): string {
  if (!g.passed) return p.red(p.bold('Gate: FAIL'))
  const n = g.known_failing_cases ?? 0
  return n > 0 ? p.yellow(p.bold(`Gate: PASS with ${n} known failure${n === 1 ? '' : 's'}`)) : p.green(p.bold('Gate: PASS'))
}

function renderBaseline(report: EvalReport, p: ReturnType<typeof painter>): string[] {
  const d = report.baseline!
  const out = [p.bold(`Against baseline ${d.baseline.file} (${d.baseline.started_at}, ${d.baseline.model_name})`)]
  for (const c of d.changed_datasets) out.push(p.yellow(`  dataset changed: ${c}`))
  const tone = (key: string, delta: number | null, s: string) => {
    const t = deltaTone(key, delta)
    return t === 'better' ? p.green(s) : t === 'worse' ? p.red(s) : p.dim(s)
  }
  const rows = [['metric', 'baseline', 'now', 'delta']]
  for (const m of d.metrics.filter((m) => m.scope === 'overall' || m.regression)) {
    if (m.baseline === null && m.current === null) continue
    const label = m.scope === 'overall' ? m.key : `${m.scope} ${m.key}`
    const delta = tone(m.key, m.delta, formatDelta(m.key, m.delta)) + (m.regression ? p.red(' REGRESSION') : '')
    rows.push([label, formatMetric(m.key, m.baseline), formatMetric(m.key, m.current), delta])
  }
  out.push(table(rows))
  if (d.fixed.length) out.push(p.green(`fixed (${d.fixed.length}): ${d.fixed.map((c) => c.id).join(', ')}`))
  if (d.broken.length) {
    out.push(p.red(`broken (${d.broken.length}):`))
    for (const c of d.broken) out.push(`  ${c.set}/${c.id}: ${clip(c.failures[0] ?? '', 160)}`)
  }
  if (d.added.length) out.push(p.dim(`new cases: ${d.added.length}`))
  if (d.removed.length) out.push(p.dim(`cases no longer run: ${d.removed.join(', ')}`))
  return out
}
