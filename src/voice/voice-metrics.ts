import { Histogram } from 'prom-client'
import type { Metrics } from '../metrics.js'

export type VoiceStage = 'stt' | 'graph' | 'tts' | 'total' | 'first_audio'

/**
 * Where a voice turn's time went, in milliseconds. `first_audio_ms` (streamed turns only) is
 * the wait the patient hears: from the end of their speech to the first byte of the answer.
 */
export interface VoiceTimings {
  stt_ms: number
  graph_ms: number
  tts_ms: number
  total_ms: number
  first_audio_ms?: number
}

const byRegistry = new WeakMap<Metrics['registry'], Histogram<'stage'>>()

/** `podd_voice_stage_seconds{stage}` on this service's registry, registered once however many routes use it. */
function stageHistogram(metrics: Metrics): Histogram<'stage'> {
  let h = byRegistry.get(metrics.registry)
  if (!h) {
    h = new Histogram({
      name: 'podd_voice_stage_seconds',
      help: 'Voice turn latency by stage: stt, graph, tts, total, first_audio (end of speech to first audio byte)',
      labelNames: ['stage'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 30],
      registers: [metrics.registry],
    })
    byRegistry.set(metrics.registry, h)
  }
  return h
}

/** Records a finished turn's timings in `/metrics`. */
export function observeVoiceTimings(metrics: Metrics, t: VoiceTimings): void {
  const h = stageHistogram(metrics)
  h.observe({ stage: 'stt' }, t.stt_ms / 1000)
  h.observe({ stage: 'graph' }, t.graph_ms / 1000)
  h.observe({ stage: 'tts' }, t.tts_ms / 1000)
  h.observe({ stage: 'total' }, t.total_ms / 1000)
  if (t.first_audio_ms !== undefined) h.observe({ stage: 'first_audio' }, t.first_audio_ms / 1000)
}

/** Milliseconds between two performance.now() readings, to a tenth. */
export function msBetween(from: number, to: number): number {
  return Math.round((to - from) * 10) / 10
}
