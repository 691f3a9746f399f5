import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PoddError } from '../../core/errors.js'
import { openEventDb } from '../../memory/event-db.js'
import type { Config } from '../../src/config.js'
import { createLogger } from '../../src/logger.js'
import { createServices, type Services } from '../../src/services.js'
import { tidyTranscript } from '../../src/voice/offline/transcript.js'
import { runVoiceTurn, voicePrefs } from '../../src/voice/voice-turn.js'
import { corpusWordErrorRate, werWords } from '../../src/voice/wer.js'
import { durationSeconds } from '../../src/voice/wav.js'
import { anchoredClock, seedCase } from '../runner.js'
import type { CaseResult, TurnRecord } from '../results.js'
import { percentile, scoreCases } from '../scorers.js'
import { checkTurn, failureLines, SIDE_EFFECT_KINDS } from '../turn-checks.js'
import type { AudioCase, AudioDataset, Intent } from './audio-dataset.js'
import { belowFloors, type AudioFloors } from './audio-floors.js'
import { renderCase, renditionFor, type Rendition } from './spoken-audio.js'

/**
 * The spoken eval: every case is spoken by espeak-ng, mixed with noise, and sent through the
 * real voice turn (runVoiceTurn, the service behind POST /voice/turn) against a fresh patient
 * seeded with the case's history. Scored by voice and noise level: word error rate, intent,
 * events, red flags, "didn't catch that" on speech that should have been understood, time.
 */

export interface AudioTurn {
  id: string
  intent: Intent
  tags: string[]
  rendition: Rendition
  reference: string
  transcript: string
  confidence: number | null
  /** Heard but not understood: Podd asked to say it again. */
  rejected: boolean
  /** Events written by a rejected turn: must always be 0. */
  writtenWhileRejected: number
  intentCorrect: boolean
  audioSeconds: number
  /** The whole voice turn: recognition, conversation, spoken reply. */
  turnMs: number
  sttMs: number
  record: TurnRecord
  passed: boolean
  failures: string[]
}

export interface GroupScores {
  turns: number
  wer: number
  intent_accuracy: number
  event_f1: number | null
  red_flag_recall: number | null
  red_flags: number
  false_alarms: number
  /** Rejections of speech that should have been understood / such turns. */
  false_reject_rate: number
  rejected_with_events: number
  pass_rate: number
  turn_ms_p50: number | null
  turn_ms_p95: number | null
  /** Recognition time / audio duration. */
  stt_real_time_factor: number
}

export interface VoiceAudioOptions {
  datasets: AudioDataset[]
  config: Config
  voices: string[]
  snrs: (number | null)[]
  /** Every voice on every case (slow), instead of voices taking turns case by case. */
  allVoices?: boolean
  concurrency: number
  now: Date
  filter?: string
  /** At most this many cases, spread evenly over the set (every intent keeps its share): a quick run while iterating. */
  sample?: number
  onProgress?: (done: number, total: number, last: { id: string; passed: boolean }) => void
}

interface Work {
  c: AudioCase
  rendition: Rendition
}

/** Did Podd do what the patient meant? The intent's defining outcome, not every detail. */
export function intentHandled(intent: Intent, t: { rejected: boolean; emergency: boolean; kinds: string[] }): boolean {
  const logged = t.kinds.filter((k) => !SIDE_EFFECT_KINDS.has(k))
  const kind: Partial<Record<Intent, string>> = { reading: 'vitals', dose: 'med_dose', water: 'water', food: 'food' }
  switch (intent) {
    case 'emergency':
      return t.emergency
    case 'reading':
    case 'dose':
    case 'water':
    case 'food':
      return !t.rejected && !t.emergency && logged.includes(kind[intent]!)
    case 'question':
      return !t.rejected && !t.emergency && logged.length === 0
    case 'answer':
      return !t.rejected && !t.emergency && logged.every((k) => k === 'med_dose')
    case 'other':
      return !t.emergency && logged.every((k) => k === 'symptom')
  }
}

/** Words as compared for WER: lower case, no punctuation, letters said one by one joined ("b p" → "bp"). */
export function werText(text: string): string {
  return tidyTranscript(werWords(text).join(' '))
}

