import { describe, expect, it } from 'vitest'
import { normalizeInPlace } from './embedder.js'
import { decodePacked, dotPacked, encodePacked, packVector } from './packed-vector.js'
import { PatientVectors } from './patient-vectors.js'

/** A deterministic pseudo-random unit vector, sparse when `density` < 1. */
function vector(seed: number, dims: number, density: number): Float32Array {
  const v = new Float32Array(dims)
  let s = seed * 2654435761
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32)
  for (let i = 0; i < dims; i++) if (next() < density) v[i] = next() * 2 - 1
  return normalizeInPlace(v)
}

const everything = { from: -Infinity, to: Infinity }

describe('packed vectors', () => {
  it('Should pack mostly-zero vectors sparse and full ones dense, and round-trip both through bytes', () => {
    for (const [density, sparse] of [[0.05, true], [1, false]] as const) {
      const v = vector(7, 2048, density)
      const packed = packVector(v)
      expect(packed.indices !== undefined).toBe(sparse)
      const decoded = decodePacked(encodePacked(packed))
      expect(decoded).toEqual(packed)
      expect(dotPacked(decoded, v)).toBeCloseTo(1, 5)
    }
    expect(encodePacked(packVector(vector(7, 2048, 0.05))).byteLength).toBeLessThan(2048)
  })

  it('Should refuse bytes that are not a packed vector', () => {
    expect(() => decodePacked(Buffer.from([1, 0, 0, 0, 9, 0, 0, 0]))).toThrow(/corrupt/)
  })
})

describe('PatientVectors', () => {
  for (const [name, density] of [['sparse', 0.08], ['dense', 1]] as const) {
    it(`Should rank exactly as brute force over ${name} vectors: indexed, appended after, deleted, compacted`, () => {
      const dims = 256
      const rows = new PatientVectors(dims)
      const kept = new Map<string, { v: Float32Array; kind: string; at: number }>()
      const put = (i: number, seed = i + 1) => {
        const v = vector(seed, dims, density)
        const row = { eventId: `e${i}`, kind: i % 2 ? ('chat' as const) : ('symptom' as const), at: i, vector: packVector(v) }
        rows.set(row)
        kept.set(row.eventId, { v, kind: row.kind, at: i })
      }
      const query = vector(4242, dims, density)
      const filter = { kinds: new Set(['chat']), from: 10, to: Infinity }
      const expectBruteForce = () => {
        const expected = [...kept]
          .filter(([, r]) => r.kind === 'chat' && r.at >= 10)
          .map(([id, r]) => ({ id, score: r.v.reduce((s, x, d) => s + x * query[d]!, 0) }))
          .filter((m) => m.score !== 0)
          .sort((a, b) => b.score - a.score)
          .slice(0, 10)
        const got = rows.search(query, 10, filter)
        expect(got.map((m) => m.eventId)).toEqual(expected.map((m) => m.id))
        got.forEach((m, i) => expect(m.score).toBeCloseTo(expected[i]!.score, 5))
        expect(rows.size).toBe(kept.size)
      }
      for (let i = 0; i < 600; i++) put(i)
      expectBruteForce()
      // Rows after the inverted index was built are scored row by row, replacements included.
      for (let i = 600; i < 650; i++) put(i)
      put(1, 999)
      expectBruteForce()
      // Enough removals for the rows to be renumbered (over a quarter gone).
      for (let i = 0; i < 650; i += 3) {
        rows.delete(`e${i}`)
        kept.delete(`e${i}`)
      }
      expectBruteForce()
      for (let i = 650; i < 900; i++) put(i)
      expectBruteForce()
    })
  }

  it('Should not return deleted rows and should count its bytes', () => {
    const rows = new PatientVectors(64)
    const v = vector(1, 64, 1)
    rows.set({ eventId: 'a', kind: 'chat', at: 0, vector: packVector(v) })
    expect(rows.search(v, 5, everything).map((m) => m.eventId)).toEqual(['a'])
    expect(rows.bytes).toBeGreaterThan(64 * 4)
    rows.delete('a')
    expect(rows.search(v, 5, everything)).toEqual([])
    expect(() => rows.set({ eventId: 'b', kind: 'chat', at: 0, vector: packVector(vector(1, 32, 1)) })).toThrow(/dimensions/)
  })
})
