import type { SarvamAIClient } from 'sarvamai'
import { sarvamErrorFrom, type SarvamOp } from './sarvam-errors.js'
import { SpeechProviderError } from './speech-errors.js'

export type SttSocket = Awaited<ReturnType<SarvamAIClient['speechToTextStreaming']['connect']>>
export type TtsSocket = Awaited<ReturnType<SarvamAIClient['textToSpeechStreaming']['connect']>>

/** What both SDK sockets share. `on` keeps one handler per event: a later call replaces it. */
export type SarvamSocket = SttSocket | TtsSocket

const OPEN = 1

/**
 * Waits for an SDK socket to open, or fails with the reason as a SpeechProviderError (a refused
 * handshake's status, a timeout, a close). On failure the caller closes the socket.
 */
export function waitForSocketOpen(socket: SarvamSocket, timeoutMs: number, op: SarvamOp): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.readyState === OPEN) return resolve()
    let settled = false
    const settle = (err?: SpeechProviderError) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (err) reject(err)
      else resolve()
    }
    const timer = setTimeout(() => {
      settle(
        new SpeechProviderError('timeout', 'The speech service did not answer in time', {
          provider: 'sarvam',
          detail: `WebSocket did not open within ${timeoutMs} ms`,
        }),
      )
    }, timeoutMs)
    const s = socket as SttSocket
    s.on('open', () => settle())
    s.on('error', (e) => settle(sarvamErrorFrom(e, op)))
    // The SDK reports an error as a close (code 1000) followed by the error: let the error win.
    s.on('close', (e) => setImmediate(() => settle(closedEarly(e.code, op))))
  })
}

function closedEarly(code: number, op: SarvamOp): SpeechProviderError {
  return sarvamErrorFrom(new Error(`WebSocket closed before opening (code ${code})`), op)
}

/** A close the SDK reports before its error, deferred one turn so the error (if any) is seen first. */
export function afterPendingErrors(fn: () => void): void {
  setImmediate(fn)
}

/** A close we did not ask for, as an error. */
export function unexpectedClose(code: number): SpeechProviderError {
  return new SpeechProviderError('upstream', 'The speech service ended the stream unexpectedly', {
    provider: 'sarvam',
    status: code,
    detail: `WebSocket closed by the server (code ${code})`,
  })
}
