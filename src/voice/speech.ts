import path from 'node:path'
import type { Config } from '../config.js'
import { PoddError } from '../../core/errors.js'
import type { Logger } from '../logger.js'
import { OfflineSpeechProvider } from './offline-speech.js'
import { SarvamSpeechProvider } from './sarvam-speech.js'
import type { SpeechProvider } from './speech-provider.js'

/**
 * The speech service for this configuration: Sarvam when SARVAM_API_KEY is set, otherwise the
 * offline tools (espeak-ng, PocketSphinx) if installed. Never a fake transcript: when nothing can
 * listen, `availability()` says so and calls fail with kind `unavailable`.
 */
export function createSpeech(config: Config, logger: Logger): SpeechProvider {
  const log = logger.child({ component: 'speech' })
  if (config.SARVAM_API_KEY) {
    return new SarvamSpeechProvider(
      {
        apiKey: config.SARVAM_API_KEY,
        baseUrl: config.SARVAM_BASE_URL,
        timeoutMs: config.SARVAM_TIMEOUT_MS,
        sttModel: config.SARVAM_STT_MODEL,
        ttsModel: config.SARVAM_TTS_MODEL,
        defaultSpeaker: config.SARVAM_TTS_SPEAKER,
        maxRetries: 1,
      },
      log,
    )
  }
  return new OfflineSpeechProvider(log, {
    maxUtteranceSeconds: config.VOICE_MAX_SECONDS,
    // Beside the patients' data: a compiled grammar holds the medicine names it listens for.
    grammarDir: config.VOICE_GRAMMAR_DIR ?? path.join(config.DATA_DIR, 'speech-grammars'),
    confidenceThreshold: config.VOICE_MIN_CONFIDENCE,
  })
}

/** For a route: a 503 saying what to install or configure when speech `kind` cannot work here. */
export function assertSpeechAvailable(speech: SpeechProvider, kind: 'stt' | 'tts'): void {
  const status = speech.availability()[kind]
  if (!status.available) {
    throw new PoddError('SERVICE_UNAVAILABLE', status.message ?? 'Speech is not available', {
      provider: speech.name,
      capability: kind,
    })
  }
}
