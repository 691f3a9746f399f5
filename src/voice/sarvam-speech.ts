import { setTimeout as sleep } from 'node:timers/promises'
import { SarvamAIClient, SarvamAIEnvironment, type SarvamAI, type SarvamAIEnvironmentUrls } from 'sarvamai'
import type { Logger } from '../logger.js'
import {
  isAutoDetect,
  resolveLanguage,
  SARVAM_STT_LANGUAGES,
  SARVAM_TTS_LANGUAGES,
  SARVAM_V2_SPEAKERS,
  SARVAM_V3_SPEAKERS,
  type SpeechLanguage,
} from './languages.js'
import { SPEECH_SAMPLE_RATE, toMono16k } from './resample.js'
import { sarvamErrorFrom, type SarvamOp } from './sarvam-errors.js'
import { SarvamSttStream } from './sarvam-stt-stream.js'
import { sarvamTtsStream } from './sarvam-tts-stream.js'
import { chunkText } from './sentences.js'
import { logSpeechFailure, SpeechProviderError } from './speech-errors.js'
import { elapsedMs, speechPcm } from './speech-input.js'
import type {
  SpeechAvailability,
  SpeechInput,
  SpeechProvider,
  SttStream,
  SttStreamOptions,
  Synthesis,
  SynthesizeOptions,
  TranscribeOptions,
  Transcription,
} from './speech-provider.js'
import { splitAtQuietPoints } from './vad.js'
import { concatPcm, encodeWav, parseWav, WavFormatError, type Pcm16Audio } from './wav.js'

export interface SarvamSpeechOptions {
  apiKey: string
  /** Where Sarvam is (a proxy, or a local fake in tests); REST and WebSocket both use it. */
  baseUrl?: string
  /** Per request, and for a socket to open or a streamed sentence to arrive. */
  timeoutMs: number
  sttModel: string
  ttsModel: string
  /** The voice used when the patient has not chosen a valid one. */
  defaultSpeaker: string
  /** Extra attempts after a rate limit, 5xx or network failure: 0 or 1. Never after quota or auth. */
  maxRetries?: 0 | 1
}

/** Sarvam's limits: seconds of audio per REST transcription, characters per TTS request. */
export const SARVAM_MAX_REST_SECONDS = 30
export const SARVAM_MAX_TTS_CHARS = 2500

/** Sarvam speech through the official `sarvamai` SDK: REST for whole clips, WebSockets for streams. */
export class SarvamSpeechProvider implements SpeechProvider {
  readonly name = 'sarvam' as const
  private readonly client: SarvamAIClient
  private readonly speakers: ReadonlySet<string>
  private readonly defaultSpeaker: string
  private readonly maxRetries: number

  constructor(
    private readonly opts: SarvamSpeechOptions,
    private readonly logger: Logger,
  ) {
    this.client = new SarvamAIClient({
      apiSubscriptionKey: opts.apiKey,
      environment: opts.baseUrl ? sarvamEnvironment(opts.baseUrl) : SarvamAIEnvironment.Production,
      timeoutInSeconds: opts.timeoutMs / 1000,
      // Retries are ours: the SDK would also retry a 429 that means the credits are gone.
      maxRetries: 0,
    })
    this.maxRetries = Math.min(opts.maxRetries ?? 1, 1)
    this.speakers = opts.ttsModel.startsWith('bulbul:v2') ? SARVAM_V2_SPEAKERS : SARVAM_V3_SPEAKERS
    const fallback = this.speakers === SARVAM_V3_SPEAKERS ? 'shubh' : 'anushka'
    const configured = opts.defaultSpeaker.trim().toLowerCase()
    this.defaultSpeaker = this.speakers.has(configured) ? configured : fallback
    if (this.defaultSpeaker !== configured) {
      const fields = { speaker: opts.defaultSpeaker, model: opts.ttsModel, using: fallback }
      logger.warn(fields, 'SARVAM_TTS_SPEAKER is not a voice of this model')
    }
  }

