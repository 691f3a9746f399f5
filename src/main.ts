import { ConfigError, loadConfig } from './config.js'

async function main() {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(78)
    }
    throw err
  }
  // Loaded only once the configuration is known to be good: a misconfigured start fails in
  // well under a second rather than after loading every module of the service.
  const { startServer } = await import('./server.js')
  const running = await startServer(config)
  const log = running.services.logger
  let signalled = false
  const shutdown = (signal: string) => {
    if (signalled) return
    signalled = true
    log.info({ signal }, 'shutting down')
    running.close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((err) => {
  console.error('podd failed to start:', err)
  process.exit(1)
})