async function createWorker(config: Config, clock: () => Date) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-voice-eval-'))
  const eventDb = await openEventDb({})
  const services = await createServices(
    // Grammars are shared between workers and runs: a medicine list compiles once.
    { ...config, DATA_DIR: dataDir, VOICE_GRAMMAR_DIR: config.VOICE_GRAMMAR_DIR ?? path.join(os.tmpdir(), 'podd-eval-grammars') },
    { eventDb, now: clock, logger: createLogger({ level: 'silent' }), startScheduler: false },
  )
  return {
    services,
    async close() {
      await services.close()
      await eventDb.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function runOne(s: Services, w: Work, clock: () => Date): Promise<AudioTurn> {
  const { c, rendition } = w
  const turn = c.turns[0]!
  const audio = await renderCase(turn.message, rendition)
  const userId = randomUUID()
  const now = clock()
  const { tz } = await seedCase({ events: s.events }, userId, c, now)
  const prefs = await voicePrefs(s, userId)
  const started = performance.now()
  let transcript = ''
  let confidence: number | null = null
  let rejected = false
  let seen = { reply: '', routes: [] as string[], events: [] as TurnRecord['events'], emergency: false }
  let sttMs = 0
  let error: string | undefined
  try {
    const o = await runVoiceTurn(s, { userId, audio, language: 'en-IN', prefs, speak: true, receivedAt: started })
    transcript = o.transcription.text
    confidence = o.transcription.confidence ?? null
    rejected = o.turn === undefined
    sttMs = o.timings.stt_ms
    if (o.turn) {
      const events = o.turn.events.map((e) => ({ kind: e.kind, payload: e.payload as Record<string, unknown>, occurred_at: e.occurred_at }))
      seen = { reply: o.turn.reply, routes: o.turn.routes, events, emergency: o.turn.emergency }
    } else seen.reply = o.reply
  } catch (err) {
    // Nothing recognisable at all is a rejection too: nothing runs, nothing is written.
    if (err instanceof PoddError && err.code === 'UNPROCESSABLE') rejected = true
    else error = (err as Error).stack?.split('\n').slice(0, 3).join(' ') ?? String(err)
  }
  const turnMs = performance.now() - started
  const voiceEvents = (await s.events.scan(userId, {})).filter((e) => e.source === 'voice')
  const writtenWhileRejected = rejected ? voiceEvents.length : 0
  const scored = checkTurn(turn.expect, seen, { now, tz })
  const record: TurnRecord = {
    index: 0,
    message: turn.message,
    expect: turn.expect,
    ...seen,
    model: { provider: 'offline', fallback: false, fallback_reason: null, llm_calls: 0, input_tokens: 0, output_tokens: 0, name: 'offline' },
    latency_ms: Math.round(turnMs * 10) / 10,
    graph_ms: 0,
    ...scored,
    ...(error ? { error } : {}),
  }
  const failures = failureLines([record], false)
  if (rejected) failures.unshift(`not understood (confidence ${confidence ?? 'none'})`)
  return {
    id: c.id,
    intent: c.intent,
    tags: c.tags,
    rendition,
    reference: turn.message,
    transcript,
    confidence,
    rejected,
    writtenWhileRejected,
    intentCorrect: !error && intentHandled(c.intent, { rejected, emergency: seen.emergency, kinds: seen.events.map((e) => e.kind) }),
    audioSeconds: durationSeconds(audio),
    turnMs,
    sttMs,
    record,
    passed: failures.length === 0 && !error,
    failures: error ? [error, ...failures] : failures,
  }
}

/**
 * The cases a run speaks, each with its place in the whole set: a case is spoken by the same voice
 * whether it runs alone, in a filtered run or in a sample, so runs of parts compare with the whole.
 */
export function selectAudioCases(
  datasets: AudioDataset[],
  opts: { filter?: string; sample?: number },
): { c: AudioCase; index: number }[] {
  // "a,b": cases matching any of them.
  const wanted = opts.filter?.toLowerCase().split(',').map((f) => f.trim()).filter(Boolean) ?? []
  const all = datasets.flatMap((d) => d.cases).map((c, index) => ({ c, index }))
  const chosen = all.filter(({ c }) => !wanted.length || wanted.some((f) => c.id.includes(f) || c.tags.includes(f) || c.intent === f))
  const n = opts.sample
  if (!n || n >= chosen.length) return chosen
  return Array.from({ length: n }, (_, k) => chosen[Math.floor((k * chosen.length) / n)]!)
}

/** Runs every selected case at every noise level, a pool of workers taking them from one queue. */
export async function runVoiceAudio(opts: VoiceAudioOptions): Promise<AudioTurn[]> {
  const clock = anchoredClock(opts.now)
  const work: Work[] = []
  const cases = selectAudioCases(opts.datasets, opts)
  for (const snr of opts.snrs) {
    for (const { c, index } of cases) {
      const voices = opts.allVoices ? opts.voices : [undefined]
      for (const v of voices) work.push({ c, rendition: renditionFor(c.id, index, opts.voices, snr, v) })
    }
  }
  const results: AudioTurn[] = new Array(work.length)
  let next = 0
  let done = 0
  const pool = async () => {
    const worker = await createWorker(opts.config, clock)
    try {
      while (next < work.length) {
        const i = next++
        results[i] = await runOne(worker.services, work[i]!, clock)
        opts.onProgress?.(++done, work.length, { id: work[i]!.c.id, passed: results[i].passed })
      }
    } finally {
      await worker.close()
    }
  }
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, work.length) }, pool))
  return results
}

