import { describe, expect, it } from 'vitest'
import { spreadLabels } from './pdf-charts.js'

describe('band labels beside a chart', () => {
  it('Should leave labels where they are wanted when there is room', () => {
    expect(spreadLabels([10, 40, 80], 8, 0, 100)).toEqual([10, 40, 80])
  })

  it('Should push crowded labels apart by the gap', () => {
    expect(spreadLabels([10, 12, 13], 8, 0, 100)).toEqual([10, 18, 26])
  })

  it('Should pull labels crowding the bottom back up, keeping the gap (the lowest glucose band touched the next)', () => {
    const ys = spreadLabels([60, 90, 96, 99], 8, 0, 96)
    expect(ys).toEqual([60, 80, 88, 96])
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(8)
  })

  it('Should keep every label within the plot', () => {
    for (const y of spreadLabels([-20, 200], 8, 0, 100)) {
      expect(y).toBeGreaterThanOrEqual(0)
      expect(y).toBeLessThanOrEqual(100)
    }
  })
})
