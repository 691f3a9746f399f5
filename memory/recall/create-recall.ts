import type { PatientKeys } from '../encryption/patient-keys.js'
import type { EventDbHandle } from '../event-db.js'
import type { EventStore } from '../event-store.js'
import type { Embedder } from './embedder.js'
import { HashedNgramEmbedder } from './hashed-ngram-embedder.js'
import { LocalVectorIndex } from './local-vector-index.js'
import { OpenAIEmbedder } from './openai-embedder.js'
import { PineconeIndex } from './pinecone-index.js'
import { RecallService, type RecallIndexerOptions } from './recall-service.js'
import type { VectorIndex } from './vector-index.js'

/** The settings recall reads, named as the service's environment variables (`src/config.ts`). */
export interface RecallConfig {
  EMBEDDINGS_MODEL?: string
  OPENAI_API_KEY?: string
  OPENAI_BASE_URL?: string
  LLM_TIMEOUT_MS?: number
  PINECONE_API_KEY?: string
  PINECONE_INDEX_HOST?: string
  PINECONE_CONTROLLER_HOST?: string
}

/** A recall setting that cannot work as given; names the variable to fix. */
export class RecallConfigError extends Error {
  override name = 'RecallConfigError'
}

/**
 * The embedder the configuration asks for: a model through an OpenAI-compatible endpoint when
 * EMBEDDINGS_MODEL is set (with the chat model's OPENAI_BASE_URL and OPENAI_API_KEY), else the
 * offline hashed n-gram embedder.
 */
export function embedderFor(config: RecallConfig): Embedder {
  if (!config.EMBEDDINGS_MODEL) return new HashedNgramEmbedder()
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) {
    throw new RecallConfigError('EMBEDDINGS_MODEL needs OPENAI_API_KEY or OPENAI_BASE_URL (an OpenAI-compatible server)')
  }
  return new OpenAIEmbedder({
    model: config.EMBEDDINGS_MODEL,
    baseURL: config.OPENAI_BASE_URL,
    // A local server (Ollama, vLLM) wants no key, but the client refuses to start without one.
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    timeoutMs: config.LLM_TIMEOUT_MS,
  })
}

/** Pinecone when PINECONE_API_KEY and PINECONE_INDEX_HOST are set, else the local index in the event store. */
export function vectorIndexFor(config: RecallConfig, eventDb: EventDbHandle, keys: PatientKeys): VectorIndex {
  const { PINECONE_API_KEY: apiKey, PINECONE_INDEX_HOST: indexHost } = config
  if (!apiKey && !indexHost) return new LocalVectorIndex(eventDb.db, keys)
  if (!apiKey) throw new RecallConfigError('PINECONE_INDEX_HOST is set but PINECONE_API_KEY is not')
  if (!indexHost) throw new RecallConfigError('PINECONE_API_KEY is set but PINECONE_INDEX_HOST (the index host) is not')
  return new PineconeIndex({ apiKey, indexHost, controllerHost: config.PINECONE_CONTROLLER_HOST, keys })
}

/**
 * Recall as configured, not yet following the store (call `start()`).
 *
 * @example
 * const recall = createRecall(config, events, eventDb, { onError: (err) => logger.warn({ err }) })
 * recall.start()
 */
export function createRecall(
  config: RecallConfig,
  events: EventStore,
  eventDb: EventDbHandle,
  opts: RecallIndexerOptions = {},
): RecallService {
  return new RecallService(events, vectorIndexFor(config, eventDb, events.keys), embedderFor(config), opts)
}
