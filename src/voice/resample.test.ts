import { describe, expect, it } from 'vitest'
import { tone } from '../../test/fakes/audio-fixtures.js'
import { downmix, resample, StreamResampler, toMono16k } from './resample.js'
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

describe('streaming resampling', () => {
  it('gives what resampling the whole clip gives, in 20 ms pieces, without clicks at the joins', () => {
    const clip = tone(1, { sampleRate: 48_000, frequency: 300 })
    const stream = new StreamResampler(48_000)
    const pieces: Int16Array[] = []
    for (let i = 0; i < clip.samples.length; i += 960) pieces.push(stream.push(clip.samples.subarray(i, i + 960)))
    const samples = Int16Array.from(pieces.flatMap((p) => [...p]))
    const out = { sampleRate: 16_000, channels: 1, samples }
    expect(samples.length).toBeGreaterThanOrEqual(15_990)
    expect(samples.length).toBeLessThanOrEqual(16_000)
    expect(frequencyOf(out)).toBeCloseTo(300, -1)
    expect(rms(out)).toBeCloseTo(rms(resample(clip, 16_000)), -2)
    // A click shows as a jump far larger than a 300 Hz sine's steepest step at 16 kHz.
    let steepest = 0
    for (let i = 1; i < samples.length; i++) steepest = Math.max(steepest, Math.abs(samples[i]! - samples[i - 1]!))
    expect(steepest).toBeLessThan(8000 * 2 * Math.PI * (300 / 16_000) * 1.2)
  })

  it('upsamples 8 kHz telephone audio too', () => {
    const stream = new StreamResampler(8000)
    const clip = tone(0.5, { sampleRate: 8000, frequency: 200 })
    let n = 0
    for (let i = 0; i < clip.samples.length; i += 160) n += stream.push(clip.samples.subarray(i, i + 160)).length
    expect(n).toBeGreaterThanOrEqual(7990)
    expect(n).toBeLessThanOrEqual(8000)
  })
})
