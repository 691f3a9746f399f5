import { describe, expect, it } from 'vitest'
import { tidyTranscript } from './transcript.js'

describe('tidyTranscript', () => {
  it('joins letters said one by one into the words the parsers read', () => {
    expect(tidyTranscript('my s p o two is ninety six')).toBe('my spo2 is ninety six')
    expect(tidyTranscript('b p one forty over ninety pulse eighty b p m')).toBe('bp one forty over ninety pulse eighty bpm')
    expect(tidyTranscript('i took metformin five hundred m g')).toBe('i took metformin five hundred mg')
  })

  it('leaves other words alone', () => {
    expect(tidyTranscript('i ate a bowl of dal')).toBe('i ate a bowl of dal')
  })
})
