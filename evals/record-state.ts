import type { CorrectedEventSpec, EventTargetSpec } from './dataset-schema.js'
import { describeEvent, valueMismatch } from './match-events.js'

/**
 * The patient's record as the store's current view shows it (corrections applied, removed events
 * gone), taken before and after every turn, so a case can check what a turn changed — not only
 * what it says it wrote: a correction is a new version of the same event (same context id, new
 * id), a removal a tombstone (the context id leaves the current view), and a "new copy" a
 * context id that was not there before.
 */

export interface LiveEvent {
  id: string
  kind: string
  context_id: string
  payload: Record<string, unknown>
  occurred_at: string
}

/** Live events by context id. */
export type RecordState = Map<string, LiveEvent>

export interface RecordChange {
  before: RecordState
  after: RecordState
  /** History refs → context ids, from seeding. */
  refs: ReadonlyMap<string, string>
  /** The events each earlier turn added to the record (index 0 = turn 1). */
  addedByTurn: readonly LiveEvent[][]
}

export function addedEvents(before: RecordState, after: RecordState): LiveEvent[] {
  return [...after.values()].filter((e) => !before.has(e.context_id))
}

export interface StateDiff {
  added: LiveEvent[]
  removed: LiveEvent[]
  changed: { from: LiveEvent; to: LiveEvent }[]
}

export function diffStates(before: RecordState, after: RecordState): StateDiff {
  const removed = [...before.values()].filter((e) => !after.has(e.context_id))
  const changed = [...after.values()]
    .filter((e) => before.has(e.context_id) && before.get(e.context_id)!.id !== e.id)
    .map((to) => ({ from: before.get(to.context_id)!, to }))
  return { added: addedEvents(before, after), removed, changed }
}

const describeTarget = (t: EventTargetSpec) =>
  `${t.ref !== undefined ? `history "${t.ref}"` : `turn ${t.turn}'s`}${t.kind ? ` ${t.kind}` : ''}${t.where ? ` ${JSON.stringify(t.where)}` : ''}`

/** The context id a target names in the record as it was before the turn, or why none. */
export function resolveTarget(t: EventTargetSpec, change: RecordChange): { context_id: string } | { error: string } {
  if (t.ref !== undefined) {
    const id = change.refs.get(t.ref)
    if (!id) return { error: `${describeTarget(t)}: no such history event` }
    if (!change.before.has(id)) return { error: `${describeTarget(t)} was no longer in the record before this turn` }
    return { context_id: id }
  }
  const added = change.addedByTurn[t.turn! - 1] ?? []
  const fits = added.filter((e) => {
    if (t.kind && e.kind !== t.kind) return false
    const now = change.before.get(e.context_id) ?? e
    return Object.entries(t.where ?? {}).every(([k, v]) => valueMismatch(v, now.payload[k], k, {}) === null)
  })
  if (fits.length === 1) return { context_id: fits[0]!.context_id }
  if (fits.length === 0) {
    const wrote = added.map((e) => describeEvent(e, 120)).join(' | ') || 'nothing'
    return { error: `${describeTarget(t)}: turn ${t.turn} wrote no such event (it wrote ${wrote})` }
  }
  return { error: `${describeTarget(t)}: turn ${t.turn} wrote ${fits.length} such events; name one with kind or where` }
}

/** Null when the target was corrected this turn to hold the fields, else why not. */
export function correctionMismatch(spec: CorrectedEventSpec, change: RecordChange): string | null {
  const target = resolveTarget(spec, change)
  if ('error' in target) return target.error
  const was = change.before.get(target.context_id)!
  const now = change.after.get(target.context_id)
  if (!now) return `${describeTarget(spec)} was removed, not corrected`
  if (now.id === was.id) return `${describeTarget(spec)} was not changed (still ${describeEvent(was, 160)})`
  const tol = spec.tolerance ?? {}
  for (const [k, v] of Object.entries(spec.fields)) {
    const reason = valueMismatch(v, now.payload[k], k, tol, `${now.kind}.${k}`)
    if (reason) return `${describeTarget(spec)} was corrected, but ${reason}`
  }
  return null
}

/** Null when the target left the current view this turn (a tombstone), else why not. */
export function removalMismatch(spec: EventTargetSpec, change: RecordChange): string | null {
  const target = resolveTarget(spec, change)
  if ('error' in target) return target.error
  const now = change.after.get(target.context_id)
  return now ? `${describeTarget(spec)} is still in the record: ${describeEvent(now, 160)}` : null
}

/** The context ids a turn's targets name (found ones only). */
export function targetContexts(specs: EventTargetSpec[], change: RecordChange): Set<string> {
  const ids = specs.map((s) => resolveTarget(s, change)).flatMap((r) => ('context_id' in r ? [r.context_id] : []))
  return new Set(ids)
}

/** What a turn that should have written nothing changed in the record, one line each. */
export function describeChanges(d: StateDiff): string[] {
  return [
    ...d.added.map((e) => `added ${describeEvent(e, 160)}`),
    ...d.changed.map((c) => `changed ${describeEvent(c.from, 100)} → ${JSON.stringify(c.to.payload).slice(0, 100)}`),
    ...d.removed.map((e) => `removed ${describeEvent(e, 160)}`),
  ]
}
