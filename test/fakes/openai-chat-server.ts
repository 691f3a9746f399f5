import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** One scripted answer of the fake: a reply, tool calls, an HTTP failure or a slow response. */
export interface ScriptedReply {
  content?: string
  tool_calls?: { name: string; arguments: Record<string, unknown> | string; id?: string }[]
  status?: number
  /** A raw body for failures, e.g. an HTML error page from a gateway. */
  body?: string
  delayMs?: number
  usage?: { prompt_tokens: number; completion_tokens: number }
}

export interface RecordedRequest {
  model: string
  messages: { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }[]
  tools?: { type: string; function: { name: string; parameters: unknown } }[]
  tool_choice?: unknown
  stream?: boolean
  stream_options?: { include_usage?: boolean }
  authorization?: string
  /** How long the fake took to answer, for subtracting model time in benchmarks. */
  durationMs?: number
}

export interface FakeOpenAI {
  url: string
  requests: RecordedRequest[]
  /** Queues answers, consumed one per request in order; an empty queue answers "OK.". */
  script(...replies: ScriptedReply[]): void
  close(): Promise<void>
}

/** Valid arguments per tool, for the fake's automatic mode. */
const AUTO_ARGS: Record<string, Record<string, unknown>> = {
  route: { agents: ['general'] },
  log_vitals: { heart_rate: 72 },
  log_meal: { description: 'dal and rice', items: [{ name: 'dal' }, { name: 'rice' }] },
  log_water: { amount_ml: 250 },
  log_dose: { medication_name: 'Metformin', status: 'taken' },
  log_symptom: { name: 'headache' },
  log_mood: { mood: 'good' },
  get_vitals_history: {},
  get_food_totals: {},
  get_doses_today: {},
}

/**
 * What a tool-using model typically does, for load tests: call one of the offered tools, then
 * answer in words once the tool has replied.
 */
function autoReply(body: RecordedRequest): ScriptedReply {
  if (body.messages.at(-1)?.role === 'tool' || !body.tools?.length) return { content: 'Done. Anything else I can log for you?' }
  const tool = body.tools.map((t) => t.function.name).find((name) => AUTO_ARGS[name])
  return tool ? { tool_calls: [{ name: tool, arguments: AUTO_ARGS[tool]! }] } : { content: 'OK.' }
}

/**
 * A local server speaking OpenAI's chat completions wire protocol (JSON and SSE streaming with
 * usage), for driving the real ChatOpenAI client in tests. With `auto`, an empty script makes it
 * behave like a tool-calling model (benchmarks).
 */
export async function startFakeOpenAI(opts: { auto?: boolean } = {}): Promise<FakeOpenAI> {
  const queue: ScriptedReply[] = []
  const requests: RecordedRequest[] = []
  let n = 0

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' })
      return res.end(JSON.stringify({ error: { message: 'not found' } }))
    }
    const body = JSON.parse(Buffer.concat(chunks).toString()) as RecordedRequest
    const recorded: RecordedRequest = { ...body, authorization: req.headers.authorization }
    requests.push(recorded)
    const started = performance.now()
    res.on('finish', () => (recorded.durationMs = performance.now() - started))
    const reply = queue.shift() ?? (opts.auto ? autoReply(body) : { content: 'OK.' })
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs))
    if (res.destroyed) return
    if (reply.status && reply.status >= 400) {
      res.writeHead(reply.status, { 'content-type': reply.body?.startsWith('<') ? 'text/html' : 'application/json' })
      return res.end(reply.body ?? JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }))
    }
    const id = `chatcmpl-${++n}`
    const usage = reply.usage ?? { prompt_tokens: 100, completion_tokens: 20 }
    const toolCalls = (reply.tool_calls ?? []).map((t, i) => ({
      id: t.id ?? `call_${n}_${i}`,
      type: 'function',
      function: { name: t.name, arguments: typeof t.arguments === 'string' ? t.arguments : JSON.stringify(t.arguments) },
    }))
    const finish = toolCalls.length ? 'tool_calls' : 'stop'
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' })
      return res.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply.content ?? null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) }, finish_reason: finish }],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        }),
      )
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    const send = (delta: unknown, finishReason: string | null = null) =>
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`)
    send({ role: 'assistant', content: '' })
    for (const word of reply.content?.match(/\S+\s*/g) ?? []) send({ content: word })
    toolCalls.forEach((t, index) => send({ tool_calls: [{ index, id: t.id, type: 'function', function: { name: t.function.name, arguments: t.function.arguments } }] }))
    send({}, finish)
    if (body.stream_options?.include_usage) {
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: body.model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`)
    }
    res.end('data: [DONE]\n\n')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}
