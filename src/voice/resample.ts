import type { Pcm16Audio } from './wav.js'

/** The format every speech engine here wants: a wrong rate is the first thing that ruins recognition. */
export const SPEECH_SAMPLE_RATE = 16_000

/** Averages the channels into one. */
export function downmix(audio: Pcm16Audio): Pcm16Audio {
  if (audio.channels === 1) return audio
  const ch = audio.channels
  const frames = Math.floor(audio.samples.length / ch)
  const out = new Int16Array(frames)
  for (let f = 0; f < frames; f++) {
    let sum = 0
    for (let c = 0; c < ch; c++) sum += audio.samples[f * ch + c]!
    out[f] = Math.round(sum / ch)
  }
  return { sampleRate: audio.sampleRate, channels: 1, samples: out }
}

/**
 * Linear-interpolation resampling of mono audio. When lowering the rate it first low-passes
 * below the new Nyquist frequency, or what lies between the two (espeak-ng's 8-11 kHz hiss)
 * would fold back into the speech band.
 */
export function resample(audio: Pcm16Audio, targetRate: number): Pcm16Audio {
  if (audio.channels !== 1) throw new Error('resample expects mono audio; downmix first')
  if (audio.sampleRate === targetRate) return audio
  const downsampling = targetRate < audio.sampleRate
  const input = downsampling ? lowPass(audio.samples, (0.45 * targetRate) / audio.sampleRate) : audio.samples
  const ratio = audio.sampleRate / targetRate
  const outLength = Math.floor(audio.samples.length / ratio)
  const out = new Int16Array(outLength)
  for (let i = 0; i < outLength; i++) {
    const pos = i * ratio
    const j = Math.floor(pos)
    const frac = pos - j
    const a = input[j] ?? 0
    const b = input[j + 1] ?? a
    out[i] = clamp16(a + (b - a) * frac)
  }
  return { sampleRate: targetRate, channels: 1, samples: out }
}

/** Any PCM audio as 16 kHz mono. */
export function toMono16k(audio: Pcm16Audio): Pcm16Audio {
  return resample(downmix(audio), SPEECH_SAMPLE_RATE)
}

const TAPS = 31

// A Hamming-windowed sinc FIR; `cutoff` is a fraction of the input sample rate (0-0.5).
function lowPassKernel(cutoff: number): Float32Array {
  const half = (TAPS - 1) / 2
  const kernel = new Float32Array(TAPS)
  let sum = 0
  for (let k = 0; k < TAPS; k++) {
    const n = k - half
    const sinc = n === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * n) / (Math.PI * n)
    kernel[k] = sinc * (0.54 - 0.46 * Math.cos((2 * Math.PI * k) / (TAPS - 1)))
    sum += kernel[k]!
  }
  for (let k = 0; k < TAPS; k++) kernel[k] = kernel[k]! / sum
  return kernel
}

function lowPass(samples: Int16Array, cutoff: number): Float32Array {
  const half = (TAPS - 1) / 2
  const kernel = lowPassKernel(cutoff)
  const out = new Float32Array(samples.length)
  for (let i = 0; i < samples.length; i++) {
    let acc = 0
    for (let k = 0; k < TAPS; k++) {
      const j = i + k - half
      if (j >= 0 && j < samples.length) acc += samples[j]! * kernel[k]!
    }
    out[i] = acc
  }
  return out
}

/**
 * Resamples mono audio that arrives in chunks (a WebSocket's 20 ms frames), carrying the
 * filter's history and the read position across chunks: resampling each chunk on its own would
 * click at every boundary. The filter delays the signal by 15 input samples, under a millisecond.
 */
export class StreamResampler {
  private readonly ratio: number
  private readonly kernel: Float32Array | undefined
  private history = new Int16Array(TAPS - 1)
  private previous: number | undefined
  private position = 0

  constructor(
    readonly fromRate: number,
    readonly toRate: number = SPEECH_SAMPLE_RATE,
  ) {
    this.ratio = fromRate / toRate
    this.kernel = toRate < fromRate ? lowPassKernel((0.45 * toRate) / fromRate) : undefined
  }

  push(chunk: Int16Array): Int16Array {
    if (this.fromRate === this.toRate || chunk.length === 0) return chunk
    const filtered = this.filter(chunk)
    // x[0] is the last sample of the previous chunk, so interpolation spans the boundary.
    let x = filtered
    if (this.previous !== undefined) {
      x = new Float32Array(filtered.length + 1)
      x[0] = this.previous
      x.set(filtered, 1)
    }
    const out: number[] = []
    for (;;) {
      const j = Math.floor(this.position)
      const frac = this.position - j
      if (j >= x.length || (frac > 0 && j + 1 >= x.length)) break
      out.push(clamp16(x[j]! + ((x[j + 1] ?? x[j]!) - x[j]!) * frac))
      this.position += this.ratio
    }
    this.previous = x[x.length - 1]
    this.position -= x.length - 1
    return Int16Array.from(out)
  }

  private filter(chunk: Int16Array): Float32Array {
    if (!this.kernel) return Float32Array.from(chunk)
    const input = new Int16Array(this.history.length + chunk.length)
    input.set(this.history)
    input.set(chunk, this.history.length)
    const out = new Float32Array(chunk.length)
    for (let i = 0; i < chunk.length; i++) {
      let acc = 0
      for (let k = 0; k < TAPS; k++) acc += input[i + k]! * this.kernel[k]!
      out[i] = acc
    }
    this.history = input.slice(input.length - (TAPS - 1))
    return out
  }
}

function clamp16(v: number): number {
  return v > 32767 ? 32767 : v < -32768 ? -32768 : Math.round(v)
}
