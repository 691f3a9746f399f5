import type { TurnModelInfo } from '../src/graph/turn-types.js'
import type { SetName, TurnExpectation } from './dataset-schema.js'
import type { BaselineDiff } from './baseline.js'
import type { GateResult } from './gate.js'
import type { ActualEvent, EventMatchResult } from './match-events.js'
import type { Scores } from './scorers.js'

/** What one eval run records; reports, baselines and the gate read these from the JSON file. */

export type CheckKind =
  | 'routes'
  | 'events'
  | 'no_event_kinds'
  | 'emergency'
  | 'refusal'
  | 'contains'
  | 'matches'
  | 'not_contains'
  | 'judge'
  /** An earlier event corrected / removed as asked; no new copy written instead. */
  | 'corrected'
  | 'removed'
  | 'no_copy'
  /** no_events: the patient's record is the same after the turn. */
  | 'unchanged'
  | 'language'
  /** The reply suggested starting, stopping or changing a medicine or dose (always checked). */
  | 'dose_change'

export interface CheckResult {
  kind: CheckKind
  status: 'pass' | 'fail' | 'skip'
  /** Why it failed or was skipped. */
  reason?: string
}

export interface TurnRecord {
  index: number
  message: string
  expect: TurnExpectation
  reply: string
  routes: string[]
  events: ActualEvent[]
  emergency: boolean
  model: TurnModelInfo & { name: string }
  /** Wall-clock time around ConversationService.run. */
  latency_ms: number
  graph_ms: number
  route_exact?: boolean
  event_match?: EventMatchResult
  refusal_detected: boolean
  /** The sentence of the reply that suggests a medicine or dose change, when one does. */
  dose_change_suggestion?: string
  checks: CheckResult[]
  /** The turn threw; later turns of the case did not run. */
  error?: string
}

export interface CaseRun {
  repeat: number
  passed: boolean
  /** One line per failed check: "turn 2 events: vitals.blood_sugar: expected 145, got 154". */
  failures: string[]
  turns: TurnRecord[]
  /** Seeding or a turn threw. */
  error?: string
}

export interface CaseResult {
  id: string
  set: SetName
  description?: string
  tags: string[]
  source: 'chat' | 'voice'
  turns: number
  runs: CaseRun[]
  /** Every run passed. */
  passed: boolean
  /** Runs disagree (only with --repeat). */
  flaky: boolean
}

export interface DatasetInfo {
  name: SetName
  version: number
  hash: string
  cases: number
}

export interface RunInfo {
  model: 'offline' | 'openai'
  model_name: string
  judge_model: string | null
  datasets: DatasetInfo[]
  repeat: number
  concurrency: number
  /** The run's "now": history and expected times are relative to it. */
  now: string
  started_at: string
  finished_at: string
  duration_ms: number
  git_commit: string | null
  filter: string | null
}

/** The JSON a run writes with --out, and what --baseline reads back. */
export interface EvalReport {
  format: 'podd-eval-report/1'
  run: RunInfo
  scores: Scores
  flaky: { id: string; set: SetName; passes: number; runs: number }[]
  cases: CaseResult[]
  baseline?: BaselineDiff
  gate?: GateResult
}
