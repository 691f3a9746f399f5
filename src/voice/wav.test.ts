import { describe, expect, it } from 'vitest'
import { tone } from '../../test/fakes/audio-fixtures.js'
import { durationSeconds, encodeWav, parseWav, pcmFromBytes, pcmToBytes, stripWavHeader, WavFormatError } from './wav.js'

describe('WAV', () => {
  it('round-trips 16-bit PCM through encodeWav and parseWav', () => {
    const audio = tone(0.5, { sampleRate: 22_050, channels: 2 })
    const wav = encodeWav(audio)
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF')
    expect(wav.length).toBe(44 + audio.samples.length * 2)
    const back = parseWav(wav)
    expect(back.sampleRate).toBe(22_050)
    expect(back.channels).toBe(2)
    expect(Array.from(back.samples)).toEqual(Array.from(audio.samples))
    expect(durationSeconds(back)).toBeCloseTo(0.5, 3)
  })

  it('skips chunks it does not need (LIST before data)', () => {
    const plain = encodeWav(tone(0.1))
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([5, 0, 0, 0]), Buffer.from('INFOx'), Buffer.from([0])])
    const withList = Buffer.concat([plain.subarray(0, 36), list, plain.subarray(36)])
    expect(parseWav(withList).samples.length).toBe(1600)
  })

  it('reads a streamed WAV whose size fields are placeholders (espeak-ng --stdout, ffmpeg to a pipe)', () => {
    const wav = encodeWav(tone(0.1))
    wav.writeUInt32LE(0x7ffff024, 4)
    wav.writeUInt32LE(0x7ffff000, 40)
    expect(parseWav(wav).samples.length).toBe(1600)
  })

  it.each([
    ['not RIFF', () => Buffer.from('hello world, this is not audio at all')],
    ['RIFF but not WAVE', () => riff('AVI ', Buffer.alloc(40))],
    ['no fmt chunk', () => riff('WAVE', Buffer.concat([Buffer.from('data'), Buffer.alloc(8)]))],
    ['a truncated data chunk', () => encodeWav(tone(0.1)).subarray(0, 1000)],
    ['an implausible sample rate', () => withField(24, 3)],
    ['a block alignment that does not fit', () => withField16(32, 7)],
    ['garbage where a chunk header should be', () => {
      const w = encodeWav(tone(0.1))
      w.write('\u0001\u0002\u0003\u0004', 36, 'latin1')
      return w
    }],
  ])('rejects %s', (_name, make) => {
    expect(() => parseWav(make())).toThrow(WavFormatError)
  })

  it('marks a valid WAV in another encoding as unsupported rather than damaged', () => {
    const float = withField16(20, 3)
    float.writeUInt16LE(32, 34)
    float.writeUInt16LE(4, 32)
    try {
      parseWav(float)
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(WavFormatError)
      expect((err as WavFormatError).unsupportedEncoding).toBe(true)
    }
  })

  it('converts between PCM bytes and samples, and strips a WAV header from a stream chunk', () => {
    const audio = tone(0.05)
    const bytes = pcmToBytes(audio)
    expect(Array.from(pcmFromBytes(bytes, 16_000).samples)).toEqual(Array.from(audio.samples))
    expect(stripWavHeader(encodeWav(audio)).equals(bytes)).toBe(true)
    expect(stripWavHeader(bytes)).toBe(bytes)
  })
})

function withField(offset: number, value: number): Buffer {
  const w = encodeWav(tone(0.1))
  w.writeUInt32LE(value, offset)
  return w
}

function withField16(offset: number, value: number): Buffer {
  const w = encodeWav(tone(0.1))
  w.writeUInt16LE(value, offset)
  return w
}

function riff(form: string, rest: Buffer): Buffer {
  return Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from(form, 'latin1'), rest])
}
