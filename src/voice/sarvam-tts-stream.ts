import type { SarvamAI, SarvamAIClient } from 'sarvamai'
import type { Logger } from '../logger.js'
import { SPEECH_SAMPLE_RATE } from './resample.js'
import { sarvamErrorFrom, sarvamStreamError } from './sarvam-errors.js'
import { afterPendingErrors, unexpectedClose, waitForSocketOpen, type TtsSocket } from './sarvam-socket.js'
import { chunkText } from './sentences.js'
import { logSpeechFailure, SpeechProviderError } from './speech-errors.js'
import { encodeWav, pcmFromBytes, stripWavHeader } from './wav.js'

export interface SarvamTtsStreamSettings {
  client: SarvamAIClient
  logger: Logger
  model: string
  languageCode: string
  speaker: string
  timeoutMs: number
  /** Sarvam's limit per text message. */
  maxChars: number
}

/**
 * Speaks sentences over one Sarvam TTS socket: each sentence is sent with a flush as soon as it
 * arrives, so Sarvam works on sentence n+1 while sentence n plays. Audio comes back as base64
 * linear16 frames; the completion event after each flush closes that sentence's clip.
 */
export async function* sarvamTtsStream(
  settings: SarvamTtsStreamSettings,
  sentences: AsyncIterable<string>,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  const { logger } = settings
  signal?.throwIfAborted()
  let socket: TtsSocket | undefined
  try {
    socket = await settings.client.textToSpeechStreaming.connect({
      model: settings.model as SarvamAI.TextToSpeechStreamingModel,
      send_completion_event: 'true',
      reconnectAttempts: 0,
    })
    await waitForSocketOpen(socket, settings.timeoutMs, 'tts')
    // Barge-in while connecting: nothing is to be said any more.
    signal?.throwIfAborted()
    // The SDK's defaults are a v2 voice, 22050 Hz and MP3: set every one explicitly.
    socket.configureConnection({
      type: 'config',
      data: {
        language_code: settings.languageCode as SarvamAI.ConfigureConnection.Data.LanguageCode,
        speaker: settings.speaker as SarvamAI.ConfigureConnection.Data.Speaker,
        speech_sample_rate: SPEECH_SAMPLE_RATE,
        output_audio_codec: 'linear16',
      },
    })
  } catch (err) {
    socket?.close()
    if (signal?.aborted) throw signal.reason
    const e = sarvamErrorFrom(err, 'tts')
    logSpeechFailure(logger, 'tts_stream', e)
    throw e
  }

  const ws = socket
  const ready: Buffer[] = []
  let current: Buffer[] = []
  let pending = 0 // sentences sent whose completion event has not come
  let inputDone = false
  let stopped = false
  let failure: unknown
  let sourceError: { error: unknown } | undefined
  let wake: (() => void) | undefined
  let idleTimer: NodeJS.Timeout | undefined

  const notify = () => {
    const w = wake
    wake = undefined
    w?.()
  }
  const fail = (err: unknown) => {
    failure ??= err
    notify()
  }
  // Waiting for audio that never comes is a timeout, however long the reply is.
  const armIdleTimer = () => {
    clearTimeout(idleTimer)
    if (pending === 0) return
    idleTimer = setTimeout(() => {
      fail(
        new SpeechProviderError('timeout', 'The speech service did not answer in time', {
          provider: 'sarvam',
          detail: `no TTS audio for ${settings.timeoutMs} ms`,
        }),
      )
    }, settings.timeoutMs)
  }

  ws.on('message', (msg) => {
    armIdleTimer()
    if (msg.type === 'audio') {
      current.push(stripWavHeader(Buffer.from(msg.data.audio, 'base64')))
    } else if (msg.type === 'event' && msg.data.event_type === 'final') {
      if (pending === 0) return
      pending--
      ready.push(encodeWav(pcmFromBytes(Buffer.concat(current), SPEECH_SAMPLE_RATE)))
      current = []
      armIdleTimer()
      notify()
    } else if (msg.type === 'error') {
      fail(sarvamStreamError(msg.data, 'tts'))
    }
  })
  ws.on('error', (e) => fail(sarvamErrorFrom(e, 'tts')))
  ws.on('close', (e) => afterPendingErrors(() => !stopped && fail(unexpectedClose(e.code))))
  const onAbort = () => fail(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })

  const send = async () => {
    try {
      for await (const sentence of sentences) {
        if (stopped || failure !== undefined) break
        for (const piece of chunkText(sentence, settings.maxChars)) {
          try {
            ws.convert(piece)
            ws.flush()
          } catch (err) {
            return fail(sarvamErrorFrom(err, 'tts'))
          }
          pending++
          armIdleTimer()
        }
      }
    } catch (err) {
      // The sentence source failed (the LLM stream broke): not Sarvam's fault, passed on as it is.
      sourceError = { error: err }
      fail(err)
    } finally {
      inputDone = true
      notify()
    }
  }
  const sending = send()

  try {
    for (;;) {
      if (ready.length) {
        yield ready.shift()!
        continue
      }
      if (failure !== undefined) throw failure
      if (inputDone && pending === 0) break
      await new Promise<void>((resolve) => (wake = resolve))
    }
  } catch (err) {
    if (signal?.aborted || (sourceError && err === sourceError.error)) throw err
    const e = sarvamErrorFrom(err, 'tts')
    logSpeechFailure(logger, 'tts_stream', e)
    throw e
  } finally {
    stopped = true
    clearTimeout(idleTimer)
    signal?.removeEventListener('abort', onAbort)
    ws.close()
    notify()
    void sending
  }
}
