import type { WebSocket } from 'ws'
import { ThreadNotFoundError } from '../graph/conversation-service.js'
import type { TurnFrame, TurnResult } from '../graph/turn-types.js'
import { toErrorBody } from '../../core/errors.js'
import type { Logger } from '../logger.js'
import type { Services } from '../services.js'
import { ReplySpeaker, type SpokenReply } from './reply-speaker.js'
import { SPEECH_SAMPLE_RATE, StreamResampler } from './resample.js'
import { PcmChunker } from './speech-input.js'
import type { StreamTranscript, SttStream } from './speech-provider.js'
import { assertSpeechAvailable } from './speech.js'
import { msBetween, observeVoiceTimings } from './voice-metrics.js'
import { notUnderstoodReply } from './not-understood.js'
import { listeningLanguage, patientVocabulary, voicePrefs, type VoicePrefs } from './voice-turn.js'
import { stripWavHeader } from './wav.js'

export interface StartOptions {
  language?: string
  thread_id?: string
  sample_rate?: number
}

// Audio kept while the recogniser connects; more than this and the oldest is dropped.
const MAX_PENDING_BYTES = 10 * SPEECH_SAMPLE_RATE * 2
// Audio goes out in frames of at most a second, so a client can start playing early.
const AUDIO_FRAME_BYTES = SPEECH_SAMPLE_RATE * 2
const AUDIO_START = {
  type: 'audio_start',
  mime_type: 'audio/pcm',
  encoding: 's16le',
  sample_rate: SPEECH_SAMPLE_RATE,
  channels: 1,
}

/**
 * One patient's voice conversation over a socket (protocol in voice-socket.ts): a recogniser
 * session that lives as long as the socket, and turns run one at a time, in the order their
 * transcripts came, each speaking its reply while it is being written.
 */
export class VoiceSession {
  private stt: SttStream | undefined
  private opening: Promise<void> | undefined
  private failed = false
  private pending: Buffer[] = []
  private pendingBytes = 0
  private resampler: StreamResampler | undefined
  private readonly chunker = new PcmChunker()
  private prefs: VoicePrefs | undefined
  private threadId: string | undefined
  private inSpeech = false
  // When each utterance awaiting its transcript ended, oldest first.
  private readonly speechEnds: number[] = []
  private turns = Promise.resolve()
  private running: AbortController | undefined
  private closed = false

  constructor(
    private readonly s: Services,
    private readonly socket: WebSocket,
    private readonly userId: string,
    private readonly logger: Logger,
  ) {}

  /** Opens (or re-opens, with new settings) the recogniser; audio sent meanwhile is kept. */
  async start(opts: StartOptions): Promise<void> {
    while (this.opening) await this.opening.catch(() => {})
    const previous = this.stt
    this.stt = undefined
    // Audio sent from now on is kept for the new recogniser.
    this.failed = false
    this.opening = this.open(opts, previous)
    try {
      await this.opening
    } catch (err) {
      this.failed = true
      this.pending = []
      this.pendingBytes = 0
      this.sendError(err)
    } finally {
      this.opening = undefined
    }
  }

  /** A chunk of s16le mono PCM at the session's sample rate. */
  audio(chunk: Buffer): void {
    if (this.closed || this.failed) return
    if (this.stt) return this.feed(chunk)
    this.pending.push(chunk)
    this.pendingBytes += chunk.length
    while (this.pendingBytes > MAX_PENDING_BYTES) this.pendingBytes -= this.pending.shift()!.length
    // Audio before any `start` starts the session with the patient's defaults.
    if (!this.opening) void this.start({})
  }

  /** The client's own VAD says the utterance is over. */
  endOfSpeech(): void {
    if (!this.stt) return
    this.stt.flush()
    // An engine whose flush does not report the end itself (Sarvam): the client's word is the end.
    if (this.inSpeech) this.speechEnded()
    else if (this.speechEnds.length === 0) this.send({ type: 'no_speech' })
  }

  /** Barge-in: the running turn stops, its audio too. Turns already heard still follow. */
  interrupt(): void {
    this.running?.abort()
  }

  async close(): Promise<void> {
    this.closed = true
    this.running?.abort()
    const stt = this.stt
    this.stt = undefined
    await stt?.close({ discard: true })
  }

  private async open(opts: StartOptions, previous: SttStream | undefined): Promise<void> {
    await previous?.close({ discard: true })
    this.prefs ??= await voicePrefs(this.s, this.userId)
    if (opts.thread_id) this.threadId = opts.thread_id
    const language = listeningLanguage(opts.language, this.prefs, this.s.speech)
    assertSpeechAvailable(this.s.speech, 'stt')
    const rate = opts.sample_rate ?? SPEECH_SAMPLE_RATE
    this.resampler = rate === SPEECH_SAMPLE_RATE ? undefined : new StreamResampler(rate)
    this.inSpeech = false
    this.speechEnds.length = 0
    const stt = await this.s.speech.openStream({
      language,
      sampleRate: SPEECH_SAMPLE_RATE,
      vocabulary: () => patientVocabulary(this.s, this.userId),
      onSpeechStart: () => {
        this.inSpeech = true
        this.send({ type: 'speech_start' })
      },
      onSpeechEnd: () => this.inSpeech && this.speechEnded(),
      onNothingHeard: () => {
        this.speechEnds.shift()
        this.send({ type: 'no_speech' })
      },
      onTranscript: (t) => this.heard(t),
      onNotUnderstood: (t) => this.notUnderstood(t),
      onError: (err) => {
        this.stt = undefined
        this.failed = true
        this.sendError(err)
      },
    })
    if (this.closed) return void (await stt.close({ discard: true }))
    this.stt = stt
    this.send({ type: 'ready', language: language ?? 'auto', sample_rate: rate, provider: this.s.speech.name })
    const pending = this.pending
    this.pending = []
    this.pendingBytes = 0
    for (const chunk of pending) this.feed(chunk)
  }

