import type { Logger } from '../logger.js'
import { SPEECH_SAMPLE_RATE } from './resample.js'
import { logSpeechFailure, SpeechProviderError } from './speech-errors.js'
import { PcmChunker } from './speech-input.js'
import type { StreamTranscript, SttStream, SttStreamOptions } from './speech-provider.js'
import { EnergyVad } from './vad.js'
import type { Pcm16Audio } from './wav.js'

export interface VadSttStreamSettings {
  /** Recognises one utterance of 16 kHz mono audio. */
  recognize: (audio: Pcm16Audio) => Promise<StreamTranscript>
  logger: Logger
  /** An utterance is cut after this long even if the speaker has not paused. */
  maxUtteranceSeconds: number
  /** Quiet that ends an utterance. */
  endSilenceMs?: number
}

// Audio kept from before the detector fires, so the first consonant is not clipped.
const PREROLL_MS = 300
// Quiet kept after the end: recognisers decode the last word better with some silence after it.
const TAIL_MS = 300

/**
 * Streaming recognition for an engine that only transcribes whole clips: an energy VAD finds
 * each utterance in the incoming PCM, and each is transcribed when it ends (or on flush).
 * Transcripts are delivered in order, one utterance at a time.
 */
export class VadSttStream implements SttStream {
  private readonly vad: EnergyVad
  private readonly chunker = new PcmChunker()
  private readonly preroll = Math.round((SPEECH_SAMPLE_RATE * PREROLL_MS) / 1000)
  private readonly tail = Math.round((SPEECH_SAMPLE_RATE * TAIL_MS) / 1000)
  // Samples kept since `bufferStart` (an absolute sample index): the current utterance, or the pre-roll.
  private chunks: Int16Array[] = []
  private bufferStart = 0
  private received = 0
  private utteranceStart: number | undefined
  private work: Promise<void> = Promise.resolve()
  private state: 'open' | 'failed' | 'closed' = 'open'
  private deliver = true
  private closing: Promise<void> | undefined

  constructor(
    private readonly opts: SttStreamOptions,
    private readonly settings: VadSttStreamSettings,
  ) {
    if (opts.sampleRate !== undefined && opts.sampleRate !== SPEECH_SAMPLE_RATE) {
      throw new TypeError(`streams take ${SPEECH_SAMPLE_RATE} Hz PCM, not ${String(opts.sampleRate)}`)
    }
    this.vad = new EnergyVad({
      sampleRate: SPEECH_SAMPLE_RATE,
      endSilenceMs: settings.endSilenceMs,
      maxUtteranceMs: settings.maxUtteranceSeconds * 1000,
    })
  }

  sendPcm(chunk: Uint8Array | Int16Array): void {
    if (this.state !== 'open') return
    const samples = this.chunker.samples(chunk)
    if (samples.length === 0) return
    this.chunks.push(samples)
    this.received += samples.length
    for (const event of this.vad.push(samples)) {
      if (event.type === 'start') {
        this.utteranceStart = Math.max(this.bufferStart, event.at - this.preroll)
        if (this.deliver) this.opts.onSpeechStart?.()
      } else {
        this.finishUtterance(Math.min(this.received, event.at + this.tail))
      }
    }
    if (this.utteranceStart === undefined) this.trimTo(this.received - this.preroll)
  }

  flush(): void {
    if (this.state !== 'open') return
    if (this.vad.forceEnd()) this.finishUtterance(this.received)
  }

  close(opts: { discard?: boolean } = {}): Promise<void> {
    this.closing ??= this.shutDown(opts.discard === true)
    return this.closing
  }

  private async shutDown(discard: boolean): Promise<void> {
    if (discard) this.deliver = false
    else this.flush()
    if (this.state === 'open') this.state = 'closed'
    await this.work
    this.state = 'closed'
    this.deliver = false
  }

  private finishUtterance(end: number): void {
    const start = this.utteranceStart ?? end
    this.utteranceStart = undefined
    const audio: Pcm16Audio = { sampleRate: SPEECH_SAMPLE_RATE, channels: 1, samples: this.slice(start, end) }
    this.trimTo(end)
    if (this.deliver) this.opts.onSpeechEnd?.()
    this.work = this.work.then(() => this.transcribe(audio))
  }

  private async transcribe(audio: Pcm16Audio): Promise<void> {
    if (!this.deliver || this.state === 'failed') return
    try {
      const t = await this.settings.recognize(audio)
      if (!this.deliver) return
      if (t.rejected && this.opts.onNotUnderstood) this.opts.onNotUnderstood(t)
      else if (t.text && !t.rejected) this.opts.onTranscript(t)
      else this.opts.onNothingHeard?.()
    } catch (err) {
      const e =
        err instanceof SpeechProviderError
          ? err
          : new SpeechProviderError('upstream', 'Speech recognition failed', { provider: 'offline', cause: err })
      logSpeechFailure(this.settings.logger, 'stt_stream', e)
      this.state = 'failed'
      if (this.deliver) this.opts.onError(e)
      this.deliver = false
    }
  }

  // Samples [start, end) in absolute indices, from what is buffered.
  private slice(start: number, end: number): Int16Array {
    const out = new Int16Array(Math.max(0, end - start))
    let at = this.bufferStart
    for (const c of this.chunks) {
      const from = Math.max(start, at)
      const to = Math.min(end, at + c.length)
      if (from < to) out.set(c.subarray(from - at, to - at), from - start)
      at += c.length
    }
    return out
  }

  // Forgets buffered samples before `index`.
  private trimTo(index: number): void {
    while (this.chunks.length && this.bufferStart + this.chunks[0]!.length <= index) {
      this.bufferStart += this.chunks.shift()!.length
    }
    const first = this.chunks[0]
    if (first && index > this.bufferStart) {
      this.chunks[0] = first.subarray(index - this.bufferStart)
      this.bufferStart = index
    }
  }
}
