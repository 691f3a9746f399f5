import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * One Prometheus registry per running service, so several test servers in one process never
 * share counters. Other modules register their own metrics on `registry`.
 */
export class Metrics {
  readonly registry = new Registry()
  readonly httpRequests: Counter<'method' | 'route' | 'status'>
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>

  constructor() {
    collectDefaultMetrics({ register: this.registry })
    this.httpRequests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, matched route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    })
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, matched route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    })
  }

  // prom-client hashes a label object on every call; the label sets of HTTP traffic are few,
  // so their bound children are kept (about a tenth of a small request's cost otherwise).
  private readonly bound = new Map<string, { count: ReturnType<Counter['labels']>; duration: ReturnType<Histogram['labels']> }>()

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`
    let b = this.bound.get(key)
    if (!b) {
      const labels = { method, route, status: String(status) }
      b = { count: this.httpRequests.labels(labels), duration: this.httpDuration.labels(labels) }
      this.bound.set(key, b)
    }
    b.count.inc()
    b.duration.observe(seconds)
  }
}
