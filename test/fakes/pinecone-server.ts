import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local stand-in for a Pinecone serverless index, for driving the real
 * `@pinecone-database/pinecone` SDK in tests. It serves the data-plane routes the SDK calls
 * (API version 2026-04): `POST /vectors/upsert`, `POST /query` (cosine, metadata filters with
 * `$eq $ne $gt $gte $lt $lte $in $nin $exists $and $or`), `POST /vectors/delete` (ids,
 * `deleteAll` or filter), `GET /vectors/fetch`, `POST /describe_index_stats`, and
 * `GET|DELETE /namespaces/{namespace}`, `GET /namespaces`; and the control plane's
 * `GET /indexes/{name}`. It checks the `Api-Key` header, keeps records in memory per
 * namespace, records every request, and fails on request.
 */

export type Metadata = Record<string, string | number | boolean | string[]>

export interface StoredRecord {
  id: string
  values: number[]
  metadata?: Metadata
}

export interface PineconeRequest {
  method: string
  path: string
  namespace?: string
  body?: Record<string, any>
}

export interface FakePinecone {
  /** Data and control plane both: `http://127.0.0.1:PORT`. */
  url: string
  apiKey: string
  /** Records by namespace, then id. */
  namespaces: Map<string, Map<string, StoredRecord>>
  requests: PineconeRequest[]
  /** The next `count` data-plane requests answer with this status (default one 503). */
  failNext(status?: number, count?: number): void
  close(): Promise<void>
}

