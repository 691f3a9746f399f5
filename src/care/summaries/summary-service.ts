import type { BaseChatModel } from '@langchain/core/language_models/chat_models'
import type { EventStore, HealthEvent } from '../../../memory/event-store.js'
import { EventConflictError } from '../../../memory/event-store.js'
import { patientTimezone } from '../../../memory/insights.js'
import type { Logger } from '../../logger.js'
import { loadSummaryFacts } from './summary-facts.js'
import { writeNarrative } from './summary-narrative.js'
import { summaryScope, type SharingCategory } from '../sharing.js'

export interface SummaryServiceDeps {
  events: EventStore
  /** The configured LLM; absent offline, when the template writes every narrative. */
  model?: BaseChatModel
  logger: Logger
  now: () => Date
  /** The name of an account (who acknowledged an alert), for the facts. */
  nameOf?: (userId: string) => Promise<string | undefined>
}

/** The entity (and idempotency key) of the one summary per patient, caregiver (or the patient) and date. */
export const summaryContextId = (caregiverId: string | null, date: string) => `summary:${caregiverId ?? 'self'}:${date}`

/**
 * Daily summaries as `summary` events in the patient's store. Each (patient, caregiver or
 * patient-self, date) has one entity: the first generation appends it under a fixed
 * idempotency key, so concurrent generators write one event; a summary of a day that was not
 * over yet is brought up to date as a correction of that same entity.
 */
export class SummaryService {
  constructor(private readonly deps: SummaryServiceDeps) {}

  /** The current summary, or undefined. */
  async find(patientId: string, caregiverId: string | null, date: string): Promise<HealthEvent<'summary'> | undefined> {
    const contextId = summaryContextId(caregiverId, date)
    const page = await this.deps.events.list(patientId, { kinds: ['summary'], contextId, limit: 1 })
    return page.events[0] as HealthEvent<'summary'> | undefined
  }

  /**
   * Generates the summary unless a final one exists. `created` is true only for the first
   * version; a refresh of a day that was still running returns false. `expectNew` skips the
   * lookup (the scheduler has just claimed the job); a summary made on request meanwhile is
   * then met by the append, under the same key, and treated as if it had been found.
   */
  async ensure(
    patientId: string,
    caregiverId: string | null,
    date: string,
    opts: { language?: string; timezone?: string; expectNew?: boolean; shared?: readonly SharingCategory[] } = {},
  ): Promise<{ event: HealthEvent<'summary'>; created: boolean }> {
    const now = this.deps.now()
    let existing = opts.expectNew ? undefined : await this.find(patientId, caregiverId, date)
    if (existing && isFinal(existing, now)) return { event: existing, created: false }
    const payload = await this.generate(patientId, caregiverId, date, now, opts)
    if (!existing) {
      const contextId = summaryContextId(caregiverId, date)
      try {
        const { event, created } = await this.deps.events.append(patientId, {
          kind: 'summary',
          payload,
          source: 'system',
          context_id: contextId,
          idempotency_key: contextId,
        })
        if (created) return { event, created }
      } catch (err) {
        if (!(err instanceof EventConflictError)) throw err
      }
      existing = await this.find(patientId, caregiverId, date)
      // Its key is taken but nothing is current: the patient removed it.
      if (!existing) throw new EventConflictError('This summary was removed')
      if (isFinal(existing, now)) return { event: existing, created: false }
    }
    try {
      const event = await this.deps.events.correct(patientId, existing.id, { payload, source: 'system' })
      return { event: event as HealthEvent<'summary'>, created: false }
    } catch (err) {
      // Refreshed by someone else between our read and our write: theirs stands.
      if (!(err instanceof EventConflictError)) throw err
      return { event: (await this.find(patientId, caregiverId, date)) ?? existing, created: false }
    }
  }

  private async generate(
    patientId: string,
    caregiverId: string | null,
    date: string,
    now: Date,
    opts: { language?: string; timezone?: string; shared?: readonly SharingCategory[] },
  ) {
    const timezone = opts.timezone ?? (await patientTimezone(this.deps.events, patientId))
    // A caregiver's summary holds only what the patient shares with them.
    const scope = opts.shared ? summaryScope(opts.shared) : undefined
    const facts = await loadSummaryFacts(this.deps.events, patientId, date, now, timezone, this.deps.nameOf, scope)
    const narrative = await writeNarrative(facts, {
      model: this.deps.model,
      language: opts.language ?? 'en-IN',
      onFallback: (reason) =>
        this.deps.logger.warn({ patient_id: patientId, date, reason }, 'summary narrative fell back to the template'),
    })
    return {
      date,
      ...(caregiverId ? { caregiver_id: caregiverId } : {}),
      headline: facts.headline,
      narrative: narrative.text,
      facts: facts as unknown as Record<string, unknown>,
      generated_by: narrative.generated_by,
    }
  }
}

/** A summary made after its day ended is final; one made during the day is refreshed later. */
function isFinal(summary: HealthEvent<'summary'>, now: Date): boolean {
  const facts = summary.payload.facts as { complete?: boolean; as_of?: string }
  return facts.complete === true || facts.as_of === now.toISOString()
}
