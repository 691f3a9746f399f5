import { Counter, Histogram } from 'prom-client'
import type { Metrics } from '../metrics.js'

/** Prometheus metrics of caregiver alerts, summaries and deliveries, on the service's registry. */
export class CareMetrics {
  readonly alerts: Counter<'tier'>
  readonly deliveries: Counter<'channel' | 'outcome'>
  readonly summaries: Counter<'generated_by'>
  readonly tickDuration: Histogram

  constructor(metrics: Metrics) {
    const registers = [metrics.registry]
    this.alerts = new Counter({
      name: 'care_alerts_total',
      help: 'Alerts raised, by tier',
      labelNames: ['tier'],
      registers,
    })
    this.deliveries = new Counter({
      name: 'care_deliveries_total',
      help: 'Delivery attempts to caregivers by channel and outcome (sent, retry, failed)',
      labelNames: ['channel', 'outcome'],
      registers,
    })
    this.summaries = new Counter({
      name: 'care_summaries_total',
      help: 'Daily summaries generated, by narrative source',
      labelNames: ['generated_by'],
      registers,
    })
    this.tickDuration = new Histogram({
      name: 'care_scheduler_tick_seconds',
      help: 'Duration of one care scheduler round',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
      registers,
    })
  }
}
