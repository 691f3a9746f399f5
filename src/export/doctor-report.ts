import PDFDocument from 'pdfkit'
import type { PayloadOf } from '../../memory/event-kinds.js'
import type { HealthEvent } from '../../memory/event-store.js'
import type { Insights, NumericStats } from '../../memory/insights.js'
import { dayRange, localDate } from '../../memory/local-time.js'
import { drawChart, registerFonts, useFont, writeRuns, type Band, type Doc } from './pdf-charts.js'

/**
 * The report a patient takes to their doctor (or a caregiver downloads for them): one or two A4
 * pages, readable in black and white — who the patient is, their medicines with doses taken
 * and missed, blood pressure and glucose over the period on their clinical bands, averages and
 * extremes of every reading, symptoms in their words, and the alerts that mattered.
 */

export interface ReportInput {
  patient: { name: string }
  profile: PayloadOf<'profile'> | undefined
  period: { from: string; to: string; timezone: string }
  insights: Insights
  /** Every current event of the period (and medicines and schedules from before it). */
  events: HealthEvent[]
  generatedAt: Date
}

const A4 = { width: 595.28, height: 841.89 }
const M = 36
const W = A4.width - 2 * M
const ink = '#111'
const muted = '#555'

/** AHA/ACC 2017 systolic categories (memory/clinical-thresholds.ts). */
const BP_BANDS: Band[] = [
  { from: 40, to: 90, color: '#dbe9f6', label: 'Low < 90' },
  { from: 90, to: 120, color: '#e3f1e0', label: 'Normal < 120' },
  { from: 120, to: 130, color: '#f6f3d8', label: 'Elevated 120–129' },
  { from: 130, to: 140, color: '#f9e7cf', label: 'Stage 1 130–139' },
  { from: 140, to: 180, color: '#f6d9d2', label: 'Stage 2 ≥ 140' },
  { from: 180, to: 260, color: '#eebfb8', label: 'Crisis ≥ 180' },
]

/** ADA levels: hypoglycaemia levels 1 and 2, the 70–180 target range, high above 250. */
const GLUCOSE_BANDS: Band[] = [
  { from: 20, to: 54, color: '#eebfb8', label: 'Level 2 low < 54' },
  { from: 54, to: 70, color: '#f9e7cf', label: 'Low 54–69' },
  { from: 70, to: 180, color: '#e3f1e0', label: 'Target 70–180' },
  { from: 180, to: 250, color: '#f6f3d8', label: 'Above 180' },
  { from: 250, to: 450, color: '#f6d9d2', label: 'High ≥ 250' },
]

const fmt1 = (v: number | null | undefined) => (v === null || v === undefined ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(1))
const longDate = (iso: string, tz: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: tz })
const shortDateTime = (iso: string, tz: string) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: tz })
const dateOnly = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

function ageOn(dob: string, on: string): number {
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number]
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0)
}

/** Writes `text` in the right font at the cursor or at (x, y), and returns the height it took. */
function write(doc: Doc, text: string, opts: { x?: number; y?: number; width?: number; size?: number; bold?: boolean; color?: string; align?: 'left' | 'right' | 'center' } = {}) {
  doc.fontSize(opts.size ?? 9).fillColor(opts.color ?? ink)
  const weight = opts.bold ? 'bold' : 'regular'
  useFont(doc, text, weight)
  const width = opts.width ?? W
  const h = doc.heightOfString(text, { width })
  writeRuns(doc, text, opts.x ?? M, opts.y ?? doc.y, { width, weight, align: opts.align ?? 'left' })
  return h
}

function heading(doc: Doc, text: string) {
  doc.moveDown(0.5)
  const y = doc.y
  write(doc, text, { size: 11, bold: true })
  doc.lineWidth(0.6).strokeColor('#999').moveTo(M, y + 14).lineTo(M + W, y + 14).stroke()
  doc.y = y + 18
}

