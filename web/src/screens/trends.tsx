import type { ComponentChildren } from 'preact'
import { useMemo, useState } from 'preact/hooks'
import { api } from '../api/client'
import type { EventPage, HealthEvent, Insights } from '../api/types'
import { Chart, type Band, type ChartSeries } from '../components/chart'
import { t, type MessageKey } from '../i18n'
import { addDays, formatDateTime, formatNumber, localDate, startOfLocalDay } from '../lib/format'
import { useLoad } from '../lib/use-load'
import { useTitle } from '../lib/use-title'

const RANGES = [7, 30, 90] as const
type Range = (typeof RANGES)[number]
const MAX_PAGES = 6

/**
 * AHA/ACC categories of systolic pressure (the bands), with the diastolic limits drawn as dashed
 * lines at 80 and 90; the same thresholds as memory/clinical-thresholds.ts.
 */
const BP_BANDS: Band[] = [
  { from: 0, to: 120, color: 'rgba(46, 139, 87, 0.16)' },
  { from: 120, to: 130, color: 'rgba(235, 200, 40, 0.30)' },
  { from: 130, to: 140, color: 'rgba(245, 140, 30, 0.28)' },
  { from: 140, to: 180, color: 'rgba(215, 55, 40, 0.22)' },
  { from: 180, to: 400, color: 'rgba(150, 0, 20, 0.34)' },
]
const BP_LEGEND: { color: string; label: MessageKey }[] = [
  { color: BP_BANDS[0]!.color, label: 'trends.band_normal' },
  { color: BP_BANDS[1]!.color, label: 'trends.band_elevated' },
  { color: BP_BANDS[2]!.color, label: 'trends.band_stage1' },
  { color: BP_BANDS[3]!.color, label: 'trends.band_stage2' },
  { color: BP_BANDS[4]!.color, label: 'trends.band_crisis' },
]

/** ADA: below 54 and 54–69 low, 70–180 the target range, above 250 high. */
const SUGAR_BANDS: Band[] = [
  { from: 0, to: 54, color: 'rgba(150, 0, 20, 0.34)' },
  { from: 54, to: 70, color: 'rgba(245, 140, 30, 0.28)' },
  { from: 70, to: 180, color: 'rgba(46, 139, 87, 0.16)' },
  { from: 180, to: 250, color: 'rgba(235, 200, 40, 0.30)' },
  { from: 250, to: 1000, color: 'rgba(215, 55, 40, 0.22)' },
]
const SUGAR_LEGEND: { color: string; label: MessageKey }[] = [
  { color: SUGAR_BANDS[0]!.color, label: 'trends.sugar_very_low' },
  { color: SUGAR_BANDS[1]!.color, label: 'trends.sugar_low' },
  { color: SUGAR_BANDS[2]!.color, label: 'trends.sugar_target' },
  { color: SUGAR_BANDS[3]!.color, label: 'trends.sugar_above' },
  { color: SUGAR_BANDS[4]!.color, label: 'trends.sugar_high' },
]

const COLORS = { systolic: '#0a5e63', diastolic: '#7a3ea1', sugar: '#a4361a', weight: '#2b5797', water: '#1f78b4', sleep: '#5b4a9e' }
const secs = (iso: string) => Math.floor(Date.parse(iso) / 1000)
const noon = (date: string) => Math.floor(Date.parse(`${date}T12:00:00Z`) / 1000)

/** Every event of these kinds in the range, a few pages at most. */
async function eventsIn(base: string, kinds: string, from: string): Promise<HealthEvent[]> {
  const out: HealthEvent[] = []
  let cursor: string | null = null
  for (let page = 0; page < MAX_PAGES; page++) {
    const q = new URLSearchParams({ kind: kinds, from, limit: '500' })
    if (cursor) q.set('cursor', cursor)
    const res: EventPage = await api<EventPage>(`${base}/events?${q}`)
    out.push(...res.events)
    cursor = res.next_cursor
    if (!cursor) break
  }
  return out.sort((a, b) => a.occurred_at.localeCompare(b.occurred_at))
}

interface Row {
  at: string
  values: string[]
}

