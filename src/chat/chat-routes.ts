import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { streamSSE } from 'hono/streaming'
import { requireRole } from '../auth/require-auth.js'
import { HealthEventSchema } from '../events/event-schemas.js'
import type { TurnFrame } from '../graph/turn-types.js'
import { AGENTS } from '../graph/turn-types.js'
import type { AppEnv } from '../http/app-env.js'
import { errorResponses, jsonBody, jsonContent, validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'
import { toErrorBody } from '../../core/errors.js'
import { Text } from '../../core/text.js'

export const ChatRequest = z
  .object({
    message: Text.trim().min(1, 'say something').max(4000),
    thread_id: z.string().uuid().optional().describe('Continue a thread; omit to start one'),
  })
  .strict()
  .openapi('ChatRequest')

const TurnResultSchema = z
  .object({
    thread_id: z.string(),
    reply: z.string(),
    routes: z.array(z.enum(AGENTS)),
    events: z.array(HealthEventSchema).describe('Events written this turn'),
    emergency: z.boolean(),
    model: z.object({
      provider: z.enum(['offline', 'openai']),
      fallback: z.boolean(),
      fallback_reason: z.string().nullable(),
      llm_calls: z.number(),
      input_tokens: z.number(),
      output_tokens: z.number(),
    }),
    graph_ms: z.number(),
  })
  .openapi('TurnResult')

const chat = createRoute({
  method: 'post',
  path: '/chat',
  tags: ['chat'],
  security: [{ Bearer: [] }],
  summary: 'One conversation turn',
  description:
    'With `Accept: text/event-stream` the turn streams as SSE frames: `route`, `token`, `event`, then `done` with the JSON ' +
    'below (or `error`). Closing the connection cancels the turn.',
  request: { body: jsonBody(ChatRequest) },
  responses: {
    200: { description: 'The turn', content: { 'application/json': { schema: TurnResultSchema }, 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const ThreadSchema = z.object({ thread_id: z.string(), title: z.string(), last_message_at: z.string(), messages: z.number() })

const threads = createRoute({
  method: 'get',
  path: '/threads',
  tags: ['chat'],
  security: [{ Bearer: [] }],
  summary: "The patient's conversation threads, newest first",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }) },
  responses: { 200: jsonContent(z.object({ threads: z.array(ThreadSchema) }), 'Threads'), ...errorResponses(400, 401) },
})

const messages = createRoute({
  method: 'get',
  path: '/threads/{id}/messages',
  tags: ['chat'],
  security: [{ Bearer: [] }],
  summary: "A thread's messages, oldest first",
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: jsonContent(
      z.object({
        thread_id: z.string(),
        messages: z.array(z.object({ id: z.string(), role: z.enum(['user', 'assistant']), text: z.string(), at: z.string(), routes: z.array(z.string()).optional(), emergency: z.boolean().optional() })),
      }),
      'Messages',
    ),
    ...errorResponses(401, 404),
  },
})

/** The data part of an SSE frame: the frame without its type, which is the SSE event name. */
export function frameData(frame: TurnFrame): string {
  const { type: _type, ...data } = frame
  return JSON.stringify(frame.type === 'done' ? frame.result : data)
}

export function chatRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('/chat', s.requireAuth, requireRole('patient'))
  app.use('/threads', s.requireAuth)
  app.use('/threads/*', s.requireAuth)

  app.openapi(chat, async (c) => {
    const body = c.req.valid('json')
    const input = { userId: c.get('user').id, message: body.message, threadId: body.thread_id, source: 'chat' as const, requestId: c.get('requestId') }
    if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
      return c.json(await s.conversation.run(input), 200)
    }
    // The thread is checked before the stream starts, so a wrong one is still a plain 404.
    const aborted = new AbortController()
    const frames = s.conversation.stream({ ...input, signal: aborted.signal })
    const first = await frames.next()
    const sse = streamSSE(c, async (stream) => {
      stream.onAbort(() => aborted.abort())
      try {
        if (!first.done) await stream.writeSSE({ event: first.value.type, data: frameData(first.value) })
        for await (const frame of frames) await stream.writeSSE({ event: frame.type, data: frameData(frame) })
      } catch (err) {
        if (aborted.signal.aborted) return
        const error = toErrorBody(err, (e) => c.get('logger').error({ err: e }, 'chat stream failed'))
        await stream.writeSSE({ event: 'error', data: JSON.stringify({ error }) })
      }
    })
    // streamSSE says no-cache (revalidate before reuse); a turn's frames are health data that
    // nobody may keep at all.
    sse.headers.set('Cache-Control', 'no-store')
    return sse as never
  })

  app.openapi(threads, async (c) => c.json({ threads: await s.conversation.listThreads(c.get('user').id, c.req.valid('query').limit) }, 200))

  app.openapi(messages, async (c) => {
    const threadId = c.req.valid('param').id
    const events = await s.conversation.threadMessages(c.get('user').id, threadId)
    return c.json(
      {
        thread_id: threadId,
        messages: events.map((e) => ({
          id: e.id,
          role: e.payload.role as 'user' | 'assistant',
          text: String(e.payload.text),
          at: e.occurred_at,
          ...(e.payload.routes ? { routes: e.payload.routes as string[] } : {}),
          ...(e.payload.emergency !== undefined ? { emergency: Boolean(e.payload.emergency) } : {}),
        })),
      },
      200,
    )
  })
  return app
}
