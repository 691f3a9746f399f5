import type { TurnResult } from '../graph/turn-types.js'
import { PoddError } from '../../core/errors.js'
import type { Services } from '../services.js'
import { isAutoDetect, resolveLanguage, spokenLanguage } from './languages.js'
import { speakable } from './speakable.js'
import type { SpeechProvider, Synthesis, Transcription } from './speech-provider.js'
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
  turn: TurnResult
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
  const transcription = await speech.transcribe(req.audio, { language: req.language, signal: req.signal })
  const text = transcription.text.trim()
  if (!text) throw new PoddError('UNPROCESSABLE', NOTHING_HEARD, { provider: speech.name })

  const graphStart = performance.now()
  const turn = await s.conversation.run({
    userId: req.userId,
    message: text,
    threadId: req.threadId,
    source: 'voice',
    signal: req.signal,
    requestId: req.requestId,
  })

  const ttsStart = performance.now()
  let synthesis: Synthesis | undefined
  let speechError: PoddError | undefined
  if (req.speak) {
    // The reply is spoken as written: for an emergency, the fixed text the graph returned.
    const language = spokenLanguage(turn.reply, transcription.language ?? req.prefs.language)
    try {
      const opts = { language, speaker: req.prefs.speaker, signal: req.signal }
      synthesis = await speech.synthesize(speakable(turn.reply), opts)
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
  return { transcription, turn, speech: synthesis, speechError, timings }
}
