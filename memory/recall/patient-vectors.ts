import type { EventKind } from '../event-kinds.js'
import { dotPacked, type PackedVector } from './packed-vector.js'
import { TopK } from './top-k.js'

export interface PatientRow {
  eventId: string
  kind: EventKind
  /** occurred_at, epoch ms. */
  at: number
  vector: PackedVector
}

export interface RowFilter {
  kinds?: ReadonlySet<string>
  from: number
  to: number
}

export interface RowMatch {
  eventId: string
  kind: EventKind
  at: number
  score: number
}

/**
 * Below this many rows a patient is scored row by row; from here on an inverted index pays.
 * Most patients stay below it, and an index costs an 8 KB table of its own.
 */
const INVERTED_MIN_ROWS = 256
/** Rows written since the inverted index was built are scored row by row, up to this share. */
const TAIL_SHARE = 0.25
// Estimated bytes of a row besides its vector: the row object, two typed-array headers, the id
// string and its map entry (measured: ~29 MB of heap for 1,000 patients × 20 rows).
const ROW_OVERHEAD_BYTES = 420

/**
 * One patient's vectors in memory, laid out for exact search.
 *
 * Every row keeps its packed vector. Once a patient has a few hundred sparse rows (the hashed
 * embedder's: ~150 non-zero of 2,048), an inverted index is built over them: for each
 * dimension, the rows with a value there, in three flat typed arrays. A query then touches
 * only the postings of its own non-zero dimensions (about 50) instead of every value of every
 * row: 5,000 memories score in about a millisecond instead of 3–8 ms. Rows written since the
 * build are scored row by row until they are a quarter of the whole, then it is rebuilt.
 * Dense rows (a model's embeddings) are always scanned in full, which is all exact search can do.
 *
 * Removal clears a row; the rows are renumbered once a quarter of them are gone.
 */
export class PatientVectors {
  private rows: (PatientRow | undefined)[] = []
  private readonly rowOf = new Map<string, number>()
  private dead = 0
  private denseRows = 0
  private vectorBytes = 0
  private inverted: InvertedIndex | undefined

  constructor(readonly dims: number) {}

  get size(): number {
    return this.rowOf.size
  }

  /** Estimated bytes held, for the cache's budget. */
  get bytes(): number {
    return this.vectorBytes + this.rows.length * ROW_OVERHEAD_BYTES + (this.inverted?.bytes ?? 0)
  }

  /** Adds a row, replacing the one of the same event. */
  set(row: PatientRow): void {
    if (row.vector.dims !== this.dims) throw new Error(`vector has ${row.vector.dims} dimensions, index has ${this.dims}`)
    this.delete(row.eventId)
    this.rowOf.set(row.eventId, this.rows.push(row) - 1)
    this.vectorBytes += packedBytes(row.vector)
    if (!row.vector.indices) this.denseRows++
  }

  delete(eventId: string): void {
    const r = this.rowOf.get(eventId)
    if (r === undefined) return
    const row = this.rows[r]!
    this.rowOf.delete(eventId)
    this.rows[r] = undefined
    this.vectorBytes -= packedBytes(row.vector)
    if (!row.vector.indices) this.denseRows--
    if (++this.dead > 64 && this.dead * 4 > this.rows.length) this.compact()
  }

  /** The k rows most similar to a unit query vector (dot product = cosine), best first. */
  search(query: Float32Array, k: number, filter: RowFilter): RowMatch[] {
    const n = this.rows.length
    const scores = new Float32Array(n)
    const scored = new Uint8Array(n)
    const inverted = this.currentInverted()
    if (inverted) inverted.score(query, scores, scored)
    for (let r = inverted?.coveredRows ?? 0; r < n; r++) {
      const row = this.rows[r]
      if (!row) continue
      scores[r] = dotPacked(row.vector, query)
      scored[r] = 1
    }
    const top = new TopK<PatientRow>(k)
    for (let r = 0; r < n; r++) {
      const row = this.rows[r]
      if (!scored[r] || !row) continue
      if (row.at < filter.from || row.at >= filter.to || (filter.kinds && !filter.kinds.has(row.kind))) continue
      top.offer(scores[r]!, row)
    }
    return top.best().map(({ score, item }) => ({ eventId: item.eventId, kind: item.kind, at: item.at, score }))
  }

  /** The inverted index over the rows so far, rebuilt when too many rows came after it. */
  private currentInverted(): InvertedIndex | undefined {
    const n = this.rows.length
    if (this.denseRows > 0 || n - this.dead < INVERTED_MIN_ROWS) return (this.inverted = undefined)
    const covered = this.inverted?.coveredRows ?? 0
    if (!this.inverted || n - covered > covered * TAIL_SHARE) this.inverted = InvertedIndex.build(this.rows, this.dims)
    return this.inverted
  }

  /** Drops cleared rows and renumbers the rest (the inverted index is rebuilt when next needed). */
  private compact(): void {
    this.rows = this.rows.filter((r): r is PatientRow => r !== undefined)
    this.rowOf.clear()
    this.rows.forEach((r, i) => this.rowOf.set(r!.eventId, i))
    this.dead = 0
    this.inverted = undefined
  }
}

/**
 * Postings of sparse rows by dimension, in flat arrays: the rows with a value in dimension d
 * are `rowIds[start[d] … start[d+1])`.
 */
class InvertedIndex {
  private constructor(
    private readonly start: Int32Array,
    private readonly rowIds: Uint32Array,
    private readonly values: Float32Array,
    readonly coveredRows: number,
  ) {}

  static build(rows: readonly (PatientRow | undefined)[], dims: number): InvertedIndex {
    const start = new Int32Array(dims + 1)
    for (const row of rows) if (row) for (const d of row.vector.indices!) start[d + 1]!++
    for (let d = 0; d < dims; d++) start[d + 1]! += start[d]!
    const fill = start.slice(0, dims)
    const rowIds = new Uint32Array(start[dims]!)
    const values = new Float32Array(start[dims]!)
    rows.forEach((row, r) => {
      if (!row) return
      const { indices, values: vals } = row.vector
      for (let k = 0; k < vals.length; k++) {
        const at = fill[indices![k]!]!++
        rowIds[at] = r
        values[at] = vals[k]!
      }
    })
    return new InvertedIndex(start, rowIds, values, rows.length)
  }

  get bytes(): number {
    return this.start.byteLength + this.rowIds.byteLength + this.values.byteLength
  }

  /** Adds each covered row's dot product with the query into `scores`, marking the rows it touched. */
  score(query: Float32Array, scores: Float32Array, scored: Uint8Array): void {
    for (let d = 0; d < query.length; d++) {
      const q = query[d]!
      if (q === 0) continue
      for (let j = this.start[d]!, end = this.start[d + 1]!; j < end; j++) {
        const r = this.rowIds[j]!
        scores[r] = scores[r]! + q * this.values[j]!
        scored[r] = 1
      }
    }
  }
}

const packedBytes = (v: PackedVector) => v.values.byteLength + (v.indices?.byteLength ?? 0)