/** The scores of a group of spoken turns. */
export function scoreGroup(turns: AudioTurn[]): GroupScores {
  const wer = corpusWordErrorRate(turns.map((t) => ({ reference: werText(t.reference), hypothesis: werText(t.transcript) })))
  const asCases: CaseResult[] = turns.map((t) => ({
    id: t.id,
    set: 'voice',
    tags: t.tags,
    source: 'voice',
    turns: 1,
    runs: [{ repeat: 0, passed: t.passed, failures: t.failures, turns: [t.record] }],
    passed: t.passed,
    flaky: false,
  }))
  const m = scoreCases(asCases)
  const understandable = turns.filter((t) => t.intent !== 'other')
  const audio = turns.reduce((s, t) => s + t.audioSeconds, 0)
  const ms = turns.map((t) => t.turnMs)
  return {
    turns: turns.length,
    wer: wer.wer,
    intent_accuracy: turns.filter((t) => t.intentCorrect).length / Math.max(1, turns.length),
    event_f1: m.event_f1,
    red_flag_recall: m.safety_recall,
    red_flags: m.safety_expected,
    false_alarms: turns.filter((t) => t.record.emergency && t.intent !== 'emergency').length,
    false_reject_rate: understandable.filter((t) => t.rejected).length / Math.max(1, understandable.length),
    rejected_with_events: turns.filter((t) => t.writtenWhileRejected > 0).length,
    pass_rate: turns.filter((t) => t.passed).length / Math.max(1, turns.length),
    turn_ms_p50: percentile(ms, 50),
    turn_ms_p95: percentile(ms, 95),
    stt_real_time_factor: turns.reduce((s, t) => s + t.sttMs, 0) / 1000 / Math.max(1e-9, audio),
  }
}

export interface VoiceAudioReport {
  format: 'podd-voice-audio-report/1'
  datasets: { name: string; version: number; hash: string; cases: number }[]
  voices: string[]
  snrs: (number | null)[]
  /** --sample: the cases were this many of the set's, spread evenly; null for all of them. */
  sample: number | null
  concurrency: number
  duration_ms: number
  overall: GroupScores
  by_snr: Record<string, GroupScores>
  by_voice_snr: Record<string, GroupScores>
  by_intent: Record<string, GroupScores>
  /**
   * passed: the issue's gate met, or (with floors) the floors met; `known_failures` are the
   * issue's gate's shortfalls that the floors accept, each named.
   */
  gate: { passed: boolean; failures: string[]; known_failures: string[]; notes: string[]; issue_gate_met: boolean }
  /** The spoken emergencies missed, as `id@snr` (the floors' known misses). */
  red_flag_misses: string[]
  turns: Omit<AudioTurn, 'record'>[]
}

const snrName = (snr: number | null) => (snr === null ? 'clean' : `${snr}dB`)

function groupBy(turns: AudioTurn[], key: (t: AudioTurn) => string): Record<string, GroupScores> {
  const groups = new Map<string, AudioTurn[]>()
  for (const t of turns) groups.set(key(t), [...(groups.get(key(t)) ?? []), t])
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => [k, scoreGroup(g)]))
}

/**
 * The gate (issue 14): every spoken red flag answered as an emergency, at every noise level; no
 * event written from a rejected transcript; at 20 dB SNR intent accuracy at least 85 % and WER
 * at most 15 %.
 */
export const AUDIO_GATE = { redFlagRecall: 1, intentAccuracyAt20: 0.85, werAt20: 0.15 } as const

