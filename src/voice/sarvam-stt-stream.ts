import type { SarvamAI, SarvamAIClient } from 'sarvamai'
import type { Logger } from '../logger.js'
import { resolveLanguage } from './languages.js'
import { SPEECH_SAMPLE_RATE } from './resample.js'
import { sarvamErrorFrom, sarvamStreamError } from './sarvam-errors.js'
import { afterPendingErrors, unexpectedClose, waitForSocketOpen, type SttSocket } from './sarvam-socket.js'
import { logSpeechFailure, type SpeechProviderError } from './speech-errors.js'
import { PcmChunker } from './speech-input.js'
import type { SttStream, SttStreamOptions } from './speech-provider.js'
import { pcmToBytes } from './wav.js'

export interface SarvamSttStreamSettings {
  client: SarvamAIClient
  logger: Logger
  model: string
  /** Sarvam's code, or `unknown` to detect. */
  languageCode: string
  timeoutMs: number
}

/**
 * One Sarvam streaming STT socket per session (a socket per chunk hits rate limits and never
 * finalises). Sarvam's VAD reports speech start and end; at the end we flush so the final
 * transcript comes at once instead of after the server's own timeout.
 */
export class SarvamSttStream implements SttStream {
  private readonly chunker = new PcmChunker()
  private state: 'open' | 'failed' | 'closing' | 'closed' = 'open'
  private deliver = true
  // Speech was heard and its transcript has not arrived yet.
  private awaitingFinal = false
  private finalWaiters: (() => void)[] = []
  private closing: Promise<void> | undefined

  private constructor(
    private readonly socket: SttSocket,
    private readonly opts: SttStreamOptions,
    private readonly settings: SarvamSttStreamSettings,
  ) {}

  /** Connects and resolves once the socket is open; a failure is logged and thrown as a SpeechProviderError. */
  static async open(settings: SarvamSttStreamSettings, opts: SttStreamOptions): Promise<SarvamSttStream> {
    if (opts.sampleRate !== undefined && opts.sampleRate !== SPEECH_SAMPLE_RATE) {
      throw new TypeError(`streams take ${SPEECH_SAMPLE_RATE} Hz PCM, not ${String(opts.sampleRate)}`)
    }
    let socket: SttSocket | undefined
    try {
      socket = await settings.client.speechToTextStreaming.connect({
        'language-code': settings.languageCode as SarvamAI.SpeechToTextStreamingLanguageCode,
        model: settings.model as SarvamAI.SpeechToTextStreamingModel,
        mode: 'transcribe',
        sample_rate: String(SPEECH_SAMPLE_RATE),
        input_audio_codec: 'pcm_s16le',
        vad_signals: 'true',
        high_vad_sensitivity: 'true',
        flush_signal: 'true',
        reconnectAttempts: 0,
      })
      await waitForSocketOpen(socket, settings.timeoutMs, 'stt')
    } catch (err) {
      socket?.close()
      const e = sarvamErrorFrom(err, 'stt')
      logSpeechFailure(settings.logger, 'stt_stream', e)
      throw e
    }
    const stream = new SarvamSttStream(socket, opts, settings)
    stream.listen()
    return stream
  }

  sendPcm(chunk: Uint8Array | Int16Array): void {
    if (this.state !== 'open') return
    const samples = this.chunker.samples(chunk)
    if (samples.length === 0) return
    try {
      this.socket.transcribe({
        audio: pcmToBytes(samples).toString('base64'),
        sample_rate: SPEECH_SAMPLE_RATE,
        encoding: 'audio/wav',
      })
    } catch (err) {
      this.fail(sarvamErrorFrom(err, 'stt'))
    }
  }

  flush(): void {
    if (this.state !== 'open') return
    try {
      this.socket.flush()
    } catch (err) {
      this.fail(sarvamErrorFrom(err, 'stt'))
    }
  }

  close(opts: { discard?: boolean } = {}): Promise<void> {
    this.closing ??= this.shutDown(opts.discard === true)
    return this.closing
  }

  private async shutDown(discard: boolean): Promise<void> {
    if (discard) this.deliver = false
    if (!discard && this.state === 'open' && this.awaitingFinal) {
      this.flush()
      await this.finalTranscript()
    }
    this.state = 'closing'
    this.deliver = false
    this.socket.close()
    this.state = 'closed'
    this.wakeWaiters()
  }

  private listen(): void {
    this.socket.on('message', (msg) => this.onMessage(msg))
    this.socket.on('error', (e) => this.fail(sarvamErrorFrom(e, 'stt')))
    this.socket.on('close', (e) =>
      afterPendingErrors(() => {
        if (this.state === 'open') this.fail(unexpectedClose(e.code))
      }),
    )
  }

  private onMessage(msg: SarvamAI.SpeechToTextStreamingResponse): void {
    if (this.state !== 'open') return
    if (msg.type === 'error') return this.fail(sarvamStreamError(msg.data, 'stt'))
    if (msg.type === 'events') {
      const signal = (msg.data as SarvamAI.EventsData).signal_type
      if (signal === 'START_SPEECH') {
        this.awaitingFinal = true
        if (this.deliver) this.opts.onSpeechStart?.()
      } else if (signal === 'END_SPEECH') {
        if (this.deliver) this.opts.onSpeechEnd?.()
        this.flush()
      }
      return
    }
    if (msg.type === 'data') {
      const data = msg.data as SarvamAI.SpeechToTextTranscriptionData
      this.awaitingFinal = false
      this.wakeWaiters()
      const text = (data.transcript ?? '').trim()
      const language = data.language_code ? (resolveLanguage(data.language_code)?.code ?? data.language_code) : null
      if (!this.deliver) return
      if (text) this.opts.onTranscript({ text, language, provider: 'sarvam' })
      else this.opts.onNothingHeard?.()
    }
  }

  private fail(err: SpeechProviderError): void {
    // Closing a socket can itself raise an error event: that is not a failure of the stream.
    if (this.state !== 'open') return
    const notify = this.deliver
    this.state = 'failed'
    logSpeechFailure(this.settings.logger, 'stt_stream', err)
    this.wakeWaiters()
    this.socket.close()
    if (notify) this.opts.onError(err)
    this.deliver = false
  }

  // Resolves when the pending transcript arrives, the stream fails, or the wait times out.
  private finalTranscript(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.settings.timeoutMs)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.finalWaiters.push(done)
    })
  }

  private wakeWaiters(): void {
    const waiters = this.finalWaiters
    this.finalWaiters = []
    for (const w of waiters) w()
  }
}