  availability(): SpeechAvailability {
    return {
      provider: 'sarvam',
      stt: { available: true, languages: SARVAM_STT_LANGUAGES },
      tts: { available: true, languages: SARVAM_TTS_LANGUAGES },
    }
  }

  /** The voice to use: the patient's choice when this model has it, else the configured default. */
  speakerFor(preferred: string | undefined): string {
    const p = preferred?.trim().toLowerCase()
    return p && this.speakers.has(p) ? p : this.defaultSpeaker
  }

  async transcribe(input: SpeechInput, opts: TranscribeOptions = {}): Promise<Transcription> {
    const started = performance.now()
    try {
      const requested = this.sttLanguage(opts.language)
      const audio = speechPcm(input, 'sarvam')
      let languageCode = requested?.code ?? 'unknown'
      let detected: string | null = null
      const texts: string[] = []
      // Sarvam REST takes 30 s at most; longer clips go in pieces, cut where it is quiet.
      for (const piece of splitAtQuietPoints(audio, SARVAM_MAX_REST_SECONDS)) {
        const res = await this.withRetry('stt', opts.signal, () => this.transcribeClip(piece, languageCode, opts.signal))
        texts.push(res.transcript.trim())
        if (!detected && res.language_code) {
          detected = resolveLanguage(res.language_code)?.code ?? res.language_code
          // Later pieces are the same speaker: no need to detect again.
          if (languageCode === 'unknown' && resolveLanguage(detected)) languageCode = detected
        }
      }
      return {
        text: texts.filter(Boolean).join(' '),
        language: detected ?? requested?.code ?? null,
        provider: 'sarvam',
        ms: elapsedMs(started),
      }
    } catch (err) {
      throw this.failure('transcribe', 'stt', err, opts.signal)
    }
  }

  async synthesize(text: string, opts: SynthesizeOptions): Promise<Synthesis> {
    const started = performance.now()
    try {
      const language = this.ttsLanguage(opts.language)
      const speaker = this.speakerFor(opts.speaker)
      const clips: Pcm16Audio[] = []
      for (const piece of chunkText(text, SARVAM_MAX_TTS_CHARS)) {
        const res = await this.withRetry('tts', opts.signal, () =>
          this.client.textToSpeech.convert(
            {
              text: piece,
              language_code: language.code as SarvamAI.TextToSpeechLanguage,
              model: this.opts.ttsModel as SarvamAI.TextToSpeechModel,
              speaker: speaker as SarvamAI.TextToSpeechSpeaker,
              speech_sample_rate: SPEECH_SAMPLE_RATE,
              output_audio_codec: 'wav',
            },
            { abortSignal: opts.signal, maxRetries: 0 },
          ),
        )
        clips.push(decodeSarvamAudio(res))
      }
      const audio = encodeWav(concatPcm(clips, SPEECH_SAMPLE_RATE))
      return { audio, mimeType: 'audio/wav', sampleRate: SPEECH_SAMPLE_RATE, provider: 'sarvam', ms: elapsedMs(started) }
    } catch (err) {
      throw this.failure('synthesize', 'tts', err, opts.signal)
    }
  }

  async openStream(opts: SttStreamOptions): Promise<SttStream> {
    let languageCode: string
    try {
      languageCode = this.sttLanguage(opts.language)?.code ?? 'unknown'
    } catch (err) {
      throw this.failure('stt_stream', 'stt', err)
    }
    const { client, logger } = this
    const { sttModel: model, timeoutMs } = this.opts
    return SarvamSttStream.open({ client, logger, model, languageCode, timeoutMs }, opts)
  }

