import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import { answerClientError } from './http/raw-error.js'
import type { Config } from './config.js'
import { createServices, type ServiceOptions, type Services } from './services.js'

export interface RunningServer {
  url: string
  port: number
  services: Services
  server: Server
  /** Stops accepting, closes sockets (1001), lets in-flight requests finish (up to SHUTDOWN_TIMEOUT_MS), then closes stores. */
  close(): Promise<void>
}

export async function startServer(config: Config, opts: ServiceOptions = {}): Promise<RunningServer> {
  const services = await createServices(config, opts)
  const app = createApp(services)
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s as Server))
    ;(s as Server).once('error', reject)
  })
  server.on('clientError', answerClientError)
  services.attachServer(server)
  const { port } = server.address() as AddressInfo
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST
  services.logger.info({ port, data_dir: config.DATA_DIR, llm: config.LLM_PROVIDER }, 'podd listening')

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const timer = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_TIMEOUT_MS)
      // Upgraded sockets keep the server open and closeAllConnections does not reach them.
      await services.sockets.close(config.SHUTDOWN_TIMEOUT_MS)
      await stopped
      clearTimeout(timer)
      await services.close()
    })())

  return { url: `http://${host}:${port}`, port, services, server, close }
}
