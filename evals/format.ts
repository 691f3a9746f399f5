import { metricInfo } from './scorers.js'

/** How reports print a metric value and a delta, in one place so terminal and HTML agree. */

export function formatMetric(key: string, v: number | null | undefined): string {
  if (v === null || v === undefined) return '–'
  switch (metricInfo(key)?.format) {
    case 'pct':
      return `${(v * 100).toFixed(1)}%`
    case 'ms':
      return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`
    case 'usd':
      return v === 0 ? '$0' : `$${v < 0.01 ? v.toFixed(5) : v.toFixed(3)}`
    case 'count':
      return String(Math.round(v))
    default:
      return v >= 100 ? String(Math.round(v)) : String(Math.round(v * 100) / 100)
  }
}

export function formatDelta(key: string, delta: number | null): string {
  if (delta === null) return ''
  if (Math.abs(delta) < 1e-9) return '±0'
  const sign = delta > 0 ? '+' : '−'
  const abs = Math.abs(delta)
  return metricInfo(key)?.format === 'pct' ? `${sign}${(abs * 100).toFixed(1)} pt` : `${sign}${formatMetric(key, abs)}`
}

/** Whether a delta is good news, bad news or neither, given which way the metric should go. */
export function deltaTone(key: string, delta: number | null): 'better' | 'worse' | 'same' {
  if (delta === null || Math.abs(delta) < 1e-9) return 'same'
  const higher = metricInfo(key)?.better !== 'lower'
  return delta > 0 === higher ? 'better' : 'worse'
}
