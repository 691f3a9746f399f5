import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { TokenService } from '../auth/tokens.js'
import type { Logger } from '../logger.js'
import { forbidden, notFound, unauthorized, toErrorBody, type PoddError } from '../../core/errors.js'
import { errorHeaders, httpStatusOf } from './error-status.js'
import type { AuthUser } from '../auth/auth-user.js'

export type SocketHandler = (socket: WebSocket, user: AuthUser, req: IncomingMessage) => void

/** The bearer token of an upgrade: the `bearer, <token>` subprotocol (browsers) or `?access_token=`. */
export function socketToken(req: IncomingMessage, url: URL): string | undefined {
  const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim())
  const i = protocols.findIndex((p) => p.toLowerCase() === 'bearer')
  if (i >= 0 && protocols[i + 1]) return protocols[i + 1]
  return url.searchParams.get('access_token') ?? undefined
}

/** Answers an upgrade that will not become a socket with the error envelope, and hangs up. */
function refuse(socket: Duplex, err: PoddError): void {
  const status = httpStatusOf(err.code)
  const body = JSON.stringify({ status: 'error', error: toErrorBody(err) })
  const headers = Object.entries(errorHeaders(err)).map(([k, v]) => `${k}: ${v}\r\n`).join('')
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `${headers}Connection: close\r\n\r\n${body}`,
  )
}

/**
 * WebSocket endpoints of the API (chat, voice). Every connection is authenticated with an access
 * token before it is accepted, and a browser page from an origin outside the CORS allow-list
 * cannot open one (cross-site WebSocket hijacking).
 */
export class WebSocketRoutes {
  private readonly server = new WebSocketServer({
    noServer: true,
    maxPayload: 2 * 1024 * 1024,
    // Echo "bearer" so browsers that authenticate by subprotocol accept the handshake.
    handleProtocols: (protocols) => (protocols.has('bearer') ? 'bearer' : false),
  })
  private readonly routes = new Map<string, SocketHandler>()

  constructor(
    private readonly tokens: TokenService,
    private readonly allowedOrigins: readonly string[],
    private readonly logger: Logger,
  ) {}

  route(path: string, handler: SocketHandler): void {
    this.routes.set(path, handler)
  }

  attach(http: Server): void {
    http.on('upgrade', (req, socket, head) => {
      this.upgrade(req, socket, head).catch((err) => {
        this.logger.error({ err }, 'websocket upgrade failed')
        socket.destroy()
      })
    })
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const handler = this.routes.get(url.pathname)
    if (!handler) return refuse(socket, notFound(`WebSocket at ${url.pathname}`))
    const origin = req.headers.origin
    if (origin && !this.allowedOrigins.includes(origin) && new URL(origin).host !== req.headers.host) {
      return refuse(socket, forbidden('This origin may not open a socket'))
    }
    const token = socketToken(req, url)
    const user = token ? await this.tokens.verifyAccessToken(token) : undefined
    if (!user) return refuse(socket, unauthorized('A valid access token is required'))
    this.server.handleUpgrade(req, socket, head, (ws) => {
      const alive = setInterval(() => ws.readyState === ws.OPEN && ws.ping(), 30_000)
      ws.on('close', () => clearInterval(alive))
      handler(ws, user, req)
    })
  }

  /** Closes every open socket (shutdown). */
  close(): void {
    for (const client of this.server.clients) client.close(1001, 'server shutting down')
    this.server.close()
  }
}
