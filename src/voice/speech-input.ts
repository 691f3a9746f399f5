import { toMono16k } from './resample.js'
import { SpeechProviderError, type SpeechProviderName } from './speech-errors.js'
import type { SpeechInput } from './speech-provider.js'
import { parseWav, readSamples, WavFormatError, type Pcm16Audio } from './wav.js'

/**
 * A provider's input as 16 kHz mono. Routes validate uploads with `decodeAudioUpload` first;
 * this only guards against a caller handing over something unreadable.
 */
export function speechPcm(input: SpeechInput, provider: SpeechProviderName): Pcm16Audio {
  let audio: Pcm16Audio
  if ('wav' in input) {
    try {
      audio = parseWav(input.wav)
    } catch (err) {
      if (!(err instanceof WavFormatError)) throw err
      const detail = err.message
      throw new SpeechProviderError('bad_audio', 'The audio is not a 16-bit PCM WAV file', { provider, detail })
    }
  } else {
    audio = input
  }
  if (audio.samples.length === 0) throw new SpeechProviderError('bad_audio', 'The audio is empty', { provider })
  return toMono16k(audio)
}

/** PCM chunks as whole little-endian s16 samples, carrying an odd trailing byte to the next chunk. */
export class PcmChunker {
  private carry: number | undefined

  samples(chunk: Uint8Array | Int16Array): Int16Array {
    if (chunk instanceof Int16Array) return chunk
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    if (this.carry !== undefined) {
      bytes = Buffer.concat([Buffer.from([this.carry]), bytes])
      this.carry = undefined
    }
    if (bytes.length % 2) {
      this.carry = bytes[bytes.length - 1]
      bytes = bytes.subarray(0, bytes.length - 1)
    }
    return readSamples(bytes, 0, bytes.length / 2)
  }
}

/** Milliseconds since `start` (a performance.now() reading), rounded. */
export function elapsedMs(start: number): number {
  return Math.round(performance.now() - start)
}
