import type { EventKind } from '../event-kinds.js'

/** One remembered event as an index stores it: its vector and what search filters on. */
export interface MemoryVector {
  eventId: string
  kind: EventKind
  occurredAt: Date
  /** The words that were embedded (cut short); Pinecone keeps them, sealed, as metadata. */
  snippet: string
  values: Float32Array
}

export interface VectorQuery {
  vector: Float32Array
  topK: number
  kinds?: EventKind[]
  /** Inclusive. */
  from?: Date
  /** Exclusive. */
  to?: Date
}

export interface VectorMatch {
  eventId: string
  score: number
  kind: EventKind
  occurredAt: Date
}

/**
 * Where recall keeps each patient's vectors. Every method is scoped to one patient: an index
 * never answers one patient's query from another's vectors. Vectors carry the id of the
 * embedder that made them and a query only meets vectors of the same embedder.
 */
export interface VectorIndex {
  readonly name: 'local' | 'pinecone'
  /** Adds or replaces vectors by event id. */
  upsert(userId: string, embedderId: string, vectors: MemoryVector[]): Promise<void>
  /** Deletes vectors by event id; ids that are not indexed are ignored. */
  delete(userId: string, eventIds: string[]): Promise<void>
  /** Deletes every vector of a patient, of any embedder ("delete my data", and before a reindex). */
  deletePatient(userId: string): Promise<void>
  /** The most similar vectors of this patient and embedder, best first, cosine scores. */
  query(userId: string, embedderId: string, q: VectorQuery): Promise<VectorMatch[]>
  close(): Promise<void>
}
