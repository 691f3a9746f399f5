import type { VoiceTimings } from './voice-metrics.js'

/**
 * What a voice turn answers with: JSON by default, or the spoken reply itself with the turn's
 * fields in `X-Podd-*` headers. Header values are ASCII (percent-encoded UTF-8) and bounded, so
 * a long Hindi reply cannot overflow a proxy's header buffer (nginx: 4-8 KB in all).
 */

export type ReplyFormat = 'json' | 'wav' | 'mp3'

export const REPLY_MIME: Record<Exclude<ReplyFormat, 'json'>, string> = { wav: 'audio/wav', mp3: 'audio/mpeg' }

const OFFERS: Record<string, ReplyFormat> = {
  'application/json': 'json',
  'application/*': 'json',
  '*/*': 'json',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/*': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
}

/** The format an `Accept` header prefers (highest q, then first listed); JSON when it names none we make. */
export function replyFormat(accept: string | undefined): ReplyFormat {
  let best: { format: ReplyFormat; q: number } | undefined
  for (const part of (accept ?? '').split(',')) {
    const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase())
    const format = OFFERS[type]
    if (!format) continue
    const qParam = params.find((p) => p.startsWith('q='))
    const q = qParam ? Number(qParam.slice(2)) : 1
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { format, q }
  }
  return best?.format ?? 'json'
}

/** Percent-encoded text of at most `max` characters, cut at a character and ending in "…" when cut. */
export function headerText(text: string, max: number): { value: string; truncated: boolean } {
  const full = encodeURIComponent(text)
  if (full.length <= max) return { value: full, truncated: false }
  const ellipsis = encodeURIComponent('…')
  let value = ''
  for (const ch of text) {
    const enc = encodeURIComponent(ch)
    if (value.length + enc.length + ellipsis.length > max) break
    value += enc
  }
  return { value: value + ellipsis, truncated: true }
}

export interface TurnHeaderFields {
  transcript: string
  language: string | null
  reply: string
  routes: readonly string[]
  emergency: boolean
  /** Empty when no turn ran (the speech was not understood) and none was asked for. */
  threadId: string
  eventIds: readonly string[]
  understood: boolean
  confidence: number | undefined
  timings: VoiceTimings
}

const MAX_TRANSCRIPT = 1024
const MAX_REPLY = 3072
const MAX_EVENT_IDS = 20

export const TURN_HEADERS = [
  'X-Podd-Transcript',
  'X-Podd-Language',
  'X-Podd-Reply',
  'X-Podd-Routes',
  'X-Podd-Emergency',
  'X-Podd-Thread-Id',
  'X-Podd-Event-Ids',
  'X-Podd-Understood',
  'X-Podd-Confidence',
  'X-Podd-Timings',
  'X-Podd-Truncated',
  'Server-Timing',
] as const

/** The turn's JSON fields as response headers, for a reply sent as audio. */
export function turnHeaders(f: TurnHeaderFields): Record<string, string> {
  const transcript = headerText(f.transcript, MAX_TRANSCRIPT)
  const reply = headerText(f.reply, MAX_REPLY)
  const truncated = [
    transcript.truncated && 'transcript',
    reply.truncated && 'reply',
    f.eventIds.length > MAX_EVENT_IDS && 'event_ids',
  ]
  const t = f.timings
  const headers: Record<string, string> = {
    'X-Podd-Transcript': transcript.value,
    'X-Podd-Language': f.language ?? '',
    'X-Podd-Reply': reply.value,
    'X-Podd-Routes': f.routes.join(','),
    'X-Podd-Emergency': String(f.emergency),
    'X-Podd-Thread-Id': f.threadId,
    'X-Podd-Event-Ids': f.eventIds.slice(0, MAX_EVENT_IDS).join(','),
    'X-Podd-Understood': String(f.understood),
    'X-Podd-Confidence': f.confidence === undefined ? '' : String(f.confidence),
    'X-Podd-Timings': JSON.stringify(t),
    'Server-Timing': `stt;dur=${t.stt_ms}, graph;dur=${t.graph_ms}, tts;dur=${t.tts_ms}, total;dur=${t.total_ms}`,
  }
  const cut = truncated.filter(Boolean).join(',')
  if (cut) headers['X-Podd-Truncated'] = cut
  return headers
}