function Figure({ id, title, summary, legend, table, children }: { id: string; title: string; summary: string; legend?: ComponentChildren; table: { head: string[]; rows: Row[] }; children: ComponentChildren }) {
  return (
    <section class="card chart-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <figure>
        <figcaption class="chart-summary">{summary}</figcaption>
        {table.rows.length > 0 && children}
        {table.rows.length > 0 && legend}
      </figure>
      {table.rows.length > 0 && (
        <details class="numbers-table">
          <summary>{t('trends.show_numbers')}</summary>
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('trends.when')}</th>
                  {table.head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows
                  .slice()
                  .reverse()
                  .map((r, i) => (
                    <tr key={i}>
                      <th scope="row">{r.at}</th>
                      {r.values.map((v, j) => (
                        <td key={j}>{v}</td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  )
}

function Legend({ items }: { items: { color: string; label: MessageKey; line?: boolean }[] }) {
  return (
    <ul class="legend">
      {items.map((i) => (
        <li key={i.label}>
          <span class={`swatch${i.line ? ' line' : ''}`} style={{ background: i.color }} aria-hidden="true" />
          {t(i.label)}
        </li>
      ))}
    </ul>
  )
}

function Charts({ vitals, sleep, insights }: { vitals: HealthEvent[]; sleep: HealthEvent[]; insights: Insights }) {
  const charts = useMemo(() => {
    const bp = vitals.filter((e) => e.payload.blood_pressure_systolic !== undefined && e.payload.blood_pressure_diastolic !== undefined)
    const sugar = vitals.filter((e) => e.payload.blood_sugar !== undefined)
    const weight = vitals.filter((e) => e.payload.weight_kg !== undefined)
    const days = insights.days
    const sleepByDay = new Map<string, number>()
    for (const e of sleep) {
      if (e.payload.duration_hours === undefined) continue
      const day = localDate(e.occurred_at)
      sleepByDay.set(day, (sleepByDay.get(day) ?? 0) + Number(e.payload.duration_hours))
    }
    const bpSeries: ChartSeries[] = [
      { label: t('trends.systolic'), color: COLORS.systolic },
      { label: t('trends.diastolic'), color: COLORS.diastolic, dash: [8, 5] },
    ]
    const period: [number, number] = [noon(insights.period.from) - 43_200, noon(insights.period.to) + 43_200]
    return {
      period,
      bp: {
        events: bp,
        data: [bp.map((e) => secs(e.occurred_at)), bp.map((e) => e.payload.blood_pressure_systolic), bp.map((e) => e.payload.blood_pressure_diastolic)] as [number[], ...number[][]],
        series: bpSeries,
        lines: [
          { at: 80, color: 'rgba(122, 62, 161, 0.8)' },
          { at: 90, color: 'rgba(122, 62, 161, 0.8)' },
        ],
      },
      sugar: {
        events: sugar,
        data: [sugar.map((e) => secs(e.occurred_at)), sugar.map((e) => e.payload.blood_sugar)] as [number[], number[]],
        series: [{ label: t('trends.sugar'), color: COLORS.sugar }],
      },
      weight: {
        events: weight,
        data: [weight.map((e) => secs(e.occurred_at)), weight.map((e) => e.payload.weight_kg)] as [number[], number[]],
        series: [{ label: t('trends.weight'), color: COLORS.weight }],
      },
      water: {
        days,
        data: [days.map((d) => noon(d.date)), days.map((d) => d.water_ml)] as [number[], number[]],
        series: [{ label: t('trends.water'), color: COLORS.water, bars: true }],
      },
      sleep: {
        days: [...sleepByDay.entries()].sort(([a], [b]) => a.localeCompare(b)),
        series: [{ label: t('trends.sleep'), color: COLORS.sleep, bars: true }],
      },
    }
  }, [vitals, sleep, insights])

  const bpStats = insights.vitals.blood_pressure
  const sugarStats = insights.vitals.blood_sugar
  const weightStats = insights.vitals.weight_kg
  const sleepData = useMemo(
    () => [charts.sleep.days.map(([d]) => noon(d)), charts.sleep.days.map(([, h]) => h)] as [number[], number[]],
    [charts],
  )
  const waterDays = charts.water.days.filter((d) => d.water_ml > 0)

  return (
    <>
      <Figure
        id="bp"
        title={t('trends.bp_title')}
        summary={
          bpStats.latest && bpStats.mean
            ? t('trends.bp_summary', { sys: bpStats.latest.systolic, dia: bpStats.latest.diastolic, when: formatDateTime(bpStats.latest.at), msys: Math.round(bpStats.mean.systolic), mdia: Math.round(bpStats.mean.diastolic), n: bpStats.count })
            : t('trends.no_readings')
        }
        legend={<Legend items={[{ color: COLORS.systolic, label: 'trends.systolic', line: true }, { color: COLORS.diastolic, label: 'trends.diastolic_lines', line: true }, ...BP_LEGEND]} />}
        table={{ head: [t('trends.bp_column')], rows: charts.bp.events.map((e) => ({ at: formatDateTime(e.occurred_at), values: [`${e.payload.blood_pressure_systolic}/${e.payload.blood_pressure_diastolic}`] })) }}
      >
        <Chart xRange={charts.period} data={charts.bp.data} series={charts.bp.series} bands={BP_BANDS} lines={charts.bp.lines} yRange={BP_RANGE} />
      </Figure>

      <Figure
        id="sugar"
        title={t('trends.sugar_title')}
        summary={sugarStats.latest ? t('trends.sugar_summary', { n: formatNumber(sugarStats.latest.value), when: formatDateTime(sugarStats.latest.at), mean: formatNumber(sugarStats.mean ?? 0), count: sugarStats.count }) : t('trends.no_readings')}
        legend={<Legend items={SUGAR_LEGEND} />}
        table={{ head: [t('trends.sugar_column')], rows: charts.sugar.events.map((e) => ({ at: formatDateTime(e.occurred_at), values: [formatNumber(e.payload.blood_sugar)] })) }}
      >
        <Chart xRange={charts.period} data={charts.sugar.data} series={charts.sugar.series} bands={SUGAR_BANDS} yRange={SUGAR_RANGE} />
      </Figure>

      <Figure
        id="weight"
        title={t('trends.weight_title')}
        summary={weightStats.latest ? t('trends.weight_summary', { n: formatNumber(weightStats.latest.value, 1), when: formatDateTime(weightStats.latest.at) }) : t('trends.no_readings')}
        table={{ head: [t('trends.weight_column')], rows: charts.weight.events.map((e) => ({ at: formatDateTime(e.occurred_at), values: [formatNumber(e.payload.weight_kg, 1)] })) }}
      >
        <Chart xRange={charts.period} data={charts.weight.data} series={charts.weight.series} />
      </Figure>

      <Figure
        id="water"
        title={t('trends.water_title')}
        summary={waterDays.length ? t('trends.water_summary', { mean: formatNumber(insights.nutrition.mean_daily_water_ml) }) : t('trends.no_readings')}
        table={{ head: [t('trends.water_column')], rows: waterDays.map((d) => ({ at: d.date, values: [formatNumber(d.water_ml)] })) }}
      >
        <Chart xRange={charts.period} data={charts.water.data} series={charts.water.series} yRange={WATER_RANGE} />
      </Figure>

      <Figure
        id="sleep"
        title={t('trends.sleep_title')}
        summary={charts.sleep.days.length ? t('trends.sleep_summary', { mean: formatNumber(charts.sleep.days.reduce((a, [, h]) => a + h, 0) / charts.sleep.days.length, 1) }) : t('trends.no_readings')}
        table={{ head: [t('trends.sleep_column')], rows: charts.sleep.days.map(([d, h]) => ({ at: d, values: [formatNumber(h, 1)] })) }}
      >
        <Chart xRange={charts.period} data={sleepData} series={charts.sleep.series} yRange={SLEEP_RANGE} />
      </Figure>
    </>
  )
}

const BP_RANGE: [number, number] = [40, 200]
const SUGAR_RANGE: [number, number] = [40, 320]
const WATER_RANGE: [number, number] = [0, 3000]
const SLEEP_RANGE: [number, number] = [0, 12]

/** Charts over 7, 30 or 90 days, for the patient or (read-only) a caregiver's patient. */
export function TrendsView({ patientId }: { patientId?: string }) {
  const [range, setRange] = useState<Range>(7)
  const base = patientId ? `/patients/${patientId}` : ''
  const data = useLoad(async () => {
    const insights = await api<Insights>(`${base}/insights?from=${addDays(localDate(), -(range - 1))}&to=${localDate()}`)
    const from = startOfLocalDay(insights.period.from)
    const [vitals, sleep] = await Promise.all([eventsIn(base, 'vitals', from), eventsIn(base, 'sleep', from)])
    return { insights, vitals, sleep }
  }, [range, base])

  return (
    <>
      <div class="segmented" role="group" aria-label={t('trends.range')}>
        {RANGES.map((r) => (
          <button key={r} type="button" class="button" aria-pressed={range === r} onClick={() => setRange(r)}>
            {t('trends.days', { n: r })}
          </button>
        ))}
      </div>
      {data.error && <p class="form-error">{data.error}</p>}
      {data.loading && !data.data && (
        <p class="loading" role="status">
          {t('state.loading')}
        </p>
      )}
      {data.data && <Charts vitals={data.data.vitals} sleep={data.data.sleep} insights={data.data.insights} />}
    </>
  )
}

export function TrendsScreen() {
  useTitle(t('nav.trends'))
  return (
    <div class="screen trends">
      <header class="screen-head">
        <h1>{t('nav.trends')}</h1>
        <p class="muted">{t('trends.intro')}</p>
      </header>
      <TrendsView />
    </div>
  )
}