export interface FakePineconeOptions {
  apiKey?: string
  /** Dimension of the index; upserts and queries of another length are refused as Pinecone does. */
  dimension?: number
  indexName?: string
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Starts the fake on a free loopback port. */
export async function startFakePinecone(opts: FakePineconeOptions = {}): Promise<FakePinecone> {
  const apiKey = opts.apiKey ?? 'pc-test-key'
  const indexName = opts.indexName ?? 'recall'
  const namespaces = new Map<string, Map<string, StoredRecord>>()
  const requests: PineconeRequest[] = []
  const failures: number[] = []
  let url = ''

  const ns = (name: unknown) => (typeof name === 'string' && name !== '' ? name : '__default__')
  const checkDimension = (values: unknown) => {
    const refuse = (message: string) => new HttpError(400, 'INVALID_ARGUMENT', message)
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'number')) throw refuse('values must be numbers')
    if (opts.dimension && values.length !== opts.dimension) {
      throw refuse(`Vector dimension ${values.length} does not match the dimension of the index ${opts.dimension}`)
    }
    if (values.every((v) => v === 0)) throw refuse('Dense vectors must contain at least one non-zero value')
  }

  const routes: Record<string, (req: PineconeRequest, query: URLSearchParams) => unknown> = {
    'POST /vectors/upsert': ({ body }) => {
      const vectors = body?.vectors as StoredRecord[] | undefined
      if (!Array.isArray(vectors) || vectors.length === 0) throw new HttpError(400, 'INVALID_ARGUMENT', 'give vectors')
      if (vectors.length > 1000) throw new HttpError(400, 'INVALID_ARGUMENT', 'at most 1000 vectors per upsert')
      const records = namespaces.get(ns(body!.namespace)) ?? new Map<string, StoredRecord>()
      for (const v of vectors) {
        checkDimension(v.values)
        records.set(v.id, { id: v.id, values: v.values, metadata: v.metadata })
      }
      namespaces.set(ns(body!.namespace), records)
      return { upsertedCount: vectors.length }
    },
    'POST /query': ({ body }) => {
      const topK = body?.topK
      if (!Number.isInteger(topK) || topK < 1 || topK > 10_000) {
        throw new HttpError(400, 'INVALID_ARGUMENT', 'topK must be 1..10000')
      }
      const records = namespaces.get(ns(body!.namespace)) ?? new Map()
      let vector = body!.vector as number[] | undefined
      if (body!.id) vector = records.get(body!.id)?.values
      if (!vector) return { matches: [], namespace: body!.namespace ?? '', usage: { readUnits: 1 } }
      checkDimension(vector)
      const matches = [...records.values()]
        .filter((r) => !body!.filter || matchesFilter(r.metadata ?? {}, body!.filter))
        .map((r) => ({ r, score: cosine(vector, r.values) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, topK)
        .map(({ r, score }) => ({
          id: r.id,
          score,
          values: body!.includeValues ? r.values : [],
          ...(body!.includeMetadata && r.metadata ? { metadata: r.metadata } : {}),
        }))
      return { matches, namespace: body!.namespace ?? '', usage: { readUnits: 5 } }
    },
    'POST /vectors/delete': ({ body }) => {
      const records = namespaces.get(ns(body?.namespace))
      if (body?.deleteAll) namespaces.delete(ns(body.namespace))
      else if (Array.isArray(body?.ids)) body!.ids.forEach((id: string) => records?.delete(id))
      else if (body?.filter) {
        for (const [id, r] of records ?? []) if (matchesFilter(r.metadata ?? {}, body.filter)) records!.delete(id)
      } else throw new HttpError(400, 'INVALID_ARGUMENT', 'give ids, deleteAll or filter')
      return {}
    },
    'GET /vectors/fetch': (_req, query) => {
      const records = namespaces.get(ns(query.get('namespace'))) ?? new Map()
      const ids = query.getAll('ids').filter((id) => records.has(id))
      const vectors = Object.fromEntries(ids.map((id) => [id, records.get(id)]))
      return { vectors, namespace: query.get('namespace') ?? '', usage: { readUnits: 1 } }
    },
    'POST /describe_index_stats': () => ({
      namespaces: Object.fromEntries([...namespaces].map(([name, r]) => [name, { vectorCount: r.size }])),
      dimension: opts.dimension ?? 0,
      indexFullness: 0,
      totalVectorCount: [...namespaces.values()].reduce((s, r) => s + r.size, 0),
      metric: 'cosine',
      vectorType: 'dense',
    }),
    'GET /namespaces': () => ({
      namespaces: [...namespaces].map(([name, r]) => ({ name, record_count: r.size })),
      total_count: namespaces.size,
    }),
  }

  const namespaceRoute = (method: string, name: string) => {
    const records = namespaces.get(name)
    if (!records) throw new HttpError(404, 'NOT_FOUND', `Namespace ${name} not found`)
    if (method === 'DELETE') {
      namespaces.delete(name)
      return {}
    }
    return { name, record_count: records.size }
  }

  const describeIndex = (name: string) => {
    if (name !== indexName) throw new HttpError(404, 'NOT_FOUND', `Resource ${name} not found`)
    return {
      name,
      dimension: opts.dimension,
      metric: 'cosine',
      host: url,
      vector_type: 'dense',
      deletion_protection: 'disabled',
      spec: { serverless: { cloud: 'aws', region: 'us-east-1' } },
      status: { ready: true, state: 'Ready' },
    }
  }

  const server = http.createServer(async (req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://localhost')
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString()
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    try {
      const body = raw ? (JSON.parse(raw) as Record<string, any>) : undefined
      const path = decodeURIComponent(parsed.pathname)
      const namespace = body?.namespace ?? parsed.searchParams.get('namespace') ?? undefined
      const recorded: PineconeRequest = { method: req.method ?? 'GET', path, body, namespace }
      requests.push(recorded)
      if (req.headers['api-key'] !== apiKey) throw new HttpError(401, 'UNAUTHENTICATED', 'Invalid API Key')
      const failure = failures.shift()
      if (failure) throw new HttpError(failure, 'UNAVAILABLE', 'the fake was told to fail')
      const nsMatch = /^\/namespaces\/(.+)$/.exec(path)
      const indexMatch = /^\/indexes\/([^/]+)$/.exec(path)
      if (nsMatch && (req.method === 'GET' || req.method === 'DELETE')) {
        recorded.namespace = nsMatch[1]
        return send(200, namespaceRoute(req.method, nsMatch[1]!))
      }
      if (indexMatch && req.method === 'GET') return send(200, describeIndex(indexMatch[1]!))
      const route = routes[`${req.method} ${path}`]
      if (!route) throw new HttpError(404, 'NOT_FOUND', `no route ${req.method} ${path}`)
      send(200, route(recorded, parsed.searchParams))
    } catch (err) {
      const e = err instanceof HttpError ? err : new HttpError(400, 'INVALID_ARGUMENT', String(err))
      send(e.status, { error: { code: e.code, message: e.message }, status: e.status })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    apiKey,
    namespaces,
    requests,
    failNext: (status = 503, count = 1) => failures.push(...Array.from({ length: count }, () => status)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function cosine(a: number[], b: number[]): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * (b[i] ?? 0)
    na += a[i]! * a[i]!
    nb += (b[i] ?? 0) * (b[i] ?? 0)
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0
}

type Value = string | number | boolean | string[] | undefined

/** Pinecone's metadata filter language; a list field matches when any of its items does. */
export function matchesFilter(meta: Metadata, filter: Record<string, any>): boolean {
  return Object.entries(filter).every(([key, cond]) => {
    if (key === '$and') return (cond as Record<string, any>[]).every((f) => matchesFilter(meta, f))
    if (key === '$or') return (cond as Record<string, any>[]).some((f) => matchesFilter(meta, f))
    const ops = cond !== null && typeof cond === 'object' && !Array.isArray(cond) ? cond : { $eq: cond }
    return Object.entries(ops).every(([op, arg]) => test(meta[key], op, arg))
  })
}

function test(value: Value, op: string, arg: any): boolean {
  const items: (string | number | boolean)[] = value === undefined ? [] : Array.isArray(value) ? value : [value]
  switch (op) {
    case '$eq':
      return items.includes(arg)
    case '$ne':
      return !items.includes(arg)
    case '$in':
      return items.some((v) => (arg as unknown[]).includes(v))
    case '$nin':
      return !items.some((v) => (arg as unknown[]).includes(v))
    case '$exists':
      return (value !== undefined) === Boolean(arg)
    case '$gt':
      return typeof value === 'number' && value > arg
    case '$gte':
      return typeof value === 'number' && value >= arg
    case '$lt':
      return typeof value === 'number' && value < arg
    case '$lte':
      return typeof value === 'number' && value <= arg
    default:
      throw new HttpError(400, 'INVALID_ARGUMENT', `unsupported filter operator ${op}`)
  }
}
