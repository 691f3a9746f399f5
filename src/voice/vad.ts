import type { Pcm16Audio } from './wav.js'

/**
 * An energy-based voice activity detector for 16-bit mono PCM, for when no provider tells us
 * where speech starts and ends. It follows the noise floor, calls a frame speech when it is
 * clearly louder than that floor, and needs a run of speech to start and a run of quiet to end,
 * so a click does not start an utterance and a pause between words does not end one.
 */
export interface VadOptions {
  sampleRate: number
  frameMs?: number
  /** How far above the noise floor (dB) a frame must be to count as speech. */
  marginDb?: number
  /** Frames quieter than this (dBFS) are never speech, however quiet the room. */
  minSpeechDb?: number
  /** Speech this long starts an utterance. */
  minSpeechMs?: number
  /** Quiet this long ends it. */
  endSilenceMs?: number
  /** An utterance is ended after this long even if the speaker has not paused. */
  maxUtteranceMs?: number
}

export type VadEvent = { type: 'start' | 'end'; /** index of the sample where it happened */ at: number }

export class EnergyVad {
  private readonly frame: number
  private readonly marginDb: number
  private readonly minSpeechDb: number
  private readonly startFrames: number
  private readonly endFrames: number
  private readonly maxFrames: number
  private pending = new Int16Array(0)
  private position = 0
  private floorDb: number | undefined
  private speaking = false
  private run = 0
  private runStart = 0
  private utteranceFrames = 0

  constructor(opts: VadOptions) {
    const frameMs = opts.frameMs ?? 20
    this.frame = Math.round((opts.sampleRate * frameMs) / 1000)
    this.marginDb = opts.marginDb ?? 12
    this.minSpeechDb = opts.minSpeechDb ?? -50
    this.startFrames = Math.max(1, Math.round((opts.minSpeechMs ?? 100) / frameMs))
    this.endFrames = Math.max(1, Math.round((opts.endSilenceMs ?? 700) / frameMs))
    this.maxFrames = Math.round((opts.maxUtteranceMs ?? 30_000) / frameMs)
  }

  get inSpeech(): boolean {
    return this.speaking
  }

  /** Feeds samples; returns the starts and ends they complete. */
  push(samples: Int16Array): VadEvent[] {
    const events: VadEvent[] = []
    let buf = samples
    if (this.pending.length) {
      buf = new Int16Array(this.pending.length + samples.length)
      buf.set(this.pending)
      buf.set(samples, this.pending.length)
    }
    let i = 0
    for (; i + this.frame <= buf.length; i += this.frame) {
      const event = this.step(buf.subarray(i, i + this.frame))
      if (event) events.push(event)
      this.position += this.frame
    }
    this.pending = buf.slice(i)
    return events
  }

  /** Ends the current utterance now (the speaker pressed stop). */
  forceEnd(): VadEvent | undefined {
    if (!this.speaking) return undefined
    this.reset()
    return { type: 'end', at: this.position }
  }

  private step(frame: Int16Array): VadEvent | undefined {
    const db = levelDb(frame)
    this.floorDb ??= db
    const loud = db > Math.max(this.floorDb + this.marginDb, this.minSpeechDb)
    if (!this.speaking) {
      this.trackFloor(db, loud)
      if (!loud) {
        this.run = 0
        return undefined
      }
      if (this.run++ === 0) this.runStart = this.position
      if (this.run < this.startFrames) return undefined
      this.speaking = true
      this.run = 0
      this.utteranceFrames = this.startFrames
      return { type: 'start', at: this.runStart }
    }
    this.utteranceFrames++
    if (loud) this.run = 0
    else if (this.run++ === 0) this.runStart = this.position
    if (this.run >= this.endFrames) {
      const at = this.runStart
      this.reset()
      return { type: 'end', at }
    }
    if (this.utteranceFrames >= this.maxFrames) {
      this.reset()
      return { type: 'end', at: this.position + this.frame }
    }
    return undefined
  }

  // The floor drops at once to a quieter frame and creeps up slowly, so it finds the room's
  // noise quickly and follows it if it grows (a fan switched on) without chasing the voice.
  private trackFloor(db: number, loud: boolean): void {
    const floor = this.floorDb!
    if (db < floor) this.floorDb = db
    else if (!loud) this.floorDb = floor + (db - floor) * 0.05
    else this.floorDb = floor + 0.02
  }

  private reset(): void {
    this.speaking = false
    this.run = 0
    this.utteranceFrames = 0
  }
}

/**
 * Whether a recording holds speech at all (the detector starts an utterance somewhere in it):
 * what tells "said something we did not understand" from "said nothing" when a recogniser
 * finds no words. 6 dB over the noise floor, not the stream's 12: a whole recording starts in
 * its noise, and at 10 dB SNR 37 of the spoken eval's 416 clips never rose 12 dB above it (none
 * stayed under 6). A rumble (brown noise) can pass for speech: the patient is then asked to say
 * it again, which writes nothing either.
 */
export function hasSpeech(audio: Pcm16Audio, opts: Omit<VadOptions, 'sampleRate'> = {}): boolean {
  const vad = new EnergyVad({ marginDb: 6, ...opts, sampleRate: audio.sampleRate })
  return vad.push(audio.samples).some((e) => e.type === 'start') || vad.inSpeech
}

/** A frame's RMS level in dBFS (digital silence is -100). */
export function levelDb(frame: Int16Array): number {
  if (frame.length === 0) return -100
  let sum = 0
  for (let i = 0; i < frame.length; i++) sum += frame[i]! * frame[i]!
  const rms = Math.sqrt(sum / frame.length) / 32768
  return rms > 0 ? Math.max(-100, 20 * Math.log10(rms)) : -100
}

/**
 * Cuts mono audio into pieces of at most `maxSeconds`, each cut at the quietest 20 ms in the
 * last few seconds before the limit, so a word is rarely split (Sarvam REST takes 30 s at most).
 */
export function splitAtQuietPoints(audio: Pcm16Audio, maxSeconds: number): Pcm16Audio[] {
  const max = Math.floor(maxSeconds * audio.sampleRate)
  if (audio.samples.length <= max) return [audio]
  const frame = Math.round(audio.sampleRate / 50)
  const searchBack = Math.min(Math.floor(max / 2), 5 * audio.sampleRate)
  const pieces: Pcm16Audio[] = []
  let start = 0
  while (audio.samples.length - start > max) {
    let cut = start + max
    let quietest = Infinity
    for (let at = start + max - frame; at >= start + max - searchBack; at -= frame) {
      const db = levelDb(audio.samples.subarray(at, at + frame))
      if (db < quietest) {
        quietest = db
        cut = at + Math.floor(frame / 2)
      }
    }
    pieces.push({ ...audio, samples: audio.samples.slice(start, cut) })
    start = cut
  }
  pieces.push({ ...audio, samples: audio.samples.slice(start) })
  return pieces
}
