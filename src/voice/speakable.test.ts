import { describe, expect, it } from 'vitest'
import { speakable } from './speakable.js'

describe('speakable', () => {
  it('reads a blood pressure as "over"', () => {
    expect(speakable('Logged BP 140/90: high blood pressure (stage 2).')).toBe(
      'Logged BP 140 over 90: high blood pressure (stage 2).',
    )
  })

  it('leaves other slashes alone', () => {
    expect(speakable('Your appointment is on 12/05.')).toBe('Your appointment is on 12/05.')
  })

  it('spells out units after a number', () => {
    expect(speakable('Logged sugar 120 mg/dL: in range. About 380 kcal.')).toBe(
      'Logged sugar 120 milligrams per decilitre: in range. About 380 kilocalories.',
    )
    expect(speakable('Temperature 38.5 °C, weight 72 kg.')).toBe(
      'Temperature 38.5 degrees Celsius, weight 72 kilograms.',
    )
  })

  it('drops markdown the engine would read aloud', () => {
    expect(speakable('**Note:** take it *after* food.\n- one tablet\n- [more](http://x)')).toBe(
      'Note: take it after food.\none tablet\nmore',
    )
  })

  it('keeps other scripts as they are', () => {
    expect(speakable('आपका बीपी 140/90 है।')).toBe('आपका बीपी 140/90 है।')
  })
})
