import type { AgentName, TurnFrame } from '../graph/turn-types.js'
import { AsyncQueue } from './async-queue.js'
import { spokenLanguage } from './languages.js'
import { sentencesFrom } from './sentences.js'
import { spokenSentences } from './spoken-reply.js'
import { speakable } from './speakable.js'
import type { SpeechProvider } from './speech-provider.js'

export interface ReplySpeakerOptions {
  speech: SpeechProvider
  /** The patient's language: picks the voice when the reply's script is shared by several. */
  language: string | null
  /** The patient's preferred voice. */
  speaker?: string
  /** What the patient said: asking for more ("tell me more") lifts the two-sentence limit. */
  transcript?: string
  /** Barge-in or disconnect: stops synthesis and playback. */
  signal: AbortSignal
  /** One sentence's audio (16 kHz mono WAV), in order, as soon as it is ready. */
  onAudio: (wav: Buffer) => void
}

export interface SpokenReply {
  sentences: number
  /** performance.now() readings: the first sentence handed to the speech engine, and its audio. */
  firstSentenceAt?: number
  firstAudioAt?: number
  /** Time spent waiting for the speech engine, sentence after sentence. */
  ttsMs: number
  /** Synthesis failed (not by abort): the turn's text stands, its audio stopped here. */
  error?: unknown
}

/**
 * Speaks a turn while it is being written. The first sentence of the agent whose words come
 * first in the reply is synthesised as soon as it completes; agents running in parallel
 * interleave their tokens, so the others are left to the end. When the turn is done its final
 * reply is the authority: of what suits speech (spoken-reply.ts: two short sentences, the whole
 * text for an emergency), whatever was not spoken yet is spoken then. So a fixed emergency text is
 * spoken exactly as written, and nothing generated replaces it.
 */
export class ReplySpeaker {
  private readonly tokens = new AsyncQueue<string>()
  private readonly sentences = new AsyncQueue<string>()
  private readonly spoken: string[] = []
  private readonly submittedAt: number[] = []
  private readonly pumping: Promise<void>
  private live: AgentName | 'safety' | undefined
  private emergency = false
  private playing: Promise<void> | undefined
  private readonly result: SpokenReply = { sentences: 0, ttsMs: 0 }

  constructor(private readonly opts: ReplySpeakerOptions) {
    this.pumping = this.pump()
  }

  /** Feeds a frame of the turn; only routes and tokens matter here. */
  frame(frame: TurnFrame): void {
    if (frame.type === 'route') {
      this.live ??= frame.emergency ? 'safety' : frame.routes[0]
      this.emergency ||= frame.emergency
    }
    else if (frame.type === 'token' && frame.agent === this.live) this.tokens.push(frame.text)
  }

  /** The turn is done: speaks what of `reply` is still unspoken and resolves once all its audio is out. */
  async finish(reply: string): Promise<SpokenReply> {
    this.tokens.end()
    await this.pumping
    const plan = spokenSentences(reply, { emergency: this.emergency, transcript: this.opts.transcript })
    // The first sentence went out whole while the reply was written; the plan may have shortened it.
    if (this.spoken.length && plan.length && !plan.includes(this.spoken[0]!)) plan.shift()
    for (const s of unspoken(plan, this.spoken)) this.say(s)
    this.sentences.end()
    await this.played()
    return this.result
  }

  /** Ends early (a failed turn): stops reading sentences; what is being synthesised still finishes. */
  async abandon(): Promise<SpokenReply> {
    this.tokens.end()
    this.sentences.end()
    await this.pumping
    await this.played()
    return this.result
  }

  // All audio is out, or the turn was interrupted: a provider still busy cleans up on its own.
  private played(): Promise<void> {
    const { signal } = this.opts
    if (!this.playing || signal.aborted) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done)
        resolve()
      }
      signal.addEventListener('abort', done, { once: true })
      void this.playing!.then(done)
    })
  }

  private async pump(): Promise<void> {
    for await (const s of sentencesFrom(this.tokens)) {
      if (this.sentences.isEnded) return
      // Only the first sentence goes out early; the rest waits for the whole reply to be known.
      if (this.emergency || this.spoken.length === 0) this.say(s)
    }
  }

  private say(sentence: string): void {
    this.spoken.push(sentence)
    const text = speakable(sentence)
    if (!/[\p{L}\p{N}]/u.test(text) || this.opts.signal.aborted) return
    this.result.sentences++
    this.submittedAt.push(performance.now())
    this.sentences.push(text)
    // The voice follows the script of the first sentence, known only now.
    if (!this.playing) {
      this.result.firstSentenceAt = performance.now()
      this.playing = this.play(spokenLanguage(sentence, this.opts.language))
    }
  }

  private async play(language: string): Promise<void> {
    const { speech, speaker, signal, onAudio } = this.opts
    let lastAudioAt = 0
    let i = 0
    try {
      for await (const wav of speech.synthesizeStream(this.sentences, { language, speaker, signal })) {
        const now = performance.now()
        this.result.ttsMs += now - Math.max(this.submittedAt[i++] ?? now, lastAudioAt)
        lastAudioAt = now
        if (signal.aborted) return
        this.result.firstAudioAt ??= now
        onAudio(wav)
      }
    } catch (err) {
      if (!signal.aborted) this.result.error = err
    }
  }
}

/** The sentences of `reply` not among those already spoken (each spoken one accounts for one). */
export function unspoken(reply: string[], spoken: string[]): string[] {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim()
  const counts = new Map<string, number>()
  for (const s of spoken) counts.set(norm(s), (counts.get(norm(s)) ?? 0) + 1)
  return reply.filter((s) => {
    const n = counts.get(norm(s)) ?? 0
    if (n > 0) counts.set(norm(s), n - 1)
    return n === 0
  })
}
