import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Logger } from '../logger.js'
import { findBinary, hasPocketsphinx, runTool, ToolError, withTempDir } from './binaries.js'
import { isAutoDetect, OFFLINE_STT_LANGUAGES, OFFLINE_TTS_LANGUAGES, resolveLanguage } from './languages.js'
import { SPEECH_SAMPLE_RATE, toMono16k } from './resample.js'
import { logSpeechFailure, SpeechProviderError, type SpeechErrorKind } from './speech-errors.js'
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
import type { GrammarVocabulary } from './offline/health-grammar.js'
import { OfflineRecognizer } from './offline/offline-recognizer.js'
import { SearchFileCache } from './offline/search-files.js'
import { tidyTranscript } from './offline/transcript.js'
import { VadSttStream } from './vad-stt-stream.js'
import { hasSpeech } from './vad.js'
import { durationSeconds, encodeWav, parseWav, type Pcm16Audio } from './wav.js'

export interface OfflineSpeechOptions {
  /** espeak-ng speaking rate, words per minute. */
  wordsPerMinute?: number
  /**
   * espeak-ng voice for English. The Klatt variant of `en-us` was recognised far better than the
   * default voice in bench/voice-wer.ts, a fair stand-in for how intelligible it is.
   */
  englishVoice?: string
  /** Longest utterance a stream collects before transcribing it anyway. */
  maxUtteranceSeconds?: number
  /** Time limit for a tool run, on top of twice the audio's length for recognition. */
  toolTimeoutMs?: number
  /** espeak-ng's path; null when it is not to be used. Found on PATH by default. */
  espeakPath?: string | null
  /** pocketsphinx_continuous's path; null when it is not to be used. Found on PATH (with its model) by default. */
  pocketsphinxPath?: string | null
  /** pocketsphinx_batch's path (the same Debian package); found beside pocketsphinx_continuous by default. */
  pocketsphinxBatchPath?: string | null
  /** Where compiled grammars are kept (one per medicine list). Default: a folder in the OS temp dir. */
  grammarDir?: string
  /**
   * Confidence (0-1) at and above which an offline transcript is acted on; below it the patient
   * is asked to say it again and nothing is written.
   */
  confidenceThreshold?: number
}

/** Below this, a transcript is not acted on (see OfflineRecognizer for how confidence is measured). */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.5

export const STT_UNAVAILABLE_MESSAGE =
  'Speech recognition is not available: install pocketsphinx and pocketsphinx-en-us, or set SARVAM_API_KEY'
export const TTS_UNAVAILABLE_MESSAGE = 'Speech synthesis is not available: install espeak-ng, or set SARVAM_API_KEY'

/**
 * Speech without a network: espeak-ng speaks (robotic but intelligible, 16 languages) and
 * PocketSphinx listens (US English only, a 2015-era model) with a grammar of what patients say
 * to Podd, red-flag keyphrase spotting beside it, and a confidence on every transcript.
 */
export class OfflineSpeechProvider implements SpeechProvider {
  readonly name = 'offline' as const
  private readonly wordsPerMinute: number
  private readonly englishVoice: string
  private readonly toolTimeoutMs: number
  private espeakFound: string | undefined
  private pocketsphinxFound: string | undefined
  private recognizer: OfflineRecognizer | undefined

  constructor(
    private readonly logger: Logger,
    private readonly opts: OfflineSpeechOptions = {},
  ) {
    this.wordsPerMinute = opts.wordsPerMinute ?? 150
    this.englishVoice = opts.englishVoice ?? 'en-us+klatt'
    this.toolTimeoutMs = opts.toolTimeoutMs ?? 30_000
    this.findTools()
  }

  // A tool missing at start is looked for again on use (findBinary remembers a miss for a
  // minute, so this costs nothing per request): installing it takes effect without a restart.
  private get espeak(): string | undefined {
    if (this.espeakFound === undefined) this.findTools()
    return this.espeakFound
  }

