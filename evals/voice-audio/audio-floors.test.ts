import { describe, expect, it } from 'vitest'
import { AudioFloorsSchema, belowFloors, floorsFromReport, type AudioFloors } from './audio-floors.js'

const floors: AudioFloors = {
  description: 'test',
  dataset: 'voice-audio',
  sample: null,
  by_snr: {
    '20dB': { wer_max: 0.3, intent_min: 0.7, red_flag_recall_min: 1, false_alarms_max: 0 },
    '10dB': { wer_max: 0.5, intent_min: 0.5, red_flag_recall_min: 0.9, false_alarms_max: 1 },
  },
  known_red_flag_misses: ['va-em-x@10dB'],
  measured: '2026-12-06',
}
const level = (o: Partial<{ wer: number; intent_accuracy: number; red_flag_recall: number | null; false_alarms: number }> = {}) => ({
  wer: 0.2,
  intent_accuracy: 0.8,
  red_flag_recall: 1,
  false_alarms: 0,
  ...o,
})

describe('the spoken eval floors', () => {
  it('passes a run at or above every floor, its known misses included', () => {
    expect(belowFloors(floors, { '20dB': level(), '10dB': level({ wer: 0.5, red_flag_recall: 0.95 }) }, ['va-em-x@10dB'])).toEqual([])
  })

  it('names every figure below its floor', () => {
    const got = belowFloors(floors, { '20dB': level({ wer: 0.31, intent_accuracy: 0.6, red_flag_recall: 0.97, false_alarms: 1 }) }, [])
    expect(got).toHaveLength(4)
    expect(got.join('\n')).toMatch(/WER at 20dB 31\.0 % above its floor 30\.0 %[\s\S]*intent[\s\S]*red-flag recall[\s\S]*1 false alarms/)
  })

  it('fails a spoken emergency missed that was caught before, whatever the recall', () => {
    expect(belowFloors(floors, { '10dB': level({ red_flag_recall: 0.95 }) }, ['va-em-y@10dB'])).toEqual([
      'spoken emergencies missed that were caught before: va-em-y@10dB',
    ])
  })

  it('the floors file is strict about its fields', () => {
    expect(AudioFloorsSchema.safeParse({ ...floors, extra: 1 }).success).toBe(false)
    expect(AudioFloorsSchema.safeParse({ ...floors, by_snr: { '20dB': { wer_max: 0.3 } } }).success).toBe(false)
  })

  it('are measured from a run (here a sample of 80), less the margins, its misses known', () => {
    const report = {
      datasets: [{ name: 'voice-audio' }],
      sample: 80,
      by_snr: { '20dB': level({ wer: 0.46, intent_accuracy: 0.548, red_flag_recall: 0.75, false_alarms: 9 }) },
      red_flag_misses: ['va-em-b@20dB', 'va-em-a@20dB'],
    }
    const f = floorsFromReport(report, 'on abc')
    expect(AudioFloorsSchema.parse(f)).toEqual(f)
    expect(f.by_snr['20dB']).toEqual({ wer_max: 0.48, intent_min: 0.528, red_flag_recall_min: 0.73, false_alarms_max: 11 })
    expect(f.sample).toBe(80)
    expect(f.known_red_flag_misses).toEqual(['va-em-a@20dB', 'va-em-b@20dB'])
    expect(belowFloors(f, report.by_snr, report.red_flag_misses)).toEqual([])
  })
})
