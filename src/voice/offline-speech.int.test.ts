import { describe, expect, it } from 'vitest'
import { espeakWav, frames20ms, joinAudio, requires, silence } from '../../test/fakes/audio-fixtures.js'
import { capturingLogger, rejection } from '../../test/helpers.js'
import { OfflineSpeechProvider, STT_UNAVAILABLE_MESSAGE } from './offline-speech.js'
import { toMono16k } from './resample.js'
import { httpStatusOf } from '../http/error-status.js'
import { SpeechProviderError } from './speech-errors.js'
import type { StreamTranscript } from './speech-provider.js'
import { durationSeconds, parseWav } from './wav.js'

const espeak = requires('espeak-ng')
const both = requires('espeak-ng', 'pocketsphinx')
const pocketsphinx = requires('pocketsphinx')

function offline(opts: ConstructorParameters<typeof OfflineSpeechProvider>[1] = {}) {
  const cap = capturingLogger()
  const failures = () => cap.lines().map((l) => JSON.parse(l) as { kind?: string; level: string }).filter((l) => l.kind)
  return { speech: new OfflineSpeechProvider(cap.logger, opts), failures, raw: () => cap.lines().join('\n') }
}

const failure = (p: Promise<unknown>) => rejection(p, SpeechProviderError)

describe('offline speech', () => {
  it.skipIf(espeak.missing)(`speaks English and Hindi as 16 kHz mono WAV${espeak.note}`, async () => {
    const { speech } = offline()
    const en = await speech.synthesize('Your blood pressure is normal.', { language: 'en-IN' })
    expect(en).toMatchObject({ mimeType: 'audio/wav', sampleRate: 16_000, provider: 'offline' })
    const audio = parseWav(en.audio)
    expect(audio).toMatchObject({ sampleRate: 16_000, channels: 1 })
    expect(durationSeconds(audio)).toBeGreaterThan(1)
    const hi = parseWav((await speech.synthesize('आपका रक्तचाप सामान्य है।', { language: 'hi' })).audio)
    expect(durationSeconds(hi)).toBeGreaterThan(1)
  })

  it.skipIf(espeak.missing)(`speaks text starting with a dash as text, not an option${espeak.note}`, async () => {
    const { speech } = offline()
    const audio = parseWav((await speech.synthesize('-v is not an option here', { language: 'en-IN' })).audio)
    expect(durationSeconds(audio)).toBeGreaterThan(0.5)
  })

  it.skipIf(espeak.missing)(`cannot speak a language espeak-ng has no voice for${espeak.note}`, async () => {
    const { speech, failures } = offline()
    const err = await failure(speech.synthesize('ꯑꯩ', { language: 'mni-IN' }))
    expect(err.kind).toBe('unsupported_language')
    expect(err.supportedLanguages).toContain('od-IN')
    expect(failures()).toHaveLength(1)
    expect(failures()[0]!.level).toBe('info')
  })

  it.skipIf(both.missing)(`hears what espeak-ng says, as well as PocketSphinx can${both.note}`, async () => {
    const { speech, raw } = offline()
    const spoken = await speech.synthesize('my blood pressure is one forty over ninety', { language: 'en-IN' })
    const heard = await speech.transcribe({ wav: spoken.audio }, { language: 'en-IN' })
    // PocketSphinx's 2015 model on synthetic speech: measured "my blood pressure is what are the
    // overnight to". The numbers are lost; the subject is not.
    expect(heard.text).toContain('blood pressure')
    expect(heard).toMatchObject({ language: 'en-IN', provider: 'offline' })
    expect(raw()).not.toContain('blood')
  })

  it.skipIf(both.missing)(`reports no language when asked to detect one${both.note}`, async () => {
    const { speech } = offline()
    const audio = toMono16k(parseWav(espeakWav('i feel dizzy and have a headache')))
    const heard = await speech.transcribe(audio)
    expect(heard.text).toContain('dizzy')
    expect(heard.language).toBeNull()
  })

  it.skipIf(pocketsphinx.missing)(`refuses Hindi: PocketSphinx knows only English${pocketsphinx.note}`, async () => {
    const { speech } = offline()
    const err = await failure(speech.transcribe(silence(1), { language: 'hi-IN' }))
    expect(err.kind).toBe('unsupported_language')
    expect(err.message).toMatch(/English only, not Hindi; set SARVAM_API_KEY/)
    expect(httpStatusOf(err.code)).toBe(400)
  })

  it.skipIf(both.missing)(`streams: finds each utterance with its VAD and transcribes it${both.note}`, async () => {
    const { speech } = offline()
    const first = toMono16k(parseWav(espeakWav('my blood pressure is one forty over ninety')))
    const second = toMono16k(parseWav(espeakWav('i feel dizzy and have a headache')))
    const events: string[] = []
    const transcripts: StreamTranscript[] = []
    const stream = await speech.openStream({
      language: 'en-IN',
      onTranscript: (t) => {
        transcripts.push(t)
        events.push('transcript')
      },
      onSpeechStart: () => events.push('start'),
      onSpeechEnd: () => events.push('end'),
      onError: (e) => events.push(`error:${e.kind}`),
    })
    const audio = joinAudio(silence(0.5), first, silence(1.5), second, silence(1.5))
    for (const f of frames20ms(audio)) stream.sendPcm(f)
    await stream.close()
    // The audio went in at once, so both utterances were found before the first was transcribed.
    expect(events).toEqual(['start', 'end', 'start', 'end', 'transcript', 'transcript'])
    expect(transcripts).toHaveLength(2)
    expect(transcripts[0]!.text).toContain('blood pressure')
    expect(transcripts[1]!.text).toContain('dizzy')
    expect(transcripts[1]!.language).toBe('en-IN')
  })

  it.skipIf(both.missing)(`streams: flush() transcribes speech that has not ended yet${both.note}`, async () => {
    const { speech } = offline()
    const said = toMono16k(parseWav(espeakWav('i feel dizzy and have a headache')))
    const transcripts: string[] = []
    const stream = await speech.openStream({ onTranscript: (t) => transcripts.push(t.text), onError: () => {} })
    // As bytes, the way they arrive from a WebSocket.
    for (const f of frames20ms(joinAudio(silence(0.3), said))) {
      stream.sendPcm(new Uint8Array(f.buffer, f.byteOffset, f.byteLength))
    }
    stream.flush()
    await stream.close()
    expect(transcripts).toHaveLength(1)
    expect(transcripts[0]).toContain('dizzy')
  })

  it.skipIf(both.missing)(`streams: close({ discard: true }) drops what was not transcribed${both.note}`, async () => {
    const { speech } = offline()
    const said = toMono16k(parseWav(espeakWav('i feel dizzy and have a headache')))
    const transcripts: string[] = []
    const stream = await speech.openStream({ onTranscript: (t) => transcripts.push(t.text), onError: () => {} })
    for (const f of frames20ms(joinAudio(silence(0.3), said, silence(1)))) stream.sendPcm(f)
    await stream.close({ discard: true })
    expect(transcripts).toEqual([])
  })

  it.skipIf(espeak.missing)(`streams synthesis one WAV per sentence${espeak.note}`, async () => {
    const { speech } = offline()
    async function* sentences() {
      yield 'Your sugar is high.'
      yield '...'
      yield 'Please drink water.'
    }
    const clips: Buffer[] = []
    for await (const wav of speech.synthesizeStream(sentences(), { language: 'en-IN' })) clips.push(wav)
    expect(clips).toHaveLength(2)
    expect(clips.every((c) => parseWav(c).sampleRate === 16_000)).toBe(true)
  })

  it('says what to install when the tools are missing, and never invents a transcript', async () => {
    const { speech, failures } = offline({ espeakPath: null, pocketsphinxPath: null })
    const availability = speech.availability()
    expect(availability.stt).toEqual({ available: false, languages: [], message: STT_UNAVAILABLE_MESSAGE })
    expect(availability.stt.message).toBe(
      'Speech recognition is not available: install pocketsphinx and pocketsphinx-en-us, or set SARVAM_API_KEY',
    )
    expect(availability.tts.message).toMatch(/install espeak-ng, or set SARVAM_API_KEY/)
    const err = await failure(speech.transcribe(silence(1)))
    expect(err.kind).toBe('unavailable')
    expect(httpStatusOf(err.code)).toBe(503)
    expect((await failure(speech.synthesize('Hello.', { language: 'en-IN' }))).kind).toBe('unavailable')
    const opening = speech.openStream({ onTranscript: () => {}, onError: () => {} })
    await expect(opening).rejects.toMatchObject({ kind: 'unavailable' })
    expect(failures().every((l) => l.level === 'warn')).toBe(true)
  })
})
