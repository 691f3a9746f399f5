/**
 * Turns text into vectors for recall. Document and query vectors of one embedder live in the
 * same space; vectors of different embedders never meet (an index keeps each vector's embedder
 * id and searches only the current one's, so changing the embedder needs a reindex).
 */
export interface Embedder {
  /** Names the embedder and everything that shapes its vectors, e.g. `hashed-ngram-v1-2048`. */
  readonly id: string
  /**
   * Scores below this are noise for this embedder (unrelated texts still share a few
   * features), so search drops them and "nothing found" can be said honestly.
   */
  readonly minScore: number
  embedDocuments(texts: string[]): Promise<Float32Array[]>
  /** A zero vector when the query has no searchable words. */
  embedQuery(text: string): Promise<Float32Array>
}

/** Scales a vector to unit length in place (cosine similarity becomes a dot product); zero stays zero. */
export function normalizeInPlace(v: Float32Array): Float32Array {
  let sum = 0
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!
  if (sum === 0) return v
  const inv = 1 / Math.sqrt(sum)
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv
  return v
}

/** A vector with no feature at all: the embedding of text without searchable words. */
export function isZeroVector(v: Float32Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) return false
  return true
}
