import { Errors, Pinecone, type Index } from '@pinecone-database/pinecone'
import type { PatientKeys } from '../encryption/patient-keys.js'
import type { EventKind } from '../event-kinds.js'
import type { MemoryVector, VectorIndex, VectorMatch, VectorQuery } from './vector-index.js'

/** What each Pinecone record carries beside its values: enough to filter, audit and show. */
export type RecallMetadata = {
  user_id: string
  event_id: string
  kind: string
  /** Epoch seconds (fractional), a number so that range filters work. */
  occurred_at: number
  /** The remembered words, sealed with the patient's data key (base64): Pinecone never holds them readable. */
  snippet: string
  embedder: string
}

export interface PineconeIndexOptions {
  apiKey: string
  /** The index's data-plane host, e.g. `https://recall-abc123.svc.aped-1234.pinecone.io`. */
  indexHost: string
  /** The control plane; only needed for a non-default one (a local Pinecone). */
  controllerHost?: string
  /** Retries of a failed request after the first attempt. Default 2. */
  maxRetries?: number
  /** Prefix of each patient's namespace. Default `patient-`. */
  namespacePrefix?: string
  /** Patients' data keys: snippets are sealed with them before they leave for Pinecone. */
  keys: PatientKeys
}

/** What a sealed snippet is bound to: its event. */
export const snippetAad = (eventId: string) => `recall-snippet|${eventId}`

// Pinecone's limits: 1,000 ids per delete; 2 MB per upsert, about 100 records of 2,048 dimensions.
const UPSERT_CHUNK = 100
const DELETE_CHUNK = 1000

/**
 * Recall at scale: Pinecone through its official SDK, one namespace per patient (a query scans
 * only that patient's records, and deleting the namespace deletes their memories). Every
 * record also carries the patient's id and every query filters on it, so a namespace mix-up
 * still cannot return another patient's memory. The index must be dense, cosine, with the
 * embedder's dimensions (2,048 for the offline embedder).
 */
export class PineconeIndex implements VectorIndex {
  readonly name = 'pinecone'
  private readonly client: Pinecone
  private readonly prefix: string

  constructor(private readonly opts: PineconeIndexOptions) {
    this.client = new Pinecone({
      apiKey: opts.apiKey,
      maxRetries: opts.maxRetries ?? 2,
      ...(opts.controllerHost ? { controllerHostUrl: opts.controllerHost } : {}),
    })
    this.prefix = opts.namespacePrefix ?? 'patient-'
  }

  /** The namespace of a patient's memories. */
  namespaceOf(userId: string): string {
    return `${this.prefix}${userId}`
  }

  async upsert(userId: string, embedderId: string, vectors: MemoryVector[]): Promise<void> {
    const ns = this.patient(userId)
    const key = await this.opts.keys.forWrite(userId)
    for (let i = 0; i < vectors.length; i += UPSERT_CHUNK) {
      await ns.upsert({
        records: vectors.slice(i, i + UPSERT_CHUNK).map((v) => ({
          id: v.eventId,
          values: Array.from(v.values),
          metadata: {
            user_id: userId,
            event_id: v.eventId,
            kind: v.kind,
            occurred_at: v.occurredAt.getTime() / 1000,
            snippet: key.seal(v.snippet, snippetAad(v.eventId)).toString('base64'),
            embedder: embedderId,
          },
        })),
      })
    }
  }

  async delete(userId: string, eventIds: string[]): Promise<void> {
    const ns = this.patient(userId)
    for (let i = 0; i < eventIds.length; i += DELETE_CHUNK) {
      await ns.deleteMany({ ids: eventIds.slice(i, i + DELETE_CHUNK) })
    }
  }

  async deletePatient(userId: string): Promise<void> {
    try {
      await this.patient(userId).deleteNamespace(this.namespaceOf(userId))
    } catch (err) {
      // Nothing was ever indexed for this patient: already as deleted as it gets.
      if (!(err instanceof Errors.PineconeNotFoundError)) throw err
    }
  }

  async query(userId: string, embedderId: string, q: VectorQuery): Promise<VectorMatch[]> {
    const filter: Record<string, unknown>[] = [{ user_id: { $eq: userId } }, { embedder: { $eq: embedderId } }]
    if (q.kinds?.length) filter.push({ kind: { $in: q.kinds } })
    if (q.from) filter.push({ occurred_at: { $gte: q.from.getTime() / 1000 } })
    if (q.to) filter.push({ occurred_at: { $lt: q.to.getTime() / 1000 } })
    const res = await this.patient(userId).query({
      vector: Array.from(q.vector),
      topK: q.topK,
      filter: { $and: filter },
      includeMetadata: true,
      includeValues: false,
    })
    return res.matches.flatMap((m) => {
      const meta = m.metadata
      // Defence in depth: a record of anyone else is never an answer, whatever the filter did.
      if (!meta || meta.user_id !== userId || m.score === undefined) return []
      const occurredAt = new Date(meta.occurred_at * 1000)
      return [{ eventId: m.id, score: m.score, kind: meta.kind as EventKind, occurredAt }]
    })
  }

  async close(): Promise<void> {}

  private patient(userId: string): Index<RecallMetadata> {
    return this.client.index<RecallMetadata>({ host: this.opts.indexHost, namespace: this.namespaceOf(userId) })
  }
}
