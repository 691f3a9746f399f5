import { deltaTone, formatDelta, formatMetric } from './format.js'
import { gateLine } from './report-terminal.js'
import type { CaseResult, EvalReport, TurnRecord } from './results.js'
import { METRICS, type Metrics } from './scorers.js'

/**
 * A self-contained HTML report (inline CSS, no scripts, no external assets) to attach to a CI
 * run: metrics per set, the baseline comparison, and per set every case, failures first, with
 * each turn's message, reply, routes, events and checks.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]!)
const tag = (name: string, body: string, cls?: string) => `<${name}${cls ? ` class="${cls}"` : ''}>${body}</${name}>`
const list = <T>(items: T[], item: (x: T) => string, cls?: string) =>
  items.length ? tag('ul', items.map(item).join(''), cls) : ''
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#222}
h1{font-size:20px}h2{font-size:17px;margin-top:32px;border-bottom:1px solid #ddd}h3{font-size:15px}
table{border-collapse:collapse;margin:8px 0}td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:right}
td:first-child,th:first-child{text-align:left}th{background:#f6f6f6}
.pass{color:#17803d}.fail{color:#c0262d}.skip,.dim{color:#888}.better{color:#17803d}.worse{color:#c0262d}
.badge{display:inline-block;padding:1px 8px;border-radius:9px;font-weight:600;color:#fff}
.badge.pass{background:#17803d}.badge.fail{background:#c0262d}
details{border:1px solid #e4e4e4;border-radius:6px;margin:6px 0;padding:4px 10px}
details.failed{border-left:4px solid #c0262d}details.ok{border-left:4px solid #17803d}
summary{cursor:pointer}pre{white-space:pre-wrap;background:#f8f8f8;padding:6px;margin:4px 0;font-size:12px}
.turn{margin:8px 0 12px 12px}.kv{color:#555}ul{margin:4px 0}
`

const row = (cells: string[], head = false) => tag('tr', cells.map((c) => tag(head ? 'th' : 'td', c)).join(''))

function metricsTable(rows: [string, Metrics][]): string {
  const shown = METRICS.filter((m) => m.key !== 'flaky_rate' && rows.some(([, r]) => r[m.key] !== null))
  const head = row(['set', 'cases', ...shown.map((m) => esc(m.label))], true)
  const body = rows.map(([name, r]) => row([esc(name), String(r.cases), ...shown.map((m) => formatMetric(m.key, r[m.key]))]))
  return tag('table', head + body.join(''))
}

function baselineSection(report: EvalReport): string {
  const d = report.baseline
  if (!d) return ''
  const rows = d.metrics
    .filter((m) => m.baseline !== null || m.current !== null)
    .filter((m) => m.scope === 'overall' || m.regression || deltaTone(m.key, m.delta) !== 'same')
    .map((m) => {
      const delta = `<span class="${deltaTone(m.key, m.delta)}">${esc(formatDelta(m.key, m.delta))}</span>`
      const flag = m.regression ? ' <b class="fail">regression</b>' : ''
      return row([esc(m.scope), esc(m.key), formatMetric(m.key, m.baseline), formatMetric(m.key, m.current), delta + flag])
    })
  const changes = (title: string, cls: string, items: { id: string; set: string; failures: string[] }[]) =>
    items.length
      ? tag('h3', `${title} (${items.length})`, cls) +
        list(items, (c) => tag('li', `${esc(c.set)}/${esc(c.id)} <span class="dim">${esc(c.failures[0] ?? '')}</span>`))
      : ''
  const b = d.baseline
  const about = [b.file, b.started_at, b.model_name, b.git_commit?.slice(0, 10)].filter(Boolean).map(esc).join(' · ')
  return (
    `<h2>Against baseline</h2><p class="dim">${about}</p>` +
    d.changed_datasets.map((c) => tag('p', `dataset changed: ${esc(c)}`, 'worse')).join('') +
    tag('table', row(['scope', 'metric', 'baseline', 'now', 'delta'], true) + rows.join('')) +
    changes('Broken', 'fail', d.broken) +
    changes('Fixed', 'pass', d.fixed.map((c) => ({ ...c, failures: [] })))
  )
}

const block = (label: string, text: string, cls?: string) => `<div class="kv">${label}</div>${tag('pre', esc(text), cls)}`

function eventsBlock(t: TurnRecord): string {
  const expected = (t.expect.events ?? []).map((e) => {
    const extra = [e.at ? `at ${e.at}` : '', e.tolerance ? `± ${JSON.stringify(e.tolerance)}` : ''].filter(Boolean).join(' ')
    return `${e.kind} ${JSON.stringify(e.fields)}${extra ? ` (${extra})` : ''}`
  })
  const written = t.events.map((e) => `${e.kind} ${JSON.stringify(e.payload)}`)
  const show = (label: string, lines: string[]) => (lines.length ? block(label, lines.join('\n')) : '')
  return show('expected events', expected) + show('written events', written)
}

const MARK = { pass: '✓', fail: '✗', skip: '–' } as const

function turnBlock(t: TurnRecord, multi: boolean): string {
  const checks = list(t.checks, (c) => {
    const reason = c.reason ? `: ${esc(c.reason)}` : ''
    return tag('li', `${MARK[c.status]} ${esc(c.kind)}${reason}`, c.status)
  })
  const names = (r: string[]) => esc(r.join(', ') || 'none')
  const routes = `routes ${t.expect.routes ? `expected ${names(t.expect.routes)} · ` : ''}got ${names(t.routes)}`
  const facts = [t.emergency ? '🚨 emergency' : '', routes, `${Math.round(t.latency_ms)} ms`, `${t.model.llm_calls} LLM calls`]
  return tag(
    'div',
    (multi ? `<b>Turn ${t.index + 1}</b> ` : '') +
      tag('span', facts.filter(Boolean).join(' · '), 'kv') +
      block('patient', t.message) +
      block('Podd', t.reply) +
      (t.error ? tag('pre', esc(t.error), 'fail') : '') +
      eventsBlock(t) +
      checks,
    'turn',
  )
}

function caseBlock(c: CaseResult): string {
  const run = c.runs.find((r) => !r.passed) ?? c.runs[0]!
  const passes = c.runs.filter((r) => r.passed).length
  const flaky = c.flaky ? ` <span class="worse">flaky ${passes}/${c.runs.length}</span>` : ''
  const first = esc(clip(c.runs[0]?.turns[0]?.message ?? '', 90))
  const mark = tag('span', c.passed ? '✓' : '✗', c.passed ? 'pass' : 'fail')
  const summary = `${mark} <b>${esc(c.id)}</b>${flaky} ${tag('span', first, 'dim')}`
  const about = [c.description ?? '', c.tags.length ? `tags: ${c.tags.join(', ')}` : '']
    .filter(Boolean)
    .map((s) => tag('p', esc(s), 'dim'))
  const seedError = run.error && !run.turns.length ? tag('pre', esc(run.error), 'fail') : ''
  return (
    `<details class="${c.passed ? 'ok' : 'failed'}"${c.passed ? '' : ' open'}>` +
    tag('summary', summary) +
    about.join('') +
    list(run.failures, (f) => tag('li', esc(f)), 'fail') +
    seedError +
    run.turns.map((t) => turnBlock(t, c.turns > 1)).join('') +
    '</details>'
  )
}

function header(report: EvalReport): string {
  const { run, gate } = report
  const facts = [
    run.started_at,
    `${(run.duration_ms / 1000).toFixed(1)} s`,
    `now ${run.now}`,
    `repeat ${run.repeat}`,
    `judge ${run.judge_model ?? 'off'}`,
    run.git_commit?.slice(0, 10) ?? '',
    run.filter ? `filter ${run.filter}` : '',
  ]
  const datasets = run.datasets.map((d) => `${d.name} v${d.version} (${d.cases} cases, ${d.hash})`).join(' · ')
  const verdict = gate
    ? `<p><span class="badge ${gate.passed ? 'pass' : 'fail'}">${esc(gateLine(gate).replace(/^Gate: /, 'gate '))}</span></p>` +
      list(gate.failures, (f) => tag('li', esc(f), 'fail')) +
      list(gate.known ?? [], (k) => tag('li', esc(k), 'fail')) +
      list(gate.below_target ?? [], (b) => tag('li', esc(`floor below target: ${b}`), 'dim')) +
      list(gate.notes, (n) => tag('li', esc(n), 'dim'))
    : ''
  return (
    tag('h1', `Podd eval · ${esc(run.model)} (${esc(run.model_name)})`) +
    tag('p', `${esc(facts.filter(Boolean).join(' · '))}<br>${esc(datasets)}`, 'dim') +
    verdict
  )
}

export function renderHtml(report: EvalReport): string {
  const { run, scores } = report
  const sets = Object.keys(scores.sets)
  const sections = sets.map((set) => {
    const cases = report.cases.filter((c) => c.set === set).sort((a, b) => Number(a.passed) - Number(b.passed))
    const passed = cases.filter((c) => c.passed).length
    const title = `<h2 id="set-${esc(set)}">${esc(set)} <span class="dim">${passed}/${cases.length} passed</span></h2>`
    return title + cases.map(caseBlock).join('')
  })
  const flakyList = list(report.flaky, (f) => tag('li', `${esc(f.id)} ${f.passes}/${f.runs}`))
  const flaky = report.flaky.length ? tag('h2', 'Flaky') + flakyList : ''
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Podd eval ${esc(run.started_at)}</title>` +
    `<style>${CSS}</style></head><body>` +
    header(report) +
    tag('h2', 'Scores') +
    metricsTable([...sets.map((s) => [s, scores.sets[s]!] as [string, Metrics]), ['overall', scores.overall]]) +
    tag('p', sets.map((s) => `<a href="#set-${esc(s)}">${esc(s)}</a>`).join(' · ')) +
    flaky +
    baselineSection(report) +
    sections.join('') +
    '</body></html>\n'
  )
}
