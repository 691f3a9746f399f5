import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local stand-in for an OpenAI-compatible `POST /v1/embeddings`, for driving the real
 * `openai` client (through LangChain's OpenAIEmbeddings) in tests. Its vectors are a toy
 * model of meaning: words map to concepts (salt and sodium are one concept, knee and joint
 * another), so a test can tell an embedder of meanings from one of words. It checks the bearer
 * key, answers `encoding_format` float or base64 as OpenAI does, and records each request.
 */

export interface EmbeddingsRequest {
  model: string
  input: string[]
  encoding_format?: string
  authorization?: string
}

export interface FakeEmbeddings {
  /** The base URL a client is given, ending in `/v1`. */
  baseUrl: string
  requests: EmbeddingsRequest[]
  /** The next `count` requests answer with this status (default one 500). */
  failNext(status?: number, count?: number): void
  close(): Promise<void>
}

export const FAKE_EMBEDDING_DIMENSIONS = 64

const CONCEPTS: Record<string, string> = {
  salt: 'salt', sodium: 'salt', namak: 'salt',
  knee: 'joint', joint: 'joint', knees: 'joint', ghutne: 'joint',
  hurting: 'pain', pain: 'pain', ache: 'pain', dard: 'pain', sore: 'pain',
  doctor: 'doctor', dr: 'doctor', physician: 'doctor',
  dizzy: 'dizzy', chakkar: 'dizzy', giddy: 'dizzy',
  sugar: 'glucose', glucose: 'glucose',
}

/** The toy model: one dimension per concept (or hashed word), unit length. */
export function fakeEmbedding(text: string): number[] {
  const v: number[] = new Array<number>(FAKE_EMBEDDING_DIMENSIONS).fill(0)
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2 || CONCEPTS[w])) {
    const key = CONCEPTS[word] ?? word
    let h = 7
    for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0
    v[h % FAKE_EMBEDDING_DIMENSIONS]! += 1
  }
  if (!v.some((x) => x !== 0)) v[0] = 1
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0))
  return v.map((x) => x / norm)
}

/** Starts the fake on a free loopback port. */
export async function startFakeEmbeddings(opts: { apiKey?: string } = {}): Promise<FakeEmbeddings> {
  const apiKey = opts.apiKey ?? 'sk-test'
  const requests: EmbeddingsRequest[] = []
  const failures: number[] = []
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const refuse = (status: number, message: string, code?: string) =>
      send(status, { error: { message, type: status >= 500 ? 'server_error' : 'invalid_request_error', code } })
    if (req.method !== 'POST' || req.url !== '/v1/embeddings') return refuse(404, 'not found')
    type Body = { model?: string; input?: string | string[]; encoding_format?: string }
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Body
    const input = typeof body.input === 'string' ? [body.input] : (body.input ?? [])
    const { authorization } = req.headers
    requests.push({ model: body.model ?? '', input, encoding_format: body.encoding_format, authorization })
    if (authorization !== `Bearer ${apiKey}`) return refuse(401, 'Incorrect API key provided', 'invalid_api_key')
    const failure = failures.shift()
    if (failure) return refuse(failure, 'the fake was told to fail')
    if (!body.model || input.length === 0) return refuse(400, 'model and input are required')
    const data = input.map((text, index) => {
      const values = fakeEmbedding(text)
      const base64 = () => Buffer.from(new Float32Array(values).buffer).toString('base64')
      const embedding = body.encoding_format === 'base64' ? base64() : values
      return { object: 'embedding', index, embedding }
    })
    const tokens = input.reduce((s, t) => s + t.split(/\s+/).length, 0)
    send(200, { object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    failNext: (status = 500, count = 1) => failures.push(...Array.from({ length: count }, () => status)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
