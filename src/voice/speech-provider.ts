import type { GrammarVocabulary } from './offline/health-grammar.js'
import type { SpeechProviderError, SpeechProviderName } from './speech-errors.js'
import type { Pcm16Audio } from './wav.js'

export type { SpeechProviderName } from './speech-errors.js'

/** Audio to transcribe: PCM (any rate or channel count) or a 16-bit PCM WAV file. */
export type SpeechInput = Pcm16Audio | { wav: Buffer }

export interface TranscribeOptions {
  /** BCP-47 code such as `hi-IN`; undefined or `unknown` asks the provider to detect it. */
  language?: string
  /** The patient's own words (their medicine names), for a recogniser that listens with a grammar. */
  vocabulary?: GrammarVocabulary
  signal?: AbortSignal
}

/** How sure a recogniser is of what it heard, for those that can say (the offline one). */
export interface Confidence {
  /** 0-1, from the decoder's scores. Absent when the provider gives none (Sarvam). */
  confidence?: number
  /**
   * Speech was heard but not understood well enough to act on: `text` is empty, nothing may be
   * written, and the patient is asked to say it again.
   */
  rejected?: boolean
}

export interface Transcription extends Confidence {
  /** What was heard; empty when nothing was. */
  text: string
  /** The language spoken (Sarvam's code, e.g. `hi-IN`), or null when the provider did not say. */
  language: string | null
  provider: SpeechProviderName
  ms: number
}

export interface SynthesizeOptions {
  /** BCP-47 code of the text's language, e.g. `ta-IN`. */
  language: string
  /** A voice name, e.g. the patient's `preferred_voice`; ignored when the provider has no such voice. */
  speaker?: string
  signal?: AbortSignal
}

export interface Synthesis {
  /** A complete 16-bit PCM WAV file. */
  audio: Buffer
  mimeType: 'audio/wav'
  sampleRate: number
  provider: SpeechProviderName
  ms: number
}

export interface StreamTranscript extends Confidence {
  text: string
  language: string | null
  provider: SpeechProviderName
}

export interface SttStreamOptions {
  language?: string
  /** The patient's own words, read again for every utterance (a medicine added mid-call counts). */
  vocabulary?: () => Promise<GrammarVocabulary>
  /** Only 16 kHz is accepted: resample before streaming. */
  sampleRate?: 16_000
  /** The final transcript of one utterance (never empty: silence and noise produce none). */
  onTranscript: (t: StreamTranscript) => void
  onSpeechStart?: () => void
  onSpeechEnd?: () => void
  /** An utterance ended and nothing recognisable was in it (noise, a cough): no transcript follows. */
  onNothingHeard?: () => void
  /**
   * Speech was heard but not understood well enough to act on (a rejected transcript): the
   * patient should be asked to say it again. Without this callback it counts as nothing heard.
   */
  onNotUnderstood?: (t: StreamTranscript) => void
  /** The stream failed and is closed; nothing more will be delivered. Called at most once. */
  onError: (err: SpeechProviderError) => void
}

/** A live speech-to-text session over 16 kHz mono s16le PCM. */
export interface SttStream {
  /** Adds audio. Ignored once the stream has failed or closed. */
  sendPcm(chunk: Uint8Array | Int16Array): void
  /** Finalises what has been said so far (the speaker pressed stop); its transcript follows. */
  flush(): void
  /**
   * Ends the session. By default first waits (boundedly) for the transcript of speech already
   * heard; with `discard` drops it. No callback runs after the promise resolves.
   */
  close(opts?: { discard?: boolean }): Promise<void>
}

export interface CapabilityStatus {
  available: boolean
  languages: readonly string[]
  /** Why it is unavailable and what to install or configure; absent when available. */
  message?: string
}

export interface SpeechAvailability {
  provider: SpeechProviderName
  stt: CapabilityStatus
  tts: CapabilityStatus
}

/** Speech-to-text and text-to-speech behind one interface: Sarvam, or offline tools. */
export interface SpeechProvider {
  readonly name: SpeechProviderName
  /** What works right now, so a route can answer 503 with what to install instead of failing later. */
  availability(): SpeechAvailability
  transcribe(audio: SpeechInput, opts?: TranscribeOptions): Promise<Transcription>
  synthesize(text: string, opts: SynthesizeOptions): Promise<Synthesis>
  /** Opens a streaming recognition session; resolves once it is ready for audio. */
  openStream(opts: SttStreamOptions): Promise<SttStream>
  /**
   * Speaks sentences as they arrive (e.g. from `sentencesFrom(llmTokens)`), yielding one 16 kHz
   * mono WAV per sentence in order, the first as soon as it is ready.
   */
  synthesizeStream(sentences: AsyncIterable<string>, opts: SynthesizeOptions): AsyncIterable<Buffer>
}