  private feed(chunk: Buffer): void {
    const samples = this.chunker.samples(chunk)
    this.stt!.sendPcm(this.resampler ? this.resampler.push(samples) : samples)
  }

  private speechEnded(): void {
    this.inSpeech = false
    this.speechEnds.push(performance.now())
    this.send({ type: 'speech_end' })
  }

  private heard(t: StreamTranscript): void {
    const heardAt = performance.now()
    const endedAt = this.speechEnds.shift() ?? heardAt
    this.send({ type: 'transcript', text: t.text, language: t.language })
    // Turns run in order, one at a time; each resolves whatever happens to it.
    this.turns = this.turns.then(() => this.runTurn(t, endedAt, heardAt))
  }

  /** Heard but not understood: nothing is written; the patient is asked, in their language, to say it again. */
  private notUnderstood(t: StreamTranscript): void {
    this.speechEnds.shift()
    const reply = notUnderstoodReply(this.prefs!.language)
    this.send({ type: 'not_understood', confidence: t.confidence ?? null, reply })
    this.turns = this.turns.then(() => this.sayOnly(reply))
  }

  private async sayOnly(reply: string): Promise<void> {
    if (this.closed) return
    const abort = new AbortController()
    this.running = abort
    let audioStarted = false
    const speaker = new ReplySpeaker({
      speech: this.s.speech,
      language: this.prefs!.language,
      speaker: this.prefs!.speaker,
      signal: abort.signal,
      onAudio: (wav) => {
        if (!audioStarted) this.send(AUDIO_START)
        audioStarted = true
        this.sendAudio(wav)
      },
    })
    const spoken = await speaker.finish(reply).finally(() => (this.running = undefined))
    if (audioStarted) this.send({ type: 'audio_end', ...(abort.signal.aborted ? { interrupted: true } : {}) })
    if (abort.signal.aborted) return this.send({ type: 'interrupted' })
    if (spoken.error) this.sendError(spoken.error)
  }

  private async runTurn(t: StreamTranscript, endedAt: number, heardAt: number): Promise<void> {
    if (this.closed) return
    const abort = new AbortController()
    this.running = abort
    const prefs = this.prefs!
    const graphStart = performance.now()
    let graphEnd = graphStart
    let audioStarted = false
    const speaker = new ReplySpeaker({
      speech: this.s.speech,
      language: t.language ?? prefs.language,
      speaker: prefs.speaker,
      transcript: t.text,
      signal: abort.signal,
      onAudio: (wav) => {
        if (!audioStarted) this.send(AUDIO_START)
        audioStarted = true
        this.sendAudio(wav)
      },
    })
    let result: TurnResult | undefined
    let spoken: SpokenReply
    try {
      const frames = this.s.conversation.stream({
        userId: this.userId,
        message: t.text,
        threadId: this.threadId,
        source: 'voice',
        signal: abort.signal,
      })
      for await (const frame of frames) {
        if (abort.signal.aborted) break
        this.send(frame)
        speaker.frame(frame)
        if (frame.type === 'done') {
          result = frame.result
          graphEnd = performance.now()
          this.threadId = result.thread_id
        }
      }
      spoken = result && !abort.signal.aborted ? await speaker.finish(result.reply) : await speaker.abandon()
    } catch (err) {
      spoken = await speaker.abandon()
      if (!abort.signal.aborted) this.turnFailed(err)
    } finally {
      this.running = undefined
    }
    if (audioStarted) this.send({ type: 'audio_end', ...(abort.signal.aborted ? { interrupted: true } : {}) })
    if (abort.signal.aborted) return this.send({ type: 'interrupted' })
    if (spoken.error) this.sendError(spoken.error)
    if (!result) return
    const end = performance.now()
    const timings = {
      stt_ms: msBetween(endedAt, heardAt),
      graph_ms: msBetween(graphStart, graphEnd),
      tts_ms: Math.round(spoken.ttsMs * 10) / 10,
      total_ms: msBetween(endedAt, end),
      first_audio_ms: spoken.firstAudioAt === undefined ? undefined : msBetween(endedAt, spoken.firstAudioAt),
    }
    observeVoiceTimings(this.s.metrics, timings)
    const firstSentence = spoken.firstSentenceAt === undefined ? undefined : msBetween(graphStart, spoken.firstSentenceAt)
    this.send({ type: 'timings', ...timings, first_sentence_ms: firstSentence, queued_ms: msBetween(heardAt, graphStart) })
  }

  private turnFailed(err: unknown): void {
    if (err instanceof ThreadNotFoundError) {
      // The next turn starts a new thread rather than failing the same way.
      this.threadId = undefined
    }
    this.sendError(err)
  }

  private sendAudio(wav: Buffer): void {
    const pcm = stripWavHeader(wav)
    for (let at = 0; at < pcm.length; at += AUDIO_FRAME_BYTES) {
      if (this.socket.readyState !== this.socket.OPEN) return
      this.socket.send(pcm.subarray(at, at + AUDIO_FRAME_BYTES), { binary: true })
    }
  }

  /** An error frame. Speech failures were logged where they happened; anything unexpected is logged here. */
  private sendError(err: unknown): void {
    const error = toErrorBody(err, (unexpected) => this.logger.error({ err: unexpected }, 'voice session failed'))
    this.send({ type: 'error', error })
  }

  send(frame: TurnFrame | Record<string, unknown>): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame))
  }
}