  /**
   * Streams over Sarvam's TTS WebSocket (linear16, 16 kHz, the speaker set explicitly): one
   * socket for the whole reply, so there is no per-sentence connection or request overhead.
   */
  async *synthesizeStream(sentences: AsyncIterable<string>, opts: SynthesizeOptions): AsyncGenerator<Buffer> {
    let language: SpeechLanguage
    try {
      language = this.ttsLanguage(opts.language)
    } catch (err) {
      throw this.failure('tts_stream', 'tts', err)
    }
    yield* sarvamTtsStream(
      {
        client: this.client,
        logger: this.logger,
        model: this.opts.ttsModel,
        languageCode: language.code,
        speaker: this.speakerFor(opts.speaker),
        timeoutMs: this.opts.timeoutMs,
        maxChars: SARVAM_MAX_TTS_CHARS,
      },
      sentences,
      opts.signal,
    )
  }

  private transcribeClip(audio: Pcm16Audio, languageCode: string, signal?: AbortSignal) {
    return this.client.speechToText.transcribe(
      {
        file: { data: encodeWav(audio), filename: 'speech.wav', contentType: 'audio/wav' },
        model: this.opts.sttModel as SarvamAI.SpeechToTextModel,
        mode: 'transcribe',
        language_code: languageCode as SarvamAI.SpeechToTextLanguage,
      },
      { abortSignal: signal, maxRetries: 0 },
    )
  }

  private sttLanguage(language: string | undefined): SpeechLanguage | undefined {
    if (isAutoDetect(language)) return undefined
    const found = resolveLanguage(language!)
    if (!found) throw unsupported(language!, SARVAM_STT_LANGUAGES, 'Sarvam speech recognition')
    return found
  }

  private ttsLanguage(language: string): SpeechLanguage {
    const found = isAutoDetect(language) ? undefined : resolveLanguage(language)
    if (!found?.sarvamTts) throw unsupported(language, SARVAM_TTS_LANGUAGES, 'Sarvam speech synthesis')
    return found
  }

  private async withRetry<T>(op: SarvamOp, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call()
      } catch (err) {
        if (signal?.aborted) throw signal.reason
        const e = sarvamErrorFrom(err, op)
        if (attempt >= this.maxRetries || !e.retryable) throw e
        this.logger.debug({ provider: 'sarvam', op, kind: e.kind, status: e.status }, 'speech call failed, retrying once')
        // Honour a short Retry-After; a long one means the answer would come too late for a voice turn.
        const waitMs = Math.min((e.providerRetryAfterSeconds ?? 0.25) * 1000, 2000)
        await sleep(waitMs, undefined, { signal })
      }
    }
  }

  // The error to throw for a failed call: logged once; an abort by the caller is passed on unlogged.
  private failure(op: string, kind: SarvamOp, err: unknown, signal?: AbortSignal): unknown {
    if (signal?.aborted) return signal.reason
    const e = sarvamErrorFrom(err, kind)
    logSpeechFailure(this.logger, op, e)
    return e
  }
}

/** Sarvam's environment for a base URL: REST there, WebSockets on the same host over ws(s). */
export function sarvamEnvironment(baseUrl: string): SarvamAIEnvironmentUrls {
  const base = baseUrl.replace(/\/+$/, '')
  return { base, production: base.replace(/^http(s?):/i, 'ws$1:'), creative: `${base}/dubbing` }
}

function decodeSarvamAudio(res: SarvamAI.TextToSpeechResponse): Pcm16Audio {
  const b64 = res.audios?.[0]
  if (typeof b64 !== 'string' || b64.length === 0) {
    throw new SpeechProviderError('upstream', 'The speech service returned no audio', {
      provider: 'sarvam',
      requestId: res.request_id,
      detail: 'TTS response without audios[0]',
    })
  }
  try {
    return toMono16k(parseWav(Buffer.from(b64, 'base64')))
  } catch (err) {
    if (!(err instanceof WavFormatError)) throw err
    throw new SpeechProviderError('upstream', 'The speech service returned unreadable audio', {
      provider: 'sarvam',
      requestId: res.request_id,
      detail: `TTS audio: ${err.message}`,
    })
  }
}

function unsupported(language: string, supported: readonly string[], what: string): SpeechProviderError {
  return new SpeechProviderError('unsupported_language', `${what} does not support the language "${language}"`, {
    provider: 'sarvam',
    supportedLanguages: supported,
  })
}
