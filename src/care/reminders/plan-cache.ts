import type { EventStore, HealthEvent } from '../../../memory/event-store.js'

/** What a reminder needs of a medicine or a schedule: the fields slots and texts read, nothing more. */
type PlanEvent = Pick<HealthEvent, 'id' | 'user_id' | 'kind' | 'context_id' | 'occurred_at' | 'recorded_at' | 'payload'>

const PLAN_KINDS = ['medication', 'med_schedule'] as const
/** A patient's plan is read again after this long however quiet it was (another instance's edit). */
const TTL_MS = 5 * 60_000

/**
 * Each patient's medicines and schedules, kept between reminder rounds: a dose, its repeat half
 * an hour later and its miss an hour later all need them, and they change rarely. A change on
 * this instance replaces the entry at once (the planner reads the new plan anyway); one on
 * another instance reaches it through the planner's sweep of the event log, or at the latest
 * after `TTL_MS`. Answers read the store directly. The oldest entries go beyond `max`.
 */
export class PlanCache {
  private readonly entries = new Map<string, { plans: PlanEvent[]; at: number }>()

  constructor(
    private readonly events: EventStore,
    private readonly clock: () => number = () => Date.now(),
    private readonly max = 20_000,
  ) {}

  async get(patientId: string): Promise<HealthEvent[]> {
    const hit = this.entries.get(patientId)
    if (hit && this.clock() - hit.at < TTL_MS) return hit.plans as HealthEvent[]
    const plans = await this.events.scan(patientId, { kinds: [...PLAN_KINDS] })
    this.set(patientId, plans)
    return plans
  }

  /** The plan as the planner just read it (it reads a superset of the kinds). */
  set(patientId: string, events: HealthEvent[]): void {
    const plans = events
      .filter((e) => e.kind === 'medication' || e.kind === 'med_schedule')
      .map(({ id, user_id, kind, context_id, occurred_at, recorded_at, payload }) => ({ id, user_id, kind, context_id, occurred_at, recorded_at, payload }))
    this.entries.delete(patientId)
    this.entries.set(patientId, { plans, at: this.clock() })
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!)
  }

  invalidate(patientId: string): void {
    this.entries.delete(patientId)
  }
}
