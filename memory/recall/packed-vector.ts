/**
 * A vector as the local index keeps it, in the database (`bytea`) and in memory: sparse
 * (indices and values) when most of it is zero, as the hashed embedder's vectors are (a few
 * hundred features of 2,048), dense otherwise (a model's embedding). Sparse keeps a
 * 5,000-memory patient near 10 MB instead of 40 MB, and is quicker to load and to score.
 *
 * Byte layout, little-endian: u32 dimensions, u32 stored count, then for sparse u16 indices
 * (padded to 4 bytes) and f32 values, for dense f32 values only.
 */
export interface PackedVector {
  dims: number
  /** Absent when dense. */
  indices?: Uint16Array
  values: Float32Array
}

const HEADER_BYTES = 8

/** Sparse when it takes less room (6 bytes a stored value against 4 a dimension). */
export function packVector(v: Float32Array): PackedVector {
  let nnz = 0
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) nnz++
  if (v.length > 65_536 || nnz * 6 >= v.length * 4) return { dims: v.length, values: Float32Array.from(v) }
  const indices = new Uint16Array(nnz)
  const values = new Float32Array(nnz)
  for (let i = 0, k = 0; i < v.length; i++) {
    if (v[i] !== 0) {
      indices[k] = i
      values[k++] = v[i]!
    }
  }
  return { dims: v.length, indices, values }
}

export function encodePacked(p: PackedVector): Buffer {
  const count = p.values.length
  const indexBytes = p.indices ? align4(count * 2) : 0
  const buf = Buffer.alloc(HEADER_BYTES + indexBytes + count * 4)
  buf.writeUInt32LE(p.dims, 0)
  buf.writeUInt32LE(count, 4)
  if (p.indices) Buffer.from(p.indices.buffer, p.indices.byteOffset, count * 2).copy(buf, HEADER_BYTES)
  Buffer.from(p.values.buffer, p.values.byteOffset, count * 4).copy(buf, HEADER_BYTES + indexBytes)
  return buf
}

export function decodePacked(buf: Uint8Array): PackedVector {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  const dims = view.getUint32(0, true)
  const count = view.getUint32(4, true)
  const sparse = count !== dims
  const indexBytes = sparse ? align4(count * 2) : 0
  if (buf.byteLength !== HEADER_BYTES + indexBytes + count * 4) throw new Error('corrupt packed vector')
  // Copies into fresh, aligned arrays: the driver's buffer may sit at any offset of a shared one.
  const values = new Float32Array(count)
  new Uint8Array(values.buffer).set(buf.subarray(HEADER_BYTES + indexBytes, HEADER_BYTES + indexBytes + count * 4))
  if (!sparse) return { dims, values }
  const indices = new Uint16Array(count)
  new Uint8Array(indices.buffer).set(buf.subarray(HEADER_BYTES, HEADER_BYTES + count * 2))
  return { dims, indices, values }
}

/** The dot product of a packed vector with a dense one (both unit length: their cosine). */
export function dotPacked(p: PackedVector, dense: Float32Array): number {
  let sum = 0
  const { indices, values } = p
  if (indices) for (let k = 0; k < values.length; k++) sum += values[k]! * dense[indices[k]!]!
  else for (let i = 0; i < values.length; i++) sum += values[i]! * dense[i]!
  return sum
}

const align4 = (n: number) => (n + 3) & ~3

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  // Typed arrays use the host's byte order; every platform Node supports is little-endian.
  throw new Error('packed vectors assume a little-endian host')
}
