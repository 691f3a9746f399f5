import { Hono } from 'hono'
import type { Services } from '../services.js'
import type { AppEnv } from './app-env.js'
import { timingSafeEqual } from 'node:crypto'
import { PoddError, unauthorized } from '../../core/errors.js'
import { errorResponse } from './error-handler.js'

/** `/health` (the process answers), `/ready` (its stores answer) and `/metrics` (Prometheus). */
export function opsRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/health', (c) => c.json({ status: 'ok', uptime_s: Math.round(process.uptime()) }))

  app.get('/ready', async (c) => {
    const checks = await Promise.all(
      s.readiness.map(async (r) => {
        try {
          await r.check()
          return [r.name, 'ok'] as const
        } catch (err) {
          s.logger.warn({ err, check: r.name }, 'readiness check failed')
          return [r.name, 'unavailable'] as const
        }
      }),
    )
    const result = Object.fromEntries(checks)
    if (checks.every(([, v]) => v === 'ok')) return c.json({ status: 'ready', checks: result })
    return errorResponse(c, new PoddError('SERVICE_UNAVAILABLE', 'A store is not reachable', { checks: result }))
  })

  // With METRICS_TOKEN set, Prometheus must send it as a bearer token; without, /metrics is open
  // (development, or a port only the scraper can reach).
  const metricsToken = s.config.METRICS_TOKEN
  app.get('/metrics', async (c) => {
    if (metricsToken && !bearerMatches(c.req.header('authorization'), metricsToken)) {
      return errorResponse(c, unauthorized('/metrics needs the METRICS_TOKEN as a bearer token'))
    }
    c.header('Content-Type', s.metrics.registry.contentType)
    return c.body(await s.metrics.registry.metrics())
  })

  return app
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.match(/^Bearer\s+(.+)$/i)?.[1] ?? '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
