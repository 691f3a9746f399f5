import type { BaseChatModel } from '@langchain/core/language_models/chat_models'
import { ChatOpenAI } from '@langchain/openai'
import type { Config } from '../config.js'
import { OfflineChatModel } from './offline-model/offline-chat-model.js'

/** The models a turn may use: the configured one, and the offline model that stands in for it. */
export interface ChatModels {
  provider: 'offline' | 'openai'
  primary: BaseChatModel
  offline: OfflineChatModel
}

/**
 * One graph, any model: an OpenAI-compatible endpoint (OpenAI, Sarvam, vLLM, Ollama, llama.cpp)
 * when configured, else the offline model. Timeouts are short and there is at most one retry,
 * because a failing LLM is replaced by the offline model rather than waited for.
 */
export function createChatModels(config: Config): ChatModels {
  const offline = new OfflineChatModel({})
  if (config.LLM_PROVIDER !== 'openai') return { provider: 'offline', primary: offline, offline }
  const primary = new ChatOpenAI({
    model: config.OPENAI_MODEL,
    // The OpenAI SDK refuses an empty key; local servers ignore it.
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : undefined,
    timeout: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
    temperature: 0.2,
    useResponsesApi: false,
    streamUsage: true,
  })
  return { provider: 'openai', primary, offline }
}