/** A table of fixed columns; rows that would not fit on this page start a new one, under the header again. */
function table(doc: Doc, columns: { title: string; width: number; align?: 'left' | 'right' }[], rows: string[][]) {
  const pad = 3
  const drawRow = (cells: string[], bold: boolean, shade: boolean): void => {
    const heights = cells.map((cell, i) => {
      doc.fontSize(8.5)
      useFont(doc, cell, bold ? 'bold' : 'regular')
      return doc.heightOfString(cell, { width: columns[i]!.width - 2 * pad })
    })
    const h = Math.max(...heights) + 2 * pad
    if (doc.y + h > A4.height - M - 20) {
      doc.addPage()
      if (!bold) drawRow(columns.map((c) => c.title), true, true)
    }
    const y = doc.y
    if (shade) doc.rect(M, y, W, h).fill('#f2f2f2')
    let x = M
    cells.forEach((cell, i) => {
      const col = columns[i]!
      write(doc, cell, { x: x + pad, y: y + pad, width: col.width - 2 * pad, size: 8.5, bold, align: col.align })
      x += col.width
    })
    doc.y = y + h
  }
  drawRow(columns.map((c) => c.title), true, true)
  rows.forEach((r, i) => drawRow(r, false, i % 2 === 1))
  doc.lineWidth(0.4).strokeColor('#bbb').moveTo(M, doc.y).lineTo(M + W, doc.y).stroke()
}

/** A section of the latest `max` items as a table, saying how many earlier ones were left out. */
function latestTable<T>(doc: Doc, title: string, noun: string, items: T[], max: number, columns: Parameters<typeof table>[1], row: (item: T) => string[]) {
  heading(doc, title)
  if (items.length === 0) return void write(doc, 'None in this period.', { color: muted, size: 8.5 })
  const shown = items.slice(-max)
  table(doc, columns, shown.map(row))
  if (items.length > shown.length) write(doc, `${items.length - shown.length} earlier ${noun} are in the full export.`, { size: 8, color: muted })
}

interface MedicineRow {
  name: string
  dose: string
  schedule: string
  taken: number
  missed: number
  skipped: number
  adherence: number | null
}

/** Each active medicine with its schedule and the doses of the period (from the insights' slots). */
export function medicineRows(input: Pick<ReportInput, 'events' | 'insights'>): MedicineRow[] {
  const medicines = input.events.filter((e) => e.kind === 'medication') as HealthEvent<'medication'>[]
  const schedules = input.events.filter((e) => e.kind === 'med_schedule') as HealthEvent<'med_schedule'>[]
  return medicines
    .filter((m) => m.payload.active !== false)
    .map((m) => {
      const doses = input.insights.medication.doses.filter((d) => d.medication_id === m.context_id)
      const count = (s: string) => doses.filter((d) => d.status === s).length
      const decided = doses.filter((d) => d.status !== 'due').length
      const times = schedules
        .filter((s) => s.payload.medication_id === m.context_id && s.payload.active !== false)
        .map((s) => s.payload.time_of_day)
        .sort()
      return {
        name: m.payload.name,
        dose: m.payload.dosage ?? '',
        schedule: times.length ? times.join(', ') : (m.payload.frequency ?? 'as needed'),
        taken: count('taken'),
        missed: count('missed'),
        skipped: count('skipped'),
        adherence: decided ? Math.round((count('taken') / decided) * 100) : null,
      }
    })
}

const statsRow = (label: string, unit: string, s: NumericStats): string[] => [
  label,
  String(s.count),
  s.count ? `${fmt1(s.mean)} ${unit}` : '–',
  s.count ? `${fmt1(s.min)} – ${fmt1(s.max)}` : '–',
  s.latest ? `${fmt1(s.latest.value)} ${unit}` : '–',
]

