import { describe, expect, it } from 'vitest'
import { speakable } from './speakable.js'

describe('speakable', () => {
  it('reads a blood pressure the way patients say it', () => {
    expect(speakable('Logged BP 140/90: high blood pressure (stage 2).')).toBe(
      'Logged BP one forty over ninety: high blood pressure (stage 2).',
    )
    expect(speakable('Your blood pressure was 105/70.')).toBe('Your blood pressure was one oh five over seventy.')
  })

  it('leaves other slashes alone', () => {
    expect(speakable('Your appointment is on 12/05.')).toBe('Your appointment is on 12/05.')
  })

  it('spells out units after a number, and readings the short way', () => {
    expect(speakable('Logged sugar 120 mg/dL: in range. About 380 kcal.')).toBe(
      'Logged sugar one twenty milligrams per decilitre: in range. About 380 kilocalories.',
    )
    expect(speakable('Temperature 38.5 °C, weight 72 kg.')).toBe('Temperature 38.5 degrees Celsius, weight 72 kilograms.')
    expect(speakable('Temperature 101.2 °F at 10:30.')).toBe('Temperature one oh one point two degrees Fahrenheit at 10:30.')
    expect(speakable('Your sugar was 162 yesterday.')).toBe('Your sugar was one sixty two yesterday.')
  })

  it('keeps counts, years and times as numbers', () => {
    expect(speakable('In 2024 you logged 150 readings by 10:30.')).toBe('In 2024 you logged 150 readings by 10:30.')
  })

  it('reads numbers to call digit by digit', () => {
    expect(speakable('Call 112 or 108 for an ambulance now.')).toBe('Call one one two or one zero eight for an ambulance now.')
    expect(speakable('Call Tele-MANAS at 14416 (or 1-800-891-4416).')).toBe(
      'Call Tele-MANAS at one four four one six (or one, eight zero zero, eight nine one, four four one six).',
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
