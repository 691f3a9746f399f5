import { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { authRoutes } from './auth/auth-routes.js'
import { sessionRoutes } from './auth/session-routes.js'
import { chatRoutes } from './chat/chat-routes.js'
import { chatSocket } from './chat/chat-socket.js'
import { voiceRoutes } from './voice/voice-routes.js'
import { voiceSocket } from './voice/voice-socket.js'
import { eventsRoutes } from './events/events-routes.js'
import { memoryRoutes } from './memory-search/memory-routes.js'
import { careRoutes } from './care/care-routes.js'
import { exportRoutes } from './export/export-routes.js'
import { careSocket } from './care/care-socket.js'
import type { AppEnv } from './http/app-env.js'
import { docsRoutes } from './http/docs-routes.js'
import { errorResponse, onError, onNotFound } from './http/error-handler.js'
import { opsRoutes } from './http/ops-routes.js'
import { webAppRoutes } from './http/web-app.js'
import { validationHook } from './http/openapi.js'
import { requestContext } from './http/request-context.js'
import { corsAllowList, securityHeaders } from './http/response-headers.js'
import { closeAfterUnreadBody } from './http/unread-body.js'
import type { Services } from './services.js'
import { PoddError } from '../core/errors.js'

/** Builds the whole HTTP API over the given services. The server, tests and benchmarks all use it. */
export function createApp(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  const { config } = s

  app.use(requestContext(s.logger, s.metrics))
  app.use(securityHeaders())
  app.use(corsAllowList(config.CORS_ORIGINS))
  app.use(closeAfterUnreadBody())
  const limitFor = (maxSize: number) =>
    bodyLimit({
      maxSize,
      // The rest of the body is never read, so the connection cannot carry another request.
      onError: (c) =>
        errorResponse(c, new PoddError('PAYLOAD_TOO_LARGE', `Request body exceeds ${maxSize} bytes`), { Connection: 'close' }),
    })
  const limits: { prefix: string; limit: ReturnType<typeof limitFor> }[] = [
    { prefix: '/api/v1/voice', limit: limitFor(config.VOICE_MAX_BYTES) },
  ]
  const defaultLimit = limitFor(config.BODY_LIMIT_BYTES)
  app.use(async function bodyLimitByPath(c, next) {
    // Reading the raw request would rebuild it in @hono/node-server; bodiless methods skip it.
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next()
    return (limits.find((l) => c.req.path.startsWith(l.prefix))?.limit ?? defaultLimit)(c, next)
  })
  app.use(methodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) =>
      errorResponse(c, new PoddError('METHOD_NOT_ALLOWED', `${c.req.method} is not allowed here; use ${methods.join(', ')}`), {
        Allow: methods.join(', '),
      }),
  }))

  app.route('/', opsRoutes(s))
  app.route('/', docsRoutes())
  app.route('/api/v1/auth/session', sessionRoutes(s))
  app.route('/api/v1/auth', authRoutes(s))
  app.route('/api/v1', eventsRoutes(s))
  app.route('/api/v1/memory', memoryRoutes(s))
  app.route('/api/v1', chatRoutes(s))
  app.route('/api/v1', voiceRoutes(s))
  app.route('/api/v1', careRoutes(s))
  app.route('/api/v1', exportRoutes(s))
  // Frame limits: a chat message is at most 4,000 characters; voice frames are PCM of a second
  // or so (96 KB at 48 kHz); the care socket only ever hears pings.
  s.sockets.route('/api/v1/ws', chatSocket(s, s.logger), { maxPayload: 64 * 1024 })
  s.sockets.route('/api/v1/voice/stream', voiceSocket(s), { maxPayload: 1024 * 1024 })
  s.sockets.route('/api/v1/care/ws', careSocket(s), { maxPayload: 4 * 1024 })

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Podd API',
      version: '1',
      description: 'Health assistant: chat and voice turns, health events, caregivers and summaries.',
    },
  })

  // Last: the web app answers only what no API route did.
  app.route('/', webAppRoutes())

  app.onError(onError)
  app.notFound(onNotFound)
  return app
}
