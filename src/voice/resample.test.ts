import { describe, expect, it } from 'vitest'
import { tone } from '../../test/fakes/audio-fixtures.js'
import { downmix, resample, toMono16k } from './resample.js'
import type { Pcm16Audio } from './wav.js'

// The dominant frequency, from the rate of upward zero crossings.
function frequencyOf(audio: Pcm16Audio): number {
  let crossings = 0
  for (let i = 1; i < audio.samples.length; i++) if (audio.samples[i - 1]! < 0 && audio.samples[i]! >= 0) crossings++
  return crossings / (audio.samples.length / audio.sampleRate)
}

function rms(audio: Pcm16Audio): number {
  let s = 0
  for (const v of audio.samples) s += v * v
  return Math.sqrt(s / audio.samples.length)
}

describe('resampling', () => {
  it('keeps pitch and length when going from 44.1 kHz stereo to 16 kHz mono', () => {
    const input = tone(1, { frequency: 440, sampleRate: 44_100, channels: 2 })
    const out = toMono16k(input)
    expect(out.sampleRate).toBe(16_000)
    expect(out.channels).toBe(1)
    expect(out.samples.length).toBe(16_000)
    expect(frequencyOf(out)).toBeGreaterThan(435)
    expect(frequencyOf(out)).toBeLessThan(445)
  })

  it('upsamples 8 kHz telephone audio', () => {
    const out = resample(tone(0.5, { frequency: 300, sampleRate: 8000 }), 16_000)
    expect(out.samples.length).toBe(8000)
    expect(frequencyOf(out)).toBeCloseTo(300, -1)
  })

  it('filters out what the new rate cannot carry instead of folding it into the speech band', () => {
    // 10 kHz is above 16 kHz audio's 8 kHz Nyquist limit: without a filter it would alias to 6 kHz.
    const high = resample(tone(0.5, { frequency: 10_000, sampleRate: 22_050 }), 16_000)
    const low = resample(tone(0.5, { frequency: 1000, sampleRate: 22_050 }), 16_000)
    expect(rms(high)).toBeLessThan(rms(low) * 0.1)
  })

  it('averages channels when downmixing', () => {
    const stereo: Pcm16Audio = { sampleRate: 16_000, channels: 2, samples: Int16Array.from([100, 300, -200, 0]) }
    expect(Array.from(downmix(stereo).samples)).toEqual([200, -100])
  })
})
