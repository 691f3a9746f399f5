import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAKE_EMBEDDING_DIMENSIONS, startFakeEmbeddings, type FakeEmbeddings } from '../../test/fakes/openai-embeddings-server.js'
import { sharedEventDb } from '../../test/helpers.js'
import { EventStore } from '../event-store.js'
import { embedderFor, RecallConfigError, vectorIndexFor, type RecallConfig } from './create-recall.js'
import { HashedNgramEmbedder } from './hashed-ngram-embedder.js'
import { LocalVectorIndex } from './local-vector-index.js'
import { OpenAIEmbedder } from './openai-embedder.js'
import { PineconeIndex } from './pinecone-index.js'
import { RecallService } from './recall-service.js'
import { ephemeralPatientKeys } from '../encryption/patient-keys.js'

// Recall reads the service's settings by their variable names; with the defaults src/config.ts gives them.
const recallSettings = (env: RecallConfig): RecallConfig => ({ LLM_TIMEOUT_MS: 20_000, ...env })

describe('OpenAI-compatible embeddings (fake server, real client)', () => {
  let server: FakeEmbeddings

  beforeAll(async () => {
    server = await startFakeEmbeddings({ apiKey: 'sk-test' })
  })
  afterAll(() => server?.close())

  const config = () => recallSettings({ EMBEDDINGS_MODEL: 'text-embedding-3-small', OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-test' })

  it('Should embed through the configured base URL, model and key, as unit vectors', async () => {
    const embedder = embedderFor(config())
    expect(embedder).toBeInstanceOf(OpenAIEmbedder)
    expect(embedder.id).toBe('openai:text-embedding-3-small')
    const [a, b] = await embedder.embedDocuments(['cut salt to 5 g', 'knee pain'])
    expect(a).toHaveLength(FAKE_EMBEDDING_DIMENSIONS)
    expect(a!.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 5)
    expect(b).not.toEqual(a)
    const request = server.requests.at(-1)!
    expect(request).toMatchObject({ model: 'text-embedding-3-small', input: ['cut salt to 5 g', 'knee pain'], encoding_format: 'float' })
    expect(request.authorization).toBe('Bearer sk-test')
  })

  it('Should find a paraphrase when the embedder knows meanings', async () => {
    const store = new EventStore((await sharedEventDb()).db, ephemeralPatientKeys())
    const recall = new RecallService(store, new LocalVectorIndex((await sharedEventDb()).db, store.keys), embedderFor(config()))
    recall.start()
    const user = `openai-${process.pid}`
    const salt = await store.append(user, { kind: 'chat', payload: { role: 'user', text: 'Dr Rao said cut salt', thread_id: 't' }, source: 'chat' })
    await store.append(user, { kind: 'chat', payload: { role: 'user', text: 'walked in the park', thread_id: 't' }, source: 'chat' })
    await recall.whenIdle()
    const results = await recall.search(user, { query: 'how much sodium', limit: 1 })
    expect(results.map((r) => r.event.id)).toEqual([salt.event.id])
    await recall.close()
  })

  it('Should fail with the server error on a wrong key', async () => {
    const embedder = new OpenAIEmbedder({ model: 'm', baseURL: server.baseUrl, apiKey: 'sk-wrong', maxRetries: 0 })
    await expect(embedder.embedQuery('salt')).rejects.toThrow(/API key/)
  })
})

describe('recall from configuration', () => {
  const db = () => sharedEventDb()

  it('Should default to the offline embedder and the local index', async () => {
    const config = recallSettings({})
    expect(embedderFor(config)).toBeInstanceOf(HashedNgramEmbedder)
    expect(vectorIndexFor(config, await db(), ephemeralPatientKeys())).toBeInstanceOf(LocalVectorIndex)
  })

  it('Should use Pinecone when its key and index host are set, and refuse half a configuration', async () => {
    const pinecone = recallSettings({ PINECONE_API_KEY: 'pc', PINECONE_INDEX_HOST: 'https://recall-abc.svc.pinecone.io' })
    expect(vectorIndexFor(pinecone, await db(), ephemeralPatientKeys())).toBeInstanceOf(PineconeIndex)
    expect(() => vectorIndexFor(recallSettings({ PINECONE_API_KEY: 'pc' }), {} as never, ephemeralPatientKeys())).toThrow(/PINECONE_INDEX_HOST/)
    expect(() => vectorIndexFor(recallSettings({ PINECONE_INDEX_HOST: 'https://x.pinecone.io' }), {} as never, ephemeralPatientKeys())).toThrow(/PINECONE_API_KEY/)
  })

  it('Should refuse an embeddings model with no endpoint to call', () => {
    expect(() => embedderFor(recallSettings({ EMBEDDINGS_MODEL: 'text-embedding-3-small' }))).toThrow(RecallConfigError)
    expect(embedderFor(recallSettings({ EMBEDDINGS_MODEL: 'nomic-embed-text', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' })).id).toBe(
      'openai:nomic-embed-text',
    )
  })
})