/** The report as PDF bytes. */
export async function doctorReportPdf(input: ReportInput): Promise<Buffer> {
  const { period, insights, profile } = input
  const tz = period.timezone
  const doc = new PDFDocument({
    size: 'A4',
    margin: M,
    bufferPages: true,
    info: { Title: `Health report: ${input.patient.name}`, Author: 'Podd', Subject: `${period.from} to ${period.to}`, CreationDate: input.generatedAt },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  registerFonts(doc)

  // Title and patient.
  write(doc, 'Health report for the doctor', { size: 16, bold: true })
  write(doc, `${dateOnly(period.from)} – ${dateOnly(period.to)}  ·  times in ${tz}  ·  prepared ${longDate(input.generatedAt.toISOString(), tz)}`, { size: 8.5, color: muted })
  doc.moveDown(0.4)
  const today = localDate(input.generatedAt, tz)
  const facts: [string, string][] = [
    ['Patient', profile?.name ?? input.patient.name],
    ['Age, sex', [profile?.date_of_birth ? `${ageOn(profile.date_of_birth, today)} years (born ${dateOnly(profile.date_of_birth)})` : 'date of birth not given', profile?.gender && profile.gender !== 'prefer_not_to_say' ? profile.gender : null].filter(Boolean).join(', ')],
    ['Conditions', profile?.medical_conditions?.length ? profile.medical_conditions.join(', ') : 'none recorded'],
    ['Allergies', profile?.allergies?.length ? profile.allergies.join(', ') : 'none recorded'],
  ]
  const boxTop = doc.y
  doc.rect(M, boxTop, W, facts.length * 13 + 8).fill('#f4f6f8')
  facts.forEach(([k, v], i) => {
    write(doc, k, { x: M + 8, y: boxTop + 5 + i * 13, width: 80, size: 9, bold: true, color: muted })
    write(doc, v, { x: M + 90, y: boxTop + 5 + i * 13, width: W - 100, size: 9 })
  })
  doc.y = boxTop + facts.length * 13 + 10

  // Medicines and adherence.
  heading(doc, 'Medicines and doses taken')
  const meds = medicineRows(input)
  if (meds.length === 0) write(doc, 'No medicines recorded.', { color: muted })
  else {
    table(
      doc,
      [
        { title: 'Medicine', width: 130 },
        { title: 'Dose', width: 70 },
        { title: 'Times', width: 95 },
        { title: 'Taken', width: 45, align: 'right' },
        { title: 'Missed', width: 45, align: 'right' },
        { title: 'Skipped', width: 50, align: 'right' },
        { title: 'Taken of due', width: W - 435, align: 'right' },
      ],
      meds.map((m) => [m.name, m.dose, m.schedule, String(m.taken), String(m.missed), String(m.skipped), m.adherence === null ? '–' : `${m.adherence} %`]),
    )
    const overall = insights.medication.adherence_pct
    write(doc, `Overall: ${insights.medication.taken} of ${insights.medication.taken + insights.medication.missed + insights.medication.skipped} scheduled doses taken${overall === null ? '' : ` (${fmt1(overall)} %)`}. A dose counts as missed when nothing was logged within its window after the scheduled time.`, { size: 8, color: muted, y: doc.y + 3 })
  }

  // Blood pressure.
  const start = dayRange(period.from, tz).start.getTime()
  const end = dayRange(period.to, tz).end.getTime()
  const vitals = input.events.filter((e) => e.kind === 'vitals') as HealthEvent<'vitals'>[]
  const bpReadings = vitals.filter((e) => e.payload.blood_pressure_systolic !== undefined && e.payload.blood_pressure_diastolic !== undefined)
  heading(doc, 'Blood pressure')
  const bp = insights.vitals.blood_pressure
  const bpLine = bp.count
    ? `${bp.count} readings. Average ${fmt1(bp.mean!.systolic)}/${fmt1(bp.mean!.diastolic)} mmHg; lowest ${bp.min!.systolic}/${bp.min!.diastolic}, highest ${bp.max!.systolic}/${bp.max!.diastolic}. ` +
      Object.entries(bp.categories).map(([k, n]) => `${k.replace('_', ' ')} ${n}`).join(', ') + '.'
    : 'No blood pressure readings in this period.'
  write(doc, bpLine, { size: 8.5 })
  const chartY = doc.y + 4
  drawChart(
    doc,
    {
      x: M, y: chartY, width: W, height: 150, unit: 'mmHg', yMin: 40, yMax: 220, yStep: 20, tFrom: start, tTo: end,
      bands: BP_BANDS,
      rules: [{ value: 80, label: 'diastolic 80' }, { value: 90, label: '90' }],
      series: [
        { label: 'Systolic', color: '#b3261e', line: true, points: bpReadings.map((e) => ({ t: Date.parse(e.occurred_at), v: e.payload.blood_pressure_systolic! })) },
        { label: 'Diastolic', color: '#1f4e99', hollow: true, line: true, points: bpReadings.map((e) => ({ t: Date.parse(e.occurred_at), v: e.payload.blood_pressure_diastolic! })) },
      ],
      empty: 'No readings',
    },
    tz,
  )
  doc.y = chartY + 152

  // Glucose.
  const sugar = vitals.filter((e) => e.payload.blood_sugar !== undefined)
  const fasting = sugar.filter((e) => e.payload.blood_sugar_context === 'fasting' || e.payload.blood_sugar_context === 'before_meal')
  const other = sugar.filter((e) => !fasting.includes(e))
  heading(doc, 'Blood glucose')
  const g = insights.vitals.blood_sugar
  const mean = (xs: HealthEvent<'vitals'>[]) => (xs.length ? xs.reduce((a, e) => a + e.payload.blood_sugar!, 0) / xs.length : null)
  write(
    doc,
    g.count
      ? `${g.count} readings. Average ${fmt1(g.mean)} mg/dL (fasting or before a meal ${fmt1(mean(fasting) === null ? null : Math.round(mean(fasting)! * 10) / 10)}, other ${fmt1(mean(other) === null ? null : Math.round(mean(other)! * 10) / 10)}); lowest ${fmt1(g.min)}, highest ${fmt1(g.max)}.`
      : 'No blood glucose readings in this period.',
    { size: 8.5 },
  )
  if (doc.y + 160 > A4.height - M) doc.addPage()
  const gY = doc.y + 4
  drawChart(
    doc,
    {
      x: M, y: gY, width: W, height: 140, unit: 'mg/dL', yMin: 40, yMax: 400, yStep: 40, tFrom: start, tTo: end,
      bands: GLUCOSE_BANDS,
      series: [
        { label: 'Fasting / before meal', color: '#1f4e99', points: fasting.map((e) => ({ t: Date.parse(e.occurred_at), v: e.payload.blood_sugar! })) },
        { label: 'After meal / other', color: '#b3261e', hollow: true, points: other.map((e) => ({ t: Date.parse(e.occurred_at), v: e.payload.blood_sugar! })) },
      ],
      empty: 'No readings',
    },
    tz,
  )
  doc.y = gY + 142

  // Other readings.
  heading(doc, 'Other readings')
  const v = insights.vitals
  const hba1c = vitals.filter((e) => e.payload.hba1c !== undefined)
  const hbaStats: NumericStats = {
    count: hba1c.length,
    latest: hba1c.length ? { value: hba1c.at(-1)!.payload.hba1c!, at: hba1c.at(-1)!.occurred_at } : null,
    min: hba1c.length ? Math.min(...hba1c.map((e) => e.payload.hba1c!)) : null,
    max: hba1c.length ? Math.max(...hba1c.map((e) => e.payload.hba1c!)) : null,
    mean: hba1c.length ? hba1c.reduce((a, e) => a + e.payload.hba1c!, 0) / hba1c.length : null,
    categories: {},
  }
  table(
    doc,
    [
      { title: 'Measure', width: 140 },
      { title: 'Readings', width: 60, align: 'right' },
      { title: 'Average', width: 100, align: 'right' },
      { title: 'Lowest – highest', width: 110, align: 'right' },
      { title: 'Latest', width: W - 410, align: 'right' },
    ],
    [
      statsRow('Pulse', '/min', v.heart_rate),
      statsRow('Temperature', '°C', v.temperature),
      statsRow('SpO2', '%', v.spo2),
      statsRow('Weight', 'kg', v.weight_kg),
      statsRow('HbA1c', '%', hbaStats),
    ].filter((r) => r[1] !== '0'),
  )
  if ([v.heart_rate, v.temperature, v.spo2, v.weight_kg, hbaStats].every((s) => s.count === 0)) write(doc, 'None in this period.', { color: muted, size: 8.5 })

  // Symptoms, in the patient's words, and the alerts that mattered: the latest of each.
  const symptoms = input.events.filter((e) => e.kind === 'symptom') as HealthEvent<'symptom'>[]
  latestTable(doc, 'Symptoms reported', 'symptoms', symptoms, 14, [
    { title: 'When', width: 85 },
    { title: 'Symptom', width: 140 },
    { title: 'Severity', width: 60 },
    { title: 'Notes', width: W - 285 },
  ], (e) => [shortDateTime(e.occurred_at, tz), e.payload.name, e.payload.severity ?? '', [e.payload.duration && `for ${e.payload.duration}`, e.payload.notes].filter(Boolean).join('; ').slice(0, 160)])
  const alerts = (input.events.filter((e) => e.kind === 'alert') as HealthEvent<'alert'>[]).filter((a) => a.payload.tier === 'emergency' || a.payload.tier === 'urgent')
  latestTable(doc, 'Urgent and emergency alerts', 'alerts', alerts, 10, [
    { title: 'When', width: 85 },
    { title: 'Level', width: 65 },
    { title: 'What', width: W - 150 },
  ], (a) => [shortDateTime(a.occurred_at, tz), a.payload.tier, a.payload.title])

  // Footers on every page.
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    doc.font('body').fontSize(7).fillColor(muted)
    const footer = `Podd — recorded by the patient at home; not a diagnosis. Page ${i + 1} of ${range.count}`
    // In the bottom margin: without lowering it for a moment, pdfkit would start a new page.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.text(footer, M, A4.height - M + 12, { width: W, align: 'center', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
