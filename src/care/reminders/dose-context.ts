import type { EventKind } from '../../../memory/event-kinds.js'
import type { EventStore, HealthEvent } from '../../../memory/event-store.js'
import { DOSE_MATCH_WINDOW_MS, expectedSlots, matchDoses } from '../../../memory/insights.js'
import { addDays, localDate } from '../../../memory/local-time.js'

type Slot = ReturnType<typeof expectedSlots>[number]

/**
 * A patient's medicines, schedules and the doses logged around some slots, read in two
 * queries; slots are matched to doses exactly as insights and summaries match them, so a
 * reminder, a miss and the summary never disagree about a dose.
 */
export class DoseContext {
  private constructor(
    readonly patientId: string,
    readonly tz: string,
    private readonly plans: HealthEvent[],
    private readonly doses: HealthEvent<'med_dose'>[],
  ) {}

  /**
   * Loads what slots from `from` on need (doses up to `until`, usually now); the medicines and
   * schedules from `plans` when given (a cache), else from the store.
   */
  static async load(
    events: EventStore,
    patientId: string,
    tz: string,
    from: Date,
    until: Date,
    plans?: { get(patientId: string): Promise<HealthEvent[]> },
  ): Promise<DoseContext> {
    const kinds: EventKind[] = ['medication', 'med_schedule']
    const [plan, doses] = await Promise.all([
      plans ? plans.get(patientId) : events.scan(patientId, { kinds }),
      events.list(patientId, {
        kinds: ['med_dose'],
        from: new Date(from.getTime() - DOSE_MATCH_WINDOW_MS),
        to: new Date(Math.max(until.getTime(), from.getTime()) + DOSE_MATCH_WINDOW_MS),
        limit: 500,
        order: 'asc',
      }),
    ])
    return new DoseContext(patientId, tz, plan, doses.events as unknown as HealthEvent<'med_dose'>[])
  }

  medication(contextId: string): HealthEvent<'medication'> | undefined {
    return this.plans.find((e) => e.kind === 'medication' && e.context_id === contextId) as HealthEvent<'medication'> | undefined
  }

  /** The slot of this medicine at this instant, with the dose logged for it if any; undefined when no active schedule has it. */
  slot(medicationId: string, at: Date): Slot | undefined {
    return this.slotsAround(localDate(at, this.tz)).find((s) => s.medication_id === medicationId && s.at.getTime() === at.getTime())
  }

  /** The next slot of the same medicine after this one (its dose window closes there at the latest). */
  nextOfSameMedicine(medicationId: string, at: Date): Date | undefined {
    const date = localDate(at, this.tz)
    const later = [...this.slotsAround(date), ...this.slotsAround(addDays(date, 2))]
    return later.find((s) => s.medication_id === medicationId && s.at > at)?.at
  }

  private readonly expanded = new Map<string, Slot[]>()

  /** The slots of the day before, the day and the day after, matched to the doses: once per date. */
  private slotsAround(date: string): Slot[] {
    let slots = this.expanded.get(date)
    if (!slots) {
      const schedules = this.plans.filter((e) => e.kind === 'med_schedule') as unknown as HealthEvent<'med_schedule'>[]
      const meds = this.plans.filter((e) => e.kind === 'medication') as unknown as HealthEvent<'medication'>[]
      slots = expectedSlots(schedules, meds, [addDays(date, -1), date, addDays(date, 1)], this.tz)
      matchDoses(slots, this.doses)
      this.expanded.set(date, slots)
    }
    return slots
  }
}
