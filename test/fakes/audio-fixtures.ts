import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { hasBinary, hasPocketsphinx } from '../../src/voice/binaries.js'
import type { Pcm16Audio } from '../../src/voice/wav.js'

/** Synthetic audio for tests, generated on the spot (no binary fixtures in the repository). */

export function tone(
  seconds: number,
  { frequency = 440, sampleRate = 16_000, amplitude = 8000, channels = 1 } = {},
): Pcm16Audio {
  const frames = Math.round(seconds * sampleRate)
  const samples = new Int16Array(frames * channels)
  for (let f = 0; f < frames; f++) {
    const v = Math.round(amplitude * Math.sin((2 * Math.PI * frequency * f) / sampleRate))
    for (let c = 0; c < channels; c++) samples[f * channels + c] = v
  }
  return { sampleRate, channels, samples }
}

/** Quiet room noise (deterministic), or digital silence with `amplitude` 0. */
export function silence(seconds: number, { sampleRate = 16_000, amplitude = 30 } = {}): Pcm16Audio {
  const samples = new Int16Array(Math.round(seconds * sampleRate))
  let seed = 12345
  for (let i = 0; i < samples.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    samples[i] = Math.round(((seed / 0x7fffffff) * 2 - 1) * amplitude)
  }
  return { sampleRate, channels: 1, samples }
}

/** Syllable-like bursts: a tone switched on and off about four times a second. */
export function speechLike(seconds: number, { sampleRate = 16_000, amplitude = 9000 } = {}): Pcm16Audio {
  const samples = new Int16Array(Math.round(seconds * sampleRate))
  for (let i = 0; i < samples.length; i++) {
    const t = i / sampleRate
    const envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t)
    const voice = Math.sin(2 * Math.PI * 180 * t) * (1 + 0.3 * Math.sin(2 * Math.PI * 900 * t))
    samples[i] = Math.round((amplitude * envelope * voice) / 1.3)
  }
  return { sampleRate, channels: 1, samples }
}

export function joinAudio(...clips: Pcm16Audio[]): Pcm16Audio {
  const total = clips.reduce((n, c) => n + c.samples.length, 0)
  const samples = new Int16Array(total)
  let at = 0
  for (const c of clips) {
    samples.set(c.samples, at)
    at += c.samples.length
  }
  return { sampleRate: clips[0]!.sampleRate, channels: 1, samples }
}

/** The audio in 20 ms slices, as a browser or phone would stream it. */
export function frames20ms(audio: Pcm16Audio): Int16Array[] {
  const size = Math.round(audio.sampleRate / 50) * audio.channels
  const out: Int16Array[] = []
  for (let i = 0; i < audio.samples.length; i += size) out.push(audio.samples.subarray(i, i + size))
  return out
}

/** Encodes a WAV file with ffmpeg to another container (`ogg`, `mp3`, `webm`, `m4a`). */
export function ffmpegEncode(wav: Buffer, format: 'ogg' | 'mp3' | 'webm' | 'm4a', extraArgs: string[] = []): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-fixture-'))
  try {
    const input = path.join(dir, 'in.wav')
    const output = path.join(dir, `out.${format}`)
    fs.writeFileSync(input, wav)
    const codec = { ogg: 'libopus', webm: 'libopus', mp3: 'libmp3lame', m4a: 'aac' }[format]
    execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-i', input, '-c:a', codec, ...extraArgs, output])
    return fs.readFileSync(output)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** espeak-ng's own WAV for a sentence (22050 Hz), as the offline provider would hear it from a person. */
export function espeakWav(text: string, voice = 'en-us+klatt'): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-fixture-'))
  try {
    const out = path.join(dir, 'speech.wav')
    execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', out, text])
    return fs.readFileSync(out)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const APT_PACKAGES: Record<string, string> = {
  ffmpeg: 'ffmpeg',
  'espeak-ng': 'espeak-ng',
  pocketsphinx: 'pocketsphinx pocketsphinx-en-us',
}

/**
 * Whether the speech tools a test needs are installed, and a note for its name saying what to
 * install when they are not (vitest shows the name of a skipped test, not a reason).
 */
export function requires(...tools: ('ffmpeg' | 'espeak-ng' | 'pocketsphinx')[]): { missing: boolean; note: string } {
  const absent = tools.filter((t) => (t === 'pocketsphinx' ? !hasPocketsphinx() : !hasBinary(t)))
  if (absent.length === 0) return { missing: false, note: '' }
  const install = absent.map((t) => APT_PACKAGES[t]).join(' ')
  return { missing: true, note: ` [skipped: needs ${absent.join(', ')}: apt-get install ${install}]` }
}
