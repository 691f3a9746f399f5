import { describe, expect, it } from 'vitest'
import { diffBaseline } from './baseline.js'
import { evaluateGate } from './gate.js'
import { renderHtml } from './report-html.js'
import { renderTerminal, table } from './report-terminal.js'
import { reportOf, simpleCase } from './test-fixtures.js'
import { ThresholdsSchema } from './thresholds-schema.js'

const thresholds = ThresholdsSchema.parse({ max_regression: { pass_rate: 0.1 } })
const before = reportOf([simpleCase('ok-1', 'routing', true), simpleCase('was-ok', 'routing', true)])
const report = reportOf([
  simpleCase('ok-1', 'routing', true),
  simpleCase('was-ok', 'routing', false, { message: '<script>alert(1)</script>' }),
])
report.baseline = diffBaseline(report, before, thresholds, 'base.json')
report.gate = evaluateGate(report.scores, report.cases, thresholds, report.baseline)

describe('renderTerminal', () => {
  const text = renderTerminal(report, { htmlPath: 'r.html' })

  it('prints the per-set table, failures with reasons, the baseline and the verdict', () => {
    expect(text).toMatch(/^routing\s+2\s+50\.0%/m)
    expect(text).toContain('Failures: 1 of 2 cases')
    expect(text).toContain('✗ routing/was-ok')
    expect(text).toContain('    events: missing')
    expect(text).toMatch(/pass_rate\s+100\.0%\s+50\.0%\s+−50\.0 pt REGRESSION/)
    expect(text).toContain('broken (1):')
    expect(text).toContain('Gate: FAIL')
    expect(text).toContain('HTML report: r.html')
    expect(text).not.toMatch(/\x1b\[/)
    expect(renderTerminal(report, { color: true })).toContain('\x1b[31m')
  })

  it('aligns columns by visible width', () => {
    expect(table([['a', 'bb'], ['\x1b[1mccc\x1b[0m', 'd']]).split('\n')).toEqual(['a    bb', '\x1b[1mccc\x1b[0m   d'])
  })
})

describe('renderHtml', () => {
  const html = renderHtml(report)

  it('is one self-contained page with the verdict, scores and baseline', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).not.toMatch(/<script|<link|src=/)
    expect(html).toContain('gate FAIL')
    expect(html).toContain('<h2>Against baseline</h2>')
    expect(html).toContain('Broken (1)')
  })

  it('escapes what patients and models wrote, and lists failures first', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html.indexOf('<b>was-ok</b>')).toBeLessThan(html.indexOf('<b>ok-1</b>'))
    expect(html).toMatch(/<details class="failed" open><summary>.*was-ok/)
  })
})
