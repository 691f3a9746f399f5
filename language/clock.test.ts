import { describe, expect, it } from 'vitest'
import { sayClock } from './clock.js'
import { whenPhrase } from './when-phrase.js'

describe('times in Hindi', () => {
  it('Should say a clock time with its part of the day', () => {
    expect(sayClock('8:00 am', 'hi')).toBe('सुबह 8:00 बजे')
    expect(sayClock('8:00 pm', 'hi-Latn')).toBe('raat 8:00 baje')
    expect(sayClock('1:30 pm', 'hi-Latn')).toBe('dopahar 1:30 baje')
    expect(sayClock('8:00 pm', 'en')).toBe('8:00 pm')
  })

  it('Should read "2 ghante pehle" as two hours ago', () => {
    expect(whenPhrase('2.5 ghante pehle sugar 160 thi')).toBe('2.5 hours ago')
    expect(whenPhrase('20 minute pehle bp 140/90')).toBe('20 minutes ago')
  })
})
