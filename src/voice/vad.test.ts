import { describe, expect, it } from 'vitest'
import { frames20ms, joinAudio, silence, speechLike, tone } from '../../test/fakes/audio-fixtures.js'
import { EnergyVad, hasSpeech, splitAtQuietPoints, type VadEvent } from './vad.js'
import type { Pcm16Audio } from './wav.js'

function run(audio: Pcm16Audio, vad = new EnergyVad({ sampleRate: 16_000 })): VadEvent[] {
  return frames20ms(audio).flatMap((f) => vad.push(f))
}

const seconds = (e: VadEvent) => e.at / 16_000

describe('energy VAD', () => {
  it('finds the start and end of each utterance', () => {
    const audio = joinAudio(silence(1), speechLike(1.5), silence(1.5), speechLike(1), silence(1))
    const events = run(audio)
    expect(events.map((e) => e.type)).toEqual(['start', 'end', 'start', 'end'])
    expect(seconds(events[0]!)).toBeCloseTo(1.0, 1)
    expect(seconds(events[1]!)).toBeCloseTo(2.5, 1)
    expect(seconds(events[2]!)).toBeCloseTo(4.0, 1)
    expect(seconds(events[3]!)).toBeCloseTo(5.0, 1)
  })

  it('does not end an utterance at a short pause between words', () => {
    const audio = joinAudio(silence(0.5), speechLike(0.6), silence(0.3), speechLike(0.6), silence(1.2))
    expect(run(audio).map((e) => e.type)).toEqual(['start', 'end'])
  })

  it('ignores a click and steady background noise', () => {
    const hum = silence(3, { amplitude: 600 })
    const click = tone(0.02, { amplitude: 20_000 })
    expect(run(joinAudio(silence(0.5), click, silence(0.5)))).toEqual([])
    expect(run(hum)).toEqual([])
  })

  it('hears speech over background noise once it has learnt the noise', () => {
    const noisy = joinAudio(silence(1, { amplitude: 600 }), speechLike(1), silence(1, { amplitude: 600 }))
    expect(run(noisy).map((e) => e.type)).toEqual(['start', 'end'])
  })

  it('cuts an utterance that runs past the maximum and can be ended on demand', () => {
    const vad = new EnergyVad({ sampleRate: 16_000, maxUtteranceMs: 2000 })
    const events = run(joinAudio(silence(0.2), speechLike(5)), vad)
    expect(events.filter((e) => e.type === 'end').length).toBeGreaterThanOrEqual(2)
    const manual = new EnergyVad({ sampleRate: 16_000 })
    run(joinAudio(silence(0.2), speechLike(1)), manual)
    expect(manual.inSpeech).toBe(true)
    expect(manual.forceEnd()?.type).toBe('end')
    expect(manual.inSpeech).toBe(false)
  })
})

describe('is there speech at all', () => {
  it('hears speech, alone or over steady noise; not silence, a hum or a click', () => {
    expect(hasSpeech(joinAudio(silence(0.4), speechLike(1), silence(0.4)))).toBe(true)
    expect(hasSpeech(joinAudio(silence(1, { amplitude: 600 }), speechLike(1)))).toBe(true)
    expect(hasSpeech(silence(2))).toBe(false)
    expect(hasSpeech(silence(2, { amplitude: 600 }))).toBe(false)
    expect(hasSpeech(joinAudio(silence(0.5), tone(0.02, { amplitude: 20_000 }), silence(0.5)))).toBe(false)
  })
})

describe('splitting long audio', () => {
  it('cuts into pieces under the limit, in the quiet', () => {
    const pause = silence(0.5, { amplitude: 0 })
    const audio = joinAudio(speechLike(27), pause, speechLike(27), pause, speechLike(10))
    const pieces = splitAtQuietPoints(audio, 30)
    expect(pieces).toHaveLength(3)
    expect(pieces.every((p) => p.samples.length <= 30 * 16_000)).toBe(true)
    expect(pieces.reduce((n, p) => n + p.samples.length, 0)).toBe(audio.samples.length)
    expect(pieces[0]!.samples.length / 16_000).toBeGreaterThan(27)
    expect(pieces[0]!.samples.length / 16_000).toBeLessThan(27.5)
  })

  it('leaves short audio whole', () => {
    const audio = speechLike(3)
    expect(splitAtQuietPoints(audio, 30)).toEqual([audio])
  })
})
