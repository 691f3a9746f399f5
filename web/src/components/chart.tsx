import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { locale } from '../i18n'
import { timeZone } from '../lib/format'

/** A coloured range of the y axis, e.g. the AHA "stage 2" band of systolic pressure. */
export interface Band {
  from: number
  to: number
  color: string
}

export interface ChartSeries {
  label: string
  color: string
  /** Bars (one per day) instead of a line through points. */
  bars?: boolean
  dash?: number[]
}

interface Props {
  /** x in seconds since the epoch, then one array per series (null where there is no value). */
  data: [number[], ...(number | null)[][]]
  series: ChartSeries[]
  bands?: Band[]
  /** Dashed reference lines across the plot. */
  lines?: { at: number; color: string }[]
  /** The period shown, in seconds (so a single reading sits in its place, not alone mid-chart). */
  xRange?: [number, number]
  yRange?: [number, number]
  height?: number
}

const dayLabel = (seconds: number) =>
  new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: timeZone.value }).format(new Date(seconds * 1000))

/** Paints bands and reference lines under the data (uPlot's drawClear hook). */
function backdrop(bands: Band[], lines: { at: number; color: string }[]) {
  return (u: uPlot) => {
    const { ctx } = u
    const { left, top, width, height } = u.bbox
    ctx.save()
    for (const band of bands) {
      const y1 = u.valToPos(band.to, 'y', true)
      const y0 = u.valToPos(band.from, 'y', true)
      const yTop = Math.max(top, Math.min(y1, y0))
      const yBottom = Math.min(top + height, Math.max(y1, y0))
      if (yBottom <= yTop) continue
      ctx.fillStyle = band.color
      ctx.fillRect(left, yTop, width, yBottom - yTop)
    }
    ctx.setLineDash([6 * devicePixelRatio, 6 * devicePixelRatio])
    ctx.lineWidth = devicePixelRatio
    for (const line of lines) {
      const y = u.valToPos(line.at, 'y', true)
      if (y < top || y > top + height) continue
      ctx.strokeStyle = line.color
      ctx.beginPath()
      ctx.moveTo(left, y)
      ctx.lineTo(left + width, y)
      ctx.stroke()
    }
    ctx.restore()
  }
}

/**
 * A uPlot chart sized to its container. The canvas is decorative for assistive technology: the
 * figure around it carries a summary and a table of the numbers.
 */
export function Chart({ data, series, bands = [], lines = [], xRange, yRange, height = 240 }: Props) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current!
    const font = '15px system-ui, sans-serif'
    const axis = { stroke: '#33403f', font, grid: { stroke: '#dfe6e5' }, ticks: { stroke: '#c2cccb' } }
    const opts: uPlot.Options = {
      width: el.clientWidth || 320,
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: xRange ? { time: true, range: xRange } : { time: true },
        // The usual range, widened when a reading falls outside it.
        y: yRange ? { range: (_u, min, max) => [Math.min(yRange[0], Math.floor(min) - 10), Math.max(yRange[1], Math.ceil(max) + 10)] } : { auto: true },
      },
      axes: [
        { ...axis, values: (_u, splits) => splits.map(dayLabel), space: 70 },
        { ...axis, size: 56 },
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 3,
          dash: s.dash,
          spanGaps: true,
          ...(s.bars
            ? { fill: s.color, paths: uPlot.paths.bars!({ size: [0.6, 40] }), points: { show: false } }
            : { points: { show: true, size: 11, fill: s.color, stroke: '#fff', width: 2 } }),
        })),
      ],
      hooks: { drawClear: [backdrop(bands, lines)] },
    }
    const chart = new uPlot(opts, data as uPlot.AlignedData, el)
    const resize = new ResizeObserver(() => chart.setSize({ width: el.clientWidth, height }))
    resize.observe(el)
    return () => {
      resize.disconnect()
      chart.destroy()
    }
  }, [data, series, bands, lines, xRange, yRange, height])
  return <div ref={box} class="chart" aria-hidden="true" />
}
