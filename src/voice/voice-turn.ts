import type { TurnResult } from '../graph/turn-types.js'
import { PoddError } from '../../core/errors.js'
import type { Services } from '../services.js'
import { isAutoDetect, resolveLanguage, spokenLanguage } from './languages.js'
import { speakable } from './speakable.js'
import { notUnderstoodReply } from './not-understood.js'
import type { GrammarVocabulary } from './offline/health-grammar.js'
import type { SpeechProvider, Synthesis, Transcription } from './speech-provider.js'
import { spokenReply } from './spoken-reply.js'
import { msBetween, observeVoiceTimings, type VoiceTimings } from './voice-metrics.js'
import type { Pcm16Audio } from './wav.js'

/** How a patient is heard and answered: their profile's language and chosen voice. */
export interface VoicePrefs {
  language: string
  speaker?: string
}

export async function voicePrefs(s: Pick<Services, 'events'>, userId: string): Promise<VoicePrefs> {
  const profile = await s.events.latest(userId, 'profile')
  const language = resolveLanguage(profile?.payload.language ?? 'en-IN')?.code ?? 'en-IN'
  return { language, speaker: profile?.payload.preferred_voice }
}

// A grammar listens for this many of the patient's medicines at most (the newest).
const MAX_VOCABULARY_MEDICINES = 40

/** The patient's own words a recogniser should listen for: the names of the medicines they take. */
export async function patientVocabulary(s: Pick<Services, 'events'>, userId: string): Promise<GrammarVocabulary> {
  const medicines = await s.events.scan(userId, { kinds: ['medication'], max: 500 })
  const names = medicines
    .filter((m) => (m.payload as { active?: boolean }).active !== false)
    .map((m) => (m.payload as { name?: unknown }).name)
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
  return { medicines: [...new Set(names)].slice(-MAX_VOCABULARY_MEDICINES) }
}

/**
 * The language to listen for: the one asked for (`auto` or `unknown` to have it detected, which
 * is undefined here), else the patient's own. A code Podd does not know is a 400 naming those it does.
 */
export function listeningLanguage(asked: string | undefined, prefs: VoicePrefs, speech: SpeechProvider) {
  if (asked === undefined || asked === '') return prefs.language
  if (isAutoDetect(asked)) return undefined
  const known = resolveLanguage(asked)
  if (!known) {
    throw new PoddError('BAD_REQUEST', `Unknown language "${asked.slice(0, 20)}"; use a code like hi-IN, or auto`, {
      supported_languages: speech.availability().stt.languages,
    })
  }
  return known.code
}

export interface VoiceTurnRequest {
  userId: string
  /** 16 kHz mono speech, validated. */
  audio: Pcm16Audio
  /** What to listen for; undefined detects it. */
  language: string | undefined
  prefs: VoicePrefs
  threadId?: string
  /** Synthesise the reply (false when it is not wanted, or cannot be made). */
  speak: boolean
  signal?: AbortSignal
  requestId?: string
  /** performance.now() when the request arrived: total_ms counts from here. */
  receivedAt: number
}

export interface VoiceTurnOutcome {
  transcription: Transcription
  /** The conversation turn; absent when the speech was not understood well enough to act on. */
  turn?: TurnResult
  /** What Podd says: the turn's reply, or the request to say it again. */
  reply: string
  speech?: Synthesis
  /** The turn ran (and what it logged stands) but its reply could not be spoken. */
  speechError?: PoddError
  timings: VoiceTimings
}

export const NOTHING_HEARD = 'No speech was recognised in the audio; speak closer to the microphone and try again'

/**
 * One voice turn, whole: speech-to-text, the conversation turn (events carry source `voice`),
 * text-to-speech of its reply. A speech failure before the turn is an error; after it, the turn
 * stands and the failure is reported beside it, so a client never retries what was logged.
 */
export async function runVoiceTurn(s: Services, req: VoiceTurnRequest): Promise<VoiceTurnOutcome> {
  const { speech } = s
  const sttStart = performance.now()
  const vocabulary = await patientVocabulary(s, req.userId)
  const transcription = await speech.transcribe(req.audio, { language: req.language, vocabulary, signal: req.signal })
  const text = transcription.text.trim()
  if (!text && !transcription.rejected) throw new PoddError('UNPROCESSABLE', NOTHING_HEARD, { provider: speech.name })

  const graphStart = performance.now()
  // Heard but not understood: nothing is written, not even to the thread; the patient is asked again.
  const turn = transcription.rejected
    ? undefined
    : await s.conversation.run({
        userId: req.userId,
        message: text,
        threadId: req.threadId,
        source: 'voice',
        signal: req.signal,
        requestId: req.requestId,
      })
  const reply = turn?.reply ?? notUnderstoodReply(req.prefs.language)

  const ttsStart = performance.now()
  let synthesis: Synthesis | undefined
  let speechError: PoddError | undefined
  if (req.speak) {
    // An emergency's fixed text is spoken whole; any other reply as much as suits speech.
    const language = spokenLanguage(reply, turn ? (transcription.language ?? req.prefs.language) : req.prefs.language)
    const spoken = spokenReply(reply, { emergency: turn?.emergency, transcript: text })
    try {
      const opts = { language, speaker: req.prefs.speaker, signal: req.signal }
      synthesis = await speech.synthesize(speakable(spoken), opts)
    } catch (err) {
      if (!(err instanceof PoddError)) throw err
      speechError = err
    }
  }
  const end = performance.now()
  const timings: VoiceTimings = {
    stt_ms: msBetween(sttStart, graphStart),
    graph_ms: msBetween(graphStart, ttsStart),
    tts_ms: msBetween(ttsStart, end),
    total_ms: msBetween(req.receivedAt, end),
  }
  observeVoiceTimings(s.metrics, timings)
  return { transcription, turn, reply, speech: synthesis, speechError, timings }
}