  private get pocketsphinx(): string | undefined {
    if (this.recognizer === undefined) this.findTools()
    return this.pocketsphinxFound
  }

  private findTools(): void {
    const opts = this.opts
    this.espeakFound = opts.espeakPath === undefined ? findBinary('espeak-ng') : (opts.espeakPath ?? undefined)
    if (this.recognizer) return
    const continuous =
      opts.pocketsphinxPath === undefined
        ? hasPocketsphinx()
          ? findBinary('pocketsphinx_continuous')
          : undefined
        : (opts.pocketsphinxPath ?? undefined)
    const batch =
      opts.pocketsphinxBatchPath === undefined ? findBinary('pocketsphinx_batch') : (opts.pocketsphinxBatchPath ?? undefined)
    if (!continuous || !batch) return
    const dir = opts.grammarDir ?? path.join(os.tmpdir(), 'podd-speech-grammars')
    this.recognizer = new OfflineRecognizer({
      batch,
      continuous,
      files: new SearchFileCache(dir, this.espeakFound, this.logger),
      threshold: opts.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD,
      timeoutMs: this.toolTimeoutMs,
    })
    this.pocketsphinxFound = continuous
  }

  availability(): SpeechAvailability {
    const status = (available: boolean, languages: readonly string[], message: string) =>
      available ? { available, languages } : { available, languages: [], message }
    return {
      provider: 'offline',
      stt: status(this.pocketsphinx !== undefined, OFFLINE_STT_LANGUAGES, STT_UNAVAILABLE_MESSAGE),
      tts: status(this.espeak !== undefined, OFFLINE_TTS_LANGUAGES, TTS_UNAVAILABLE_MESSAGE),
    }
  }

  async transcribe(input: SpeechInput, opts: TranscribeOptions = {}): Promise<Transcription> {
    const started = performance.now()
    try {
      this.checkSttLanguage(opts.language)
      const heard = await this.recognize(speechPcm(input, 'offline'), opts.vocabulary, opts.signal)
      // PocketSphinx detects nothing: it only ever hears English.
      const language = isAutoDetect(opts.language) ? null : 'en-IN'
      return { ...heard, language, provider: 'offline', ms: elapsedMs(started) }
    } catch (err) {
      throw this.failure('transcribe', err, opts.signal)
    }
  }

  async synthesize(text: string, opts: SynthesizeOptions): Promise<Synthesis> {
    const started = performance.now()
    try {
      const voice = this.voiceFor(opts.language)
      const audio = /[\p{L}\p{N}]/u.test(text)
        ? await this.speak(text, voice, opts.signal)
        : { sampleRate: SPEECH_SAMPLE_RATE, channels: 1, samples: new Int16Array(0) }
      return {
        audio: encodeWav(audio),
        mimeType: 'audio/wav',
        sampleRate: SPEECH_SAMPLE_RATE,
        provider: 'offline',
        ms: elapsedMs(started),
      }
    } catch (err) {
      throw this.failure('synthesize', err, opts.signal)
    }
  }

  async openStream(opts: SttStreamOptions): Promise<SttStream> {
    try {
      this.checkSttLanguage(opts.language)
    } catch (err) {
      throw this.failure('stt_stream', err)
    }
    const language = isAutoDetect(opts.language) ? null : 'en-IN'
    return new VadSttStream(opts, {
      logger: this.logger,
      maxUtteranceSeconds: this.opts.maxUtteranceSeconds ?? 30,
      recognize: async (audio) => {
        try {
          const vocabulary = await opts.vocabulary?.()
          return { ...(await this.recognize(audio, vocabulary)), language, provider: 'offline' }
        } catch (err) {
          throw this.failure('stt_stream', err)
        }
      },
    })
  }

