import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { TokenService } from '../auth/tokens.js'
import type { Logger } from '../logger.js'
import { forbidden, notFound, unauthorized } from '../../core/errors.js'
import { endWithError } from './raw-error.js'
import type { AuthUser } from '../auth/auth-user.js'

export type SocketHandler = (socket: WebSocket, user: AuthUser, req: IncomingMessage) => void

/** The bearer token of an upgrade: the `bearer, <token>` subprotocol (browsers) or `?access_token=`. */
export function socketToken(req: IncomingMessage, url: URL): string | undefined {
  const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim())
  const i = protocols.findIndex((p) => p.toLowerCase() === 'bearer')
  if (i >= 0 && protocols[i + 1]) return protocols[i + 1]
  return url.searchParams.get('access_token') ?? undefined
}

export interface SocketRouteOptions {
  /** The largest frame a client may send, in bytes; a larger one closes the socket with 1009. */
  maxPayload: number
}

interface SocketRoute {
  handler: SocketHandler
  server: WebSocketServer
}

/** Whether a browser page from this origin may open a socket: the allow-list, or the API's own host. */
function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true // not a browser: the token is what counts
  if (allowed.includes(origin)) return true
  // `null` (a sandboxed frame, a file: page, a redirect) is an origin nobody can vouch for.
  if (!URL.canParse(origin)) return false
  return new URL(origin).host === host
}

/**
 * WebSocket endpoints of the API (chat, voice, care). Every connection is authenticated with an
 * access token before it is accepted, and a browser page from an origin outside the CORS
 * allow-list cannot open one (cross-site WebSocket hijacking). Whatever a client sends cannot
 * take the process down: a frame over the route's limit closes its socket with 1009, a text
 * frame that is not UTF-8 with 1007, and every socket's errors are handled here.
 */
export class WebSocketRoutes {
  private readonly routes = new Map<string, SocketRoute>()

  constructor(
    private readonly tokens: TokenService,
    private readonly allowedOrigins: readonly string[],
    private readonly logger: Logger,
  ) {}

  route(path: string, handler: SocketHandler, opts: SocketRouteOptions): void {
    const server = new WebSocketServer({
      noServer: true,
      maxPayload: opts.maxPayload,
      // Echo "bearer" so browsers that authenticate by subprotocol accept the handshake.
      handleProtocols: (protocols) => (protocols.has('bearer') ? 'bearer' : false),
    })
    this.routes.set(path, { handler, server })
  }

  attach(http: Server): void {
    http.on('upgrade', (req, socket, head) => {
      // Node leaves an upgrading socket without an error listener: a reset while the token is
      // checked would otherwise be an uncaught error.
      socket.on('error', (err) => this.logger.debug({ err }, 'websocket upgrade socket error'))
      this.upgrade(req, socket, head).catch((err) => {
        this.logger.error({ err }, 'websocket upgrade failed')
        socket.destroy()
      })
    })
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const route = this.routes.get(url.pathname)
    if (!route) return endWithError(socket, notFound(`WebSocket at ${url.pathname}`))
    if (!originAllowed(req.headers.origin, req.headers.host, this.allowedOrigins)) {
      return endWithError(socket, forbidden('This origin may not open a socket'))
    }
    const token = socketToken(req, url)
    const user = token ? await this.tokens.verifyAccessToken(token) : undefined
    if (!user) return endWithError(socket, unauthorized('A valid access token is required'))
    route.server.handleUpgrade(req, socket, head, (ws) => {
      // ws has already closed the socket with the code the error carries (1007, 1009, 1002);
      // without a listener the error would be thrown and end the process.
      ws.on('error', (err) => this.logger.info({ code: (err as { code?: string }).code, path: url.pathname }, 'websocket closed on a bad frame'))
      const alive = setInterval(() => ws.readyState === ws.OPEN && ws.ping(), 30_000)
      ws.on('close', () => clearInterval(alive))
      route.handler(ws, user, req)
    })
  }

  /**
   * Shutdown: every open socket is told 1001 (going away); those whose clients do not answer the
   * close handshake within `graceMs` are cut.
   */
  async close(graceMs = 1000): Promise<void> {
    const clients = [...this.routes.values()].flatMap((r) => [...r.server.clients])
    const closed = clients.map((ws) => new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : ws.once('close', () => resolve()))))
    for (const ws of clients) ws.close(1001, 'server shutting down')
    let timer: NodeJS.Timeout | undefined
    const cut = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        for (const ws of clients) ws.terminate()
        resolve()
      }, graceMs)
    })
    await Promise.race([Promise.all(closed), cut])
    clearTimeout(timer)
    for (const r of this.routes.values()) r.server.close()
  }
}
