import fs from 'node:fs'
import PDFDocument from 'pdfkit'

/**
 * Drawing helpers for the doctor's report: fonts that cover Indian scripts when the system has
 * them, and a time-series chart with shaded clinical bands. pdfkit draws vectors, so charts stay
 * sharp in print.
 */

export type Doc = InstanceType<typeof PDFDocument>

const FONT_FILES = {
  sans: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'],
  bold: ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  deva: ['/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf', '/usr/share/fonts/opentype/noto/NotoSansDevanagari-Regular.ttf'],
  devaBold: ['/usr/share/fonts/truetype/noto/NotoSansDevanagari-Bold.ttf', '/usr/share/fonts/opentype/noto/NotoSansDevanagari-Bold.ttf'],
} as const

const DEVANAGARI = /[\u0900-\u097F]/
/** Documents drawn with the PDF core fonts, which have Latin-1 only. */
const coreFontsOnly = new WeakSet<Doc>()

/**
 * Registers the report's fonts: DejaVu Sans (Latin, ₹, °) and Noto Sans Devanagari when they are
 * installed (fonts-dejavu-core, fonts-noto-core), else the PDF core fonts, which cannot show
 * Indian scripts (such text is replaced, never dropped silently: "?" marks it).
 */
export function registerFonts(doc: Doc): { unicode: boolean } {
  const found = (files: readonly string[]) => files.find((f) => fs.existsSync(f))
  const sans = found(FONT_FILES.sans)
  const bold = found(FONT_FILES.bold)
  if (sans && bold) {
    doc.registerFont('body', sans)
    doc.registerFont('body-bold', bold)
  } else {
    doc.registerFont('body', 'Helvetica')
    doc.registerFont('body-bold', 'Helvetica-Bold')
    coreFontsOnly.add(doc)
  }
  const deva = found(FONT_FILES.deva)
  const devaBold = found(FONT_FILES.devaBold)
  doc.registerFont('deva', deva ?? (sans ? sans : 'Helvetica'))
  doc.registerFont('deva-bold', devaBold ?? deva ?? (bold ? bold : 'Helvetica-Bold'))
  return { unicode: Boolean(sans && bold) }
}

/** Picks the font for a piece of text (Devanagari needs its own) and sets it. */
export function useFont(doc: Doc, text: string, weight: 'regular' | 'bold' = 'regular'): Doc {
  const deva = DEVANAGARI.test(text)
  return doc.font(deva ? (weight === 'bold' ? 'deva-bold' : 'deva') : weight === 'bold' ? 'body-bold' : 'body')
}

/**
 * Text cut where its script changes ("आशा वर्मा (Asha Verma)" is two runs): the Devanagari font
 * has no Latin letters and the Latin one no Devanagari. Spaces stay with the run before them.
 */
export function scriptRuns(text: string): string[] {
  const runs: string[] = []
  for (const ch of text) {
    const deva = DEVANAGARI.test(ch) || ch === '\u200c' || ch === '\u200d'
    const last = runs.at(-1)
    const lastDeva = last !== undefined && DEVANAGARI.test(last.trimEnd().at(-1) ?? '')
    if (last !== undefined && (ch === ' ' || deva === lastDeva)) runs[runs.length - 1] = last + ch
    else runs.push(ch)
  }
  return runs
}

/** Writes text of one or several scripts at (x, y), each run in its font. */
export function writeRuns(doc: Doc, text: string, x: number, y: number, opts: { width: number; weight: 'regular' | 'bold'; align?: 'left' | 'right' | 'center' }): void {
  if (coreFontsOnly.has(doc)) text = text.replace(/[^\x20-\xFF]/g, '?')
  const runs = scriptRuns(text)
  if (runs.length <= 1) {
    useFont(doc, text, opts.weight).text(text, x, y, { width: opts.width, align: opts.align })
    return
  }
  runs.forEach((run, i) => {
    useFont(doc, run, opts.weight)
    const last = i === runs.length - 1
    if (i === 0) doc.text(run, x, y, { width: opts.width, continued: !last })
    else doc.text(run, { continued: !last })
  })
}

export interface Band {
  from: number
  to: number
  color: string
  label: string
}

export interface Series {
  label: string
  color: string
  points: { t: number; v: number }[]
  /** Hollow markers tell a second series apart in black and white print. */
  hollow?: boolean
  line?: boolean
}

export interface ChartSpec {
  x: number
  y: number
  width: number
  height: number
  unit: string
  yMin: number
  yMax: number
  yStep: number
  tFrom: number
  tTo: number
  bands: Band[]
  series: Series[]
  /** Horizontal dashed reference lines (diastolic thresholds), named together in the legend. */
  rules?: { value: number; label: string }[]
  /** Shown in the plot when there is nothing to draw. */
  empty: string
}

const DAY = 86_400_000
const fmtDay = (t: number, timeZone: string) => new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone })

/**
 * Where to put labels wanted at `wanted` (top to bottom, ascending y) so that neighbours are at
 * least `gap` apart and all lie within [min, max]: pushed down where they crowd, then pulled back
 * up from the bottom, so the lowest band's label never lands on the one above it.
 */