  /** One espeak-ng run per sentence, each yielded as soon as it is spoken. */
  async *synthesizeStream(sentences: AsyncIterable<string>, opts: SynthesizeOptions): AsyncGenerator<Buffer> {
    try {
      this.voiceFor(opts.language)
    } catch (err) {
      throw this.failure('tts_stream', err)
    }
    for await (const sentence of sentences) {
      if (!/[\p{L}\p{N}]/u.test(sentence)) continue
      yield (await this.synthesize(sentence, opts)).audio
    }
  }

  private checkSttLanguage(language: string | undefined): void {
    if (!this.pocketsphinx) throw offlineError('unavailable', STT_UNAVAILABLE_MESSAGE)
    if (isAutoDetect(language)) return
    const lang = resolveLanguage(language!)
    if (lang?.code !== 'en-IN') {
      const name = lang?.name ?? `"${language}"`
      throw offlineError(
        'unsupported_language',
        `Offline speech recognition understands English only, not ${name}; set SARVAM_API_KEY for Indian languages`,
        OFFLINE_STT_LANGUAGES,
      )
    }
  }

  private voiceFor(language: string): string {
    if (!this.espeak) throw offlineError('unavailable', TTS_UNAVAILABLE_MESSAGE)
    const lang = isAutoDetect(language) ? undefined : resolveLanguage(language)
    if (!lang?.espeakVoice) {
      throw offlineError(
        'unsupported_language',
        `Offline speech synthesis cannot speak ${lang?.name ?? `"${language}"`}`,
        OFFLINE_TTS_LANGUAGES,
      )
    }
    return lang.code === 'en-IN' ? this.englishVoice : lang.espeakVoice
  }

  /** What was heard, with its confidence; an empty text when nothing was, or when it was not understood. */
  private async recognize(
    audio: Pcm16Audio,
    vocabulary: GrammarVocabulary = { medicines: [] },
    signal?: AbortSignal,
  ): Promise<{ text: string; confidence: number; rejected?: boolean }> {
    const heard = await this.recognizer!.recognize(audio, vocabulary, signal)
    if (heard.accepted) return { text: tidyTranscript(heard.text), confidence: heard.confidence }
    // Words too unsure to act on are a rejection, and so is speech no search made words of (a
    // grammar search that reaches no end of a sentence gives no words at all, and the general
    // model may find none in noise): the patient is asked to say it again. Only silence or a
    // click is nothing heard.
    if (heard.bestGuess || hasSpeech(audio)) return { text: '', confidence: heard.confidence, rejected: true }
    return { text: '', confidence: 0 }
  }

  private async speak(text: string, voice: string, signal?: AbortSignal): Promise<Pcm16Audio> {
    return withTempDir(async (dir) => {
      const file = path.join(dir, 'speech.wav')
      // Text goes through stdin, so a leading "-" is never read as an option. -b 1: UTF-8 input.
      const args = ['-v', voice, '-s', String(this.wordsPerMinute), '-b', '1', '-w', file, '--stdin']
      await runTool(this.espeak!, args, { input: text, timeoutMs: this.toolTimeoutMs, signal })
      return toMono16k(parseWav(await fs.readFile(file)))
    })
  }

  // The error to throw for a failed call: logged once; an abort by the caller is passed on unlogged.
  private failure(op: string, err: unknown, signal?: AbortSignal): unknown {
    if (signal?.aborted) return signal.reason
    let e: SpeechProviderError
    if (err instanceof SpeechProviderError) e = err
    else if (err instanceof ToolError) {
      e = err.timedOut
        ? offlineError('timeout', 'Offline speech took too long', undefined, err.message)
        : offlineError('upstream', 'Offline speech failed', undefined, err.message)
    } else {
      e = offlineError('upstream', 'Offline speech failed', undefined, err instanceof Error ? err.message : String(err))
    }
    logSpeechFailure(this.logger, op, e)
    return e
  }
}

function offlineError(
  kind: SpeechErrorKind,
  message: string,
  supportedLanguages?: readonly string[],
  detail?: string,
): SpeechProviderError {
  return new SpeechProviderError(kind, message, { provider: 'offline', supportedLanguages, detail })
}
