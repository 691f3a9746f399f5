import { OpenAIEmbeddings } from '@langchain/openai'
import { normalizeInPlace, type Embedder } from './embedder.js'

export interface OpenAIEmbedderOptions {
  /** EMBEDDINGS_MODEL, e.g. `text-embedding-3-small`, or a local server's model name. */
  model: string
  /** OPENAI_BASE_URL; absent means api.openai.com. */
  baseURL?: string
  apiKey?: string
  /** Shorter vectors, for models that support it (text-embedding-3). */
  dimensions?: number
  timeoutMs?: number
  maxRetries?: number
  /**
   * Scores below this are dropped. Default 0: the floor depends on the model (unrelated texts
   * score ~0.1 with text-embedding-3, ~0.4 with some local models), so none is guessed.
   */
  minScore?: number
}

/**
 * Embeddings by meaning from any OpenAI-compatible server (OpenAI, vLLM, Ollama, llama.cpp),
 * through LangChain's OpenAIEmbeddings and the official `openai` client. Vectors are scaled to
 * unit length, since not every server returns them so and the indexes compare by dot product.
 */
export class OpenAIEmbedder implements Embedder {
  readonly id: string
  readonly minScore: number
  private readonly client: OpenAIEmbeddings

  constructor(opts: OpenAIEmbedderOptions) {
    this.id = `openai:${opts.model}${opts.dimensions ? `:${opts.dimensions}` : ''}`
    this.minScore = opts.minScore ?? 0
    this.client = new OpenAIEmbeddings({
      model: opts.model,
      apiKey: opts.apiKey,
      dimensions: opts.dimensions,
      timeout: opts.timeoutMs ?? 20_000,
      maxRetries: opts.maxRetries ?? 2,
      batchSize: 256,
      // The client asks for base64 by default, which some OpenAI-compatible servers do not speak.
      encodingFormat: 'float',
      configuration: opts.baseURL ? { baseURL: opts.baseURL } : undefined,
    })
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return []
    const vectors = await this.client.embedDocuments(texts)
    return vectors.map((v) => normalizeInPlace(Float32Array.from(v)))
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return normalizeInPlace(Float32Array.from(await this.client.embedQuery(text)))
  }
}
