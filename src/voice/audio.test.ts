import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { PoddError } from '../../core/errors.js'
import { ffmpegEncode, joinAudio, requires, silence, tone } from '../../test/fakes/audio-fixtures.js'
import { rejection } from '../../test/helpers.js'
import { decodeAudioUpload, sniffAudioType, type DecodeAudioOptions } from './audio.js'
import { durationSeconds, encodeWav } from './wav.js'

const limits: DecodeAudioOptions = { maxBytes: 2 * 1024 * 1024, maxSeconds: 30 }
const ffmpeg = requires('ffmpeg')

const refusal = (body: Uint8Array, type: string | undefined, opts = limits) =>
  rejection(decodeAudioUpload(body, type, opts), PoddError)

describe('decodeAudioUpload', () => {
  it('accepts WAV at any rate and channel count and returns 16 kHz mono', async () => {
    const wav = encodeWav(tone(1.5, { sampleRate: 44_100, channels: 2 }))
    const audio = await decodeAudioUpload(wav, 'audio/wav', { ...limits, ffmpeg: false })
    expect(audio.sampleRate).toBe(16_000)
    expect(audio.channels).toBe(1)
    expect(durationSeconds(audio)).toBeCloseTo(1.5, 2)
  })

  it('trusts the bytes over the content type', async () => {
    const wav = encodeWav(tone(0.5))
    const audio = await decodeAudioUpload(wav, 'application/octet-stream', { ...limits, ffmpeg: false })
    expect(durationSeconds(audio)).toBeCloseTo(0.5, 2)
    expect(sniffAudioType(wav)).toBe('wav')
  })

  it('refuses an empty body with 400', async () => {
    const e = await refusal(Buffer.alloc(0), 'audio/wav')
    expect(e.code).toBe('BAD_REQUEST')
    expect(e.message).toMatch(/empty/)
  })

  it('refuses random bytes: 415 when nothing was declared, 400 when they claim to be WAV', async () => {
    const junk = randomBytes(4000)
    junk[0] = 0x00 // never a frame sync or magic number
    expect((await refusal(junk, undefined)).code).toBe('UNSUPPORTED_MEDIA_TYPE')
    expect((await refusal(junk, 'application/octet-stream')).code).toBe('UNSUPPORTED_MEDIA_TYPE')
    const claimed = await refusal(junk, 'audio/wav')
    expect(claimed.code).toBe('BAD_REQUEST')
    expect(claimed.message).toMatch(/not valid WAV/)
  })

  it('refuses a content type that is not audio with 415', async () => {
    const e = await refusal(encodeWav(tone(0.5)), 'text/plain; charset=utf-8')
    expect(e.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    expect(e.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    expect(e.message).toMatch(/text\/plain/)
  })

  it('refuses audio longer than the limit with 413', async () => {
    const e = await refusal(encodeWav(joinAudio(tone(20), silence(11))), 'audio/wav')
    expect(e.code).toBe('PAYLOAD_TOO_LARGE')
    expect(e.message).toMatch(/31\.0 s long; the limit is 30 s/)
  })

  it('refuses more bytes than allowed with 413 before looking at them', async () => {
    const e = await refusal(Buffer.alloc(limits.maxBytes + 1), 'audio/wav')
    expect(e.code).toBe('PAYLOAD_TOO_LARGE')
    expect(e.details).toEqual({ max_bytes: limits.maxBytes })
  })

  it('refuses a WAV with a damaged header with 400', async () => {
    const wav = encodeWav(tone(0.5))
    wav.writeUInt16LE(5, 22) // 5 channels with a mono block alignment
    const e = await refusal(wav, 'audio/wav')
    expect(e.code).toBe('BAD_REQUEST')
    expect(e.message).toMatch(/damaged/)
    const truncated = await refusal(encodeWav(tone(0.5)).subarray(0, 30), 'audio/wav')
    expect(truncated.code).toBe('BAD_REQUEST')
  })

  it('refuses a WAV holding no samples with 400', async () => {
    const e = await refusal(encodeWav({ sampleRate: 16_000, channels: 1, samples: new Int16Array(0) }), 'audio/wav')
    expect(e.code).toBe('BAD_REQUEST')
    expect(e.message).toMatch(/no sound/)
  })

  it('says which formats work when compressed audio arrives and ffmpeg is absent', async () => {
    const ogg = Buffer.concat([Buffer.from('OggS'), randomBytes(100)])
    const e = await refusal(ogg, 'audio/ogg', { ...limits, ffmpeg: false })
    expect(e.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    expect(e.message).toMatch(/Ogg audio cannot be decoded here; this server accepts only 16-bit PCM WAV/)
  })

  it.skipIf(ffmpeg.missing)(`converts Ogg/Opus from a browser to 16 kHz mono${ffmpeg.note}`, async () => {
    const ogg = ffmpegEncode(encodeWav(tone(2, { frequency: 300, sampleRate: 48_000, channels: 2 })), 'ogg')
    expect(sniffAudioType(ogg)).toBe('ogg')
    const audio = await decodeAudioUpload(ogg, 'audio/ogg; codecs=opus', limits)
    expect(audio).toMatchObject({ sampleRate: 16_000, channels: 1 })
    expect(durationSeconds(audio)).toBeCloseTo(2, 1)
  })

  it.skipIf(ffmpeg.missing)(`converts MP3, M4A and WebM, whatever content type is declared${ffmpeg.note}`, async () => {
    const wav = encodeWav(tone(1.5, { frequency: 300, sampleRate: 22_050 }))
    for (const [format, sniffed] of [['mp3', 'mp3'], ['m4a', 'mp4'], ['webm', 'webm']] as const) {
      const encoded = ffmpegEncode(wav, format)
      expect(sniffAudioType(encoded)).toBe(sniffed)
      const audio = await decodeAudioUpload(encoded, 'application/octet-stream', limits)
      expect(audio.sampleRate).toBe(16_000)
      expect(durationSeconds(audio)).toBeGreaterThan(1.4)
      expect(durationSeconds(audio)).toBeLessThan(1.7)
    }
  })

  it.skipIf(ffmpeg.missing)(`refuses compressed audio over the length limit with 413${ffmpeg.note}`, async () => {
    const mp3 = ffmpegEncode(encodeWav(joinAudio(tone(20), tone(40))), 'mp3')
    const e = await refusal(mp3, 'audio/mpeg')
    expect(e.code).toBe('PAYLOAD_TOO_LARGE')
    expect(e.message).toBe('The audio is over 31 s long; the limit is 30 s')
  })

  it.skipIf(ffmpeg.missing)(`refuses a corrupted compressed file with 400${ffmpeg.note}`, async () => {
    const ogg = Buffer.concat([Buffer.from('OggS'), randomBytes(3000)])
    const e = await refusal(ogg, 'audio/ogg')
    expect(e.code).toBe('BAD_REQUEST')
    expect(e.message).toMatch(/could not be decoded|no audio track/)
  })

  it.skipIf(ffmpeg.missing)(`decodes a WAV in another encoding (32-bit float) through ffmpeg${ffmpeg.note}`, async () => {
    const f32 = floatWav(tone(1, { sampleRate: 8000 }).samples, 8000)
    const audio = await decodeAudioUpload(f32, 'audio/wav', limits)
    expect(durationSeconds(audio)).toBeCloseTo(1, 1)
  })
})

function floatWav(samples: Int16Array, rate: number): Buffer {
  const data = Buffer.alloc(samples.length * 4)
  samples.forEach((s, i) => data.writeFloatLE(s / 32768, i * 4))
  const h = Buffer.alloc(44)
  h.write('RIFF', 0, 'latin1')
  h.writeUInt32LE(36 + data.length, 4)
  h.write('WAVEfmt ', 8, 'latin1')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(3, 20)
  h.writeUInt16LE(1, 22)
  h.writeUInt32LE(rate, 24)
  h.writeUInt32LE(rate * 4, 28)
  h.writeUInt16LE(4, 32)
  h.writeUInt16LE(32, 34)
  h.write('data', 36, 'latin1')
  h.writeUInt32LE(data.length, 40)
  return Buffer.concat([h, data])
}
