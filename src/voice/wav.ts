/**
 * 16-bit PCM audio and the WAV container around it. Everything in src/voice passes audio as
 * `Pcm16Audio`; providers want 16 kHz mono, which `toMono16k` (resample.ts) produces.
 */
export interface Pcm16Audio {
  sampleRate: number
  channels: number
  /** Interleaved signed 16-bit samples. */
  samples: Int16Array
}

/** A buffer that is not a WAV file we can read. `unsupportedEncoding` marks a valid WAV in another encoding. */
export class WavFormatError extends Error {
  override name = 'WavFormatError'
  constructor(
    message: string,
    readonly unsupportedEncoding = false,
  ) {
    super(message)
  }
}

const WAVE_FORMAT_PCM = 1
const WAVE_FORMAT_EXTENSIBLE = 0xfffe
// Streaming writers (espeak-ng --stdout, ffmpeg to a pipe) cannot know the length up front and
// put a huge placeholder in the size fields; anything this large means "to the end of the file".
const STREAMING_SIZE = 0x7fff0000
export const WAV_HEADER_BYTES = 44

// WAV samples are little-endian, as is every machine Node runs on in practice: there a sample
// buffer is copied whole instead of a sample at a time (a 3 s clip: ~0.05 ms instead of ~1 ms).
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** `count` little-endian s16 samples starting at byte `offset` of `b`, as a new aligned array. */
export function readSamples(b: Uint8Array, offset: number, count: number): Int16Array {
  const out = new Int16Array(count)
  if (LITTLE_ENDIAN) {
    new Uint8Array(out.buffer).set(b.subarray(offset, offset + count * 2))
    return out
  }
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  for (let i = 0; i < count; i++) out[i] = view.getInt16(offset + i * 2, true)
  return out
}

/** Writes the samples little-endian into `b` at byte `offset`. */
function writeSamples(samples: Int16Array, b: Buffer, offset: number): void {
  if (LITTLE_ENDIAN) {
    b.set(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength), offset)
    return
  }
  for (let i = 0; i < samples.length; i++) b.writeInt16LE(samples[i]!, offset + i * 2)
}

/** Reads a RIFF/WAVE file of 16-bit PCM. Throws WavFormatError on anything else or a damaged header. */
export function parseWav(buf: Uint8Array): Pcm16Audio {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  if (b.length < 12 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WAVE') {
    throw new WavFormatError('not a RIFF/WAVE file')
  }
  let fmt: { channels: number; sampleRate: number } | undefined
  let offset = 12
  while (offset + 8 <= b.length) {
    const id = b.toString('latin1', offset, offset + 4)
    const size = b.readUInt32LE(offset + 4)
    const body = offset + 8
    if (!/^[\x20-\x7e]{4}$/.test(id)) throw new WavFormatError('damaged chunk header')
    if (id === 'fmt ') {
      if (size < 16 || body + size > b.length) throw new WavFormatError('damaged fmt chunk')
      fmt = readFmt(b, body, size)
    } else if (id === 'data') {
      if (!fmt) throw new WavFormatError('data chunk before fmt chunk')
      let end = body + size
      if (end > b.length) {
        if (size < STREAMING_SIZE) throw new WavFormatError('data chunk is truncated')
        end = b.length
      }
      const frameBytes = fmt.channels * 2
      const usable = end - body - ((end - body) % frameBytes)
      return { sampleRate: fmt.sampleRate, channels: fmt.channels, samples: readSamples(b, body, usable / 2) }
    } else if (size >= STREAMING_SIZE) {
      break
    }
    offset = body + size + (size % 2)
  }
  throw new WavFormatError(fmt ? 'no data chunk' : 'no fmt chunk')
}

function readFmt(b: Buffer, at: number, size: number): { channels: number; sampleRate: number } {
  let format = b.readUInt16LE(at)
  const channels = b.readUInt16LE(at + 2)
  const sampleRate = b.readUInt32LE(at + 4)
  const blockAlign = b.readUInt16LE(at + 12)
  const bits = b.readUInt16LE(at + 14)
  // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
  if (format === WAVE_FORMAT_EXTENSIBLE && size >= 40) format = b.readUInt16LE(at + 24)
  if (channels < 1 || channels > 8) throw new WavFormatError(`implausible channel count ${channels}`)
  if (sampleRate < 1000 || sampleRate > 384_000) throw new WavFormatError(`implausible sample rate ${sampleRate}`)
  if (format !== WAVE_FORMAT_PCM || bits !== 16) {
    throw new WavFormatError(`WAV encoding ${format}/${bits}-bit is not 16-bit PCM`, true)
  }
  if (blockAlign !== channels * 2) throw new WavFormatError('block alignment does not match the format')
  return { channels, sampleRate }
}

/** A canonical 44-byte-header WAV file holding the audio. */
export function encodeWav(audio: Pcm16Audio): Buffer {
  const dataBytes = audio.samples.length * 2
  const b = Buffer.alloc(WAV_HEADER_BYTES + dataBytes)
  b.write('RIFF', 0, 'latin1')
  b.writeUInt32LE(36 + dataBytes, 4)
  b.write('WAVE', 8, 'latin1')
  b.write('fmt ', 12, 'latin1')
  b.writeUInt32LE(16, 16)
  b.writeUInt16LE(WAVE_FORMAT_PCM, 20)
  b.writeUInt16LE(audio.channels, 22)
  b.writeUInt32LE(audio.sampleRate, 24)
  b.writeUInt32LE(audio.sampleRate * audio.channels * 2, 28)
  b.writeUInt16LE(audio.channels * 2, 32)
  b.writeUInt16LE(16, 34)
  b.write('data', 36, 'latin1')
  b.writeUInt32LE(dataBytes, 40)
  writeSamples(audio.samples, b, WAV_HEADER_BYTES)
  return b
}

/** Raw little-endian s16 bytes as audio (a trailing odd byte is dropped). */
export function pcmFromBytes(bytes: Uint8Array, sampleRate: number, channels = 1): Pcm16Audio {
  return { sampleRate, channels, samples: readSamples(bytes, 0, Math.floor(bytes.byteLength / 2)) }
}

/** The audio's samples as little-endian s16 bytes. */
export function pcmToBytes(audio: Pcm16Audio | Int16Array): Buffer {
  const samples = audio instanceof Int16Array ? audio : audio.samples
  const b = Buffer.allocUnsafe(samples.length * 2)
  writeSamples(samples, b, 0)
  return b
}

export function durationSeconds(audio: Pcm16Audio): number {
  return audio.samples.length / audio.channels / audio.sampleRate
}

/** Joins mono clips of the same rate end to end. */
export function concatPcm(clips: Pcm16Audio[], sampleRate: number): Pcm16Audio {
  const total = clips.reduce((n, c) => n + c.samples.length, 0)
  const samples = new Int16Array(total)
  let at = 0
  for (const c of clips) {
    if (c.sampleRate !== sampleRate || c.channels !== 1) throw new Error('concatPcm needs mono clips of one rate')
    samples.set(c.samples, at)
    at += c.samples.length
  }
  return { sampleRate, channels: 1, samples }
}

/** The PCM bytes of a WAV file's data chunk, or the buffer itself when it has no RIFF header. */
export function stripWavHeader(buf: Buffer): Buffer {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'RIFF') return buf
  let offset = 12
  while (offset + 8 <= buf.length) {
    const id = buf.toString('latin1', offset, offset + 4)
    const size = buf.readUInt32LE(offset + 4)
    if (id === 'data') return buf.subarray(offset + 8)
    offset += 8 + size + (size % 2)
  }
  return Buffer.alloc(0)
}