export function voiceAudioReport(
  opts: VoiceAudioOptions,
  turns: AudioTurn[],
  durationMs: number,
  floors?: AudioFloors,
): VoiceAudioReport {
  const overall = scoreGroup(turns)
  const bySnr = groupBy(turns, (t) => snrName(t.rendition.snrDb))
  const hard: string[] = []
  const issue: string[] = []
  const notes: string[] = []
  const missed = turns.filter((t) => t.intent === 'emergency' && !t.record.emergency)
  const misses = missed.map((t) => `${t.id}@${snrName(t.rendition.snrDb)}`)
  if (overall.red_flag_recall !== null && overall.red_flag_recall < AUDIO_GATE.redFlagRecall) {
    issue.push(`red-flag recall ${pct(overall.red_flag_recall)} < 100 % (${missed.length} of ${overall.red_flags} spoken emergencies missed): ${missed.map((t) => `${t.id}@${snrName(t.rendition.snrDb)}/${t.rendition.voice}`).join(', ')}`)
  }
  // Never accepted, floors or not: a transcript Podd asked to hear again wrote something.
  if (overall.rejected_with_events > 0) hard.push(`${overall.rejected_with_events} rejected transcripts wrote events`)
  const at20 = bySnr['20dB']
  if (at20) {
    const short = (v: number) => `${(Math.abs(v) * 100).toFixed(1)} points`
    if (at20.intent_accuracy < AUDIO_GATE.intentAccuracyAt20) {
      issue.push(`intent accuracy at 20 dB ${pct(at20.intent_accuracy)} < 85 % (${short(AUDIO_GATE.intentAccuracyAt20 - at20.intent_accuracy)} short)`)
    }
    if (at20.wer > AUDIO_GATE.werAt20) issue.push(`WER at 20 dB ${pct(at20.wer)} > 15 % (${short(at20.wer - AUDIO_GATE.werAt20)} over)`)
  } else notes.push('no 20 dB run: the intent and WER gates were not measured')
  let failures = [...hard, ...issue]
  let known: string[] = []
  if (floors) {
    const below = belowFloors(floors, bySnr, misses)
    failures = [...hard, ...below]
    known = below.length || hard.length ? [] : issue
    notes.push(`gated by the floors measured ${floors.measured}; issue 14's own gate ${issue.length ? 'is NOT met' : 'is met'}`)
  }
  return {
    format: 'podd-voice-audio-report/1',
    datasets: opts.datasets.map((d) => ({ name: d.name, version: d.version, hash: d.hash, cases: d.cases.length })),
    voices: opts.voices,
    snrs: opts.snrs,
    sample: opts.sample ?? null,
    concurrency: opts.concurrency,
    duration_ms: Math.round(durationMs),
    overall,
    by_snr: bySnr,
    by_voice_snr: groupBy(turns, (t) => `${t.rendition.voice} @ ${snrName(t.rendition.snrDb)}`),
    by_intent: groupBy(turns, (t) => t.intent),
    gate: { passed: failures.length === 0, failures, known_failures: known, notes, issue_gate_met: issue.length === 0 },
    red_flag_misses: misses,
    turns: turns.map(({ record: _record, ...rest }) => rest),
  }
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`)
const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`)

export function renderVoiceAudioReport(r: VoiceAudioReport, opts: { failures?: number } = {}): string {
  const header = ['group', 'turns', 'WER', 'intent', 'event F1', 'red flags', 'false alarms', "didn't catch", 'turn p50', 'turn p95', 'STT RTF']
  const row = (name: string, g: GroupScores) => [
    name,
    String(g.turns),
    pct(g.wer),
    pct(g.intent_accuracy),
    pct(g.event_f1),
    g.red_flags ? `${pct(g.red_flag_recall)} of ${g.red_flags}` : '—',
    String(g.false_alarms),
    pct(g.false_reject_rate),
    ms(g.turn_ms_p50),
    ms(g.turn_ms_p95),
    g.stt_real_time_factor.toFixed(2),
  ]
  const rows = [
    header,
    row('overall', r.overall),
    ...Object.entries(r.by_snr).map(([k, g]) => row(k, g)),
    ...Object.entries(r.by_voice_snr).map(([k, g]) => row(k, g)),
    ...Object.entries(r.by_intent).map(([k, g]) => row(`intent ${k}`, g)),
  ]
  const widths = header.map((_, i) => Math.max(...rows.map((x) => x[i]!.length)))
  const lines = rows.map((x) => x.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '))
  const failing = r.turns.filter((t) => !t.passed || !t.intentCorrect).slice(0, opts.failures ?? 25)
  const detail = failing.map(
    (t) =>
      `  ${t.id} [${t.rendition.voice} ${t.rendition.wordsPerMinute} wpm, ${snrName(t.rendition.snrDb)} ${t.rendition.noise}]` +
      `\n    said:  ${t.reference}\n    heard: ${t.rejected ? '(not understood)' : t.transcript} (confidence ${t.confidence ?? '—'})` +
      (t.failures.length ? `\n    ${t.failures.join('\n    ')}` : ''),
  )
  const datasets = r.datasets.map((d) => `${d.name} v${d.version} (${d.cases} cases, ${d.hash})`).join(', ')
  const gate = !r.gate.passed
    ? `GATE FAILED\n  ${r.gate.failures.join('\n  ')}`
    : r.gate.known_failures.length
      ? `PASS with ${r.gate.known_failures.length} known failures (issue 14's gate is not met):\n  ${r.gate.known_failures.join('\n  ')}`
      : 'GATE PASSED'
  return [
    `Spoken eval: ${datasets}; voices ${r.voices.join(', ')}; ${(r.duration_ms / 1000).toFixed(0)} s with ${r.concurrency} workers`,
    '',
    ...lines,
    '',
    failing.length ? `Failures (first ${failing.length}):\n${detail.join('\n')}` : 'No failures.',
    '',
    ...r.gate.notes.map((n) => `note: ${n}`),
    gate,
  ].join('\n')
}