export function spreadLabels(wanted: number[], gap: number, min: number, max: number): number[] {
  const ys = [...wanted]
  for (let i = 0; i < ys.length; i++) ys[i] = Math.max(ys[i]!, i === 0 ? min : ys[i - 1]! + gap)
  for (let i = ys.length - 1; i >= 0; i--) ys[i] = Math.min(ys[i]!, i === ys.length - 1 ? max : ys[i + 1]! - gap)
  return ys
}

/** A time series over shaded bands, with axes, a legend of bands and series, and day ticks. */
export function drawChart(doc: Doc, c: ChartSpec, timeZone: string): void {
  const left = c.x + 34
  const top = c.y + 16
  const plotW = c.width - 34 - 92
  const plotH = c.height - 16 - 18
  const LABEL_GAP = 8
  const yOf = (v: number) => top + plotH - ((Math.min(Math.max(v, c.yMin), c.yMax) - c.yMin) / (c.yMax - c.yMin)) * plotH
  const span = Math.max(c.tTo - c.tFrom, DAY)
  const xOf = (t: number) => left + ((t - c.tFrom) / span) * plotW

  doc.font('body').fontSize(7).fillColor('#555').text(c.unit, c.x, c.y, { lineBreak: false })

  // Bands, light colours so points and print stay readable; labelled at the right, beside the
  // band's middle where there is room and pushed apart where thin bands would make them overlap.
  const shown = [...c.bands]
    .sort((p, q) => q.to - p.to)
    .map((b) => ({ band: b, y1: yOf(Math.min(b.to, c.yMax)), y2: yOf(Math.max(b.from, c.yMin)) }))
    .filter((b) => b.y2 > b.y1)
  const labelYs = spreadLabels(
    shown.map((b) => (b.y1 + b.y2) / 2 - 3.5),
    LABEL_GAP,
    top - 3.5,
    top + plotH - 4,
  )
  shown.forEach(({ band, y1, y2 }, i) => {
    doc.rect(left, y1, plotW, y2 - y1).fill(band.color)
    doc.fillColor('#333').fontSize(6.5).font('body').text(band.label, left + plotW + 4, labelYs[i]!, { width: 88, lineBreak: false })
  })
  // Axes and grid.
  doc.lineWidth(0.4).strokeColor('#999')
  for (let v = c.yMin; v <= c.yMax; v += c.yStep) {
    const y = yOf(v)
    doc.moveTo(left, y).lineTo(left + plotW, y).dash(1, { space: 2 }).stroke().undash()
    doc.fillColor('#444').fontSize(6.5).text(String(v), c.x, y - 3.5, { width: 30, align: 'right', lineBreak: false })
  }
  doc.rect(left, top, plotW, plotH).lineWidth(0.6).strokeColor('#666').stroke()
  const days = Math.round(span / DAY)
  const every = Math.max(1, Math.ceil(days / 8))
  for (let i = 0; i <= days; i += every) {
    const t = c.tFrom + i * DAY
    doc.fillColor('#444').fontSize(6.5).text(fmtDay(t, timeZone), xOf(t) - 20, top + plotH + 3, { width: 40, align: 'center', lineBreak: false })
  }
  for (const r of c.rules ?? []) {
    const y = yOf(r.value)
    doc.lineWidth(0.7).strokeColor('#555').moveTo(left, y).lineTo(left + plotW, y).dash(3, { space: 2 }).stroke().undash()
  }

  const points = c.series.reduce((n, s) => n + s.points.length, 0)
  if (points === 0) {
    doc.fillColor('#666').fontSize(9).font('body').text(c.empty, left, top + plotH / 2 - 5, { width: plotW, align: 'center' })
    return
  }
  for (const s of c.series) {
    const pts = [...s.points].sort((a, b) => a.t - b.t)
    if (s.line && pts.length > 1) {
      doc.lineWidth(0.8).strokeColor(s.color).moveTo(xOf(pts[0]!.t), yOf(pts[0]!.v))
      for (const p of pts.slice(1)) doc.lineTo(xOf(p.t), yOf(p.v))
      doc.stroke()
    }
    for (const p of pts) {
      const circle = doc.circle(xOf(p.t), yOf(p.v), 1.9).lineWidth(0.8)
      if (s.hollow) circle.fillAndStroke('#fff', s.color)
      else circle.fill(s.color)
    }
  }
  // Legend of series (and the dashed reference lines) on the unit's line, right-aligned.
  let lx = c.x + c.width - 92
  if (c.rules?.length) {
    const label = `- - - ${c.rules.map((r) => r.label).join(', ')}`
    lx -= doc.font('body').fontSize(7).widthOfString(label) + 10
    doc.fillColor('#444').text(label, lx, c.y + 0.5, { lineBreak: false })
  }
  for (const s of [...c.series].reverse()) {
    const w = doc.font('body').fontSize(7).widthOfString(s.label) + 12
    lx -= w
    const mark = doc.circle(lx + 3, c.y + 4, 2.2).lineWidth(0.8)
    if (s.hollow) mark.fillAndStroke('#fff', s.color)
    else mark.fill(s.color)
    doc.fillColor('#222').text(s.label, lx + 8, c.y + 0.5, { lineBreak: false })
  }
}
