/**
 * `/api/v1/voice/stream`: a spoken conversation over one WebSocket, many turns long.
 * Authenticated like the chat socket (`bearer, <token>` subprotocol or `?access_token=`);
 * patients only.
 *
 * Client → server
 * - binary frames: s16le mono PCM, 16 kHz unless `start` said otherwise (20-100 ms a frame suits).
 * - `{type:"start", language?, thread_id?, sample_rate?}`: opens the recogniser. `language` is a
 *   code like `hi-IN` or `auto` (default: the profile's); `thread_id` continues a thread (default:
 *   the first turn starts one and later turns continue it); `sample_rate` 8000-48000 (default
 *   16000). Optional: audio before it starts the session with the defaults. Sent again, it
 *   re-opens the recogniser with new settings, and after an `error` it is how to try again.
 * - `{type:"end"}`: the utterance is over (for clients doing their own VAD or push-to-talk);
 *   without it the server's VAD (Sarvam's, or an energy VAD offline) finds the end.
 * - `{type:"interrupt"}`: barge-in. The running turn is cancelled and no more of its audio is
 *   sent; the client stops what it is playing. The server never interrupts on its own: without
 *   echo cancellation on the client its own voice would cut it off.
 * - `{type:"ping"}` → `{type:"pong"}`.
 *
 * Server → client, for each utterance
 * - `{type:"ready", language, sample_rate, provider}` once the recogniser listens.
 * - `{type:"speech_start"}`, `{type:"speech_end"}`: the recogniser's VAD.
 * - `{type:"transcript", text, language}`, or `{type:"no_speech"}` when nothing was recognised, or
 *   `{type:"not_understood", confidence, reply}` when speech was heard but not understood well
 *   enough to act on (offline recognition): nothing is written, no turn runs, and the reply
 *   ("Sorry, I didn't catch that…" in the patient's language) is spoken as audio frames.
 * - the turn's frames, as on the chat socket: `route`, `token`, `event`, `done` (the TurnResult).
 * - `{type:"audio_start", mime_type:"audio/pcm", encoding:"s16le", sample_rate:16000, channels:1}`,
 *   binary frames of that PCM (≤ 1 s each) a sentence at a time while the reply is still being
 *   written, then `{type:"audio_end", interrupted?}`.
 * - `{type:"timings", stt_ms, graph_ms, tts_ms, total_ms, first_audio_ms, first_sentence_ms,
 *   queued_ms}`: from the end of speech; `first_audio_ms` is the wait the patient heard.
 * - `{type:"interrupted"}` after a barge-in; `{type:"error", error:{code, message, details?}}` on
 *   a failure (codes as in the HTTP error envelope; a speech provider's failure ends the
 *   recogniser until the next `start`).
 */
import type { WebSocket } from 'ws'
import { z } from 'zod'
import { forbidden, toErrorBody, unreadableInput } from '../../core/errors.js'
import type { AuthUser } from '../auth/auth-user.js'
import type { Services } from '../services.js'
import { VoiceSession } from './voice-session.js'

const ClientMessage = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('start'),
      language: z.string().trim().max(20).optional(),
      thread_id: z.string().uuid().optional(),
      sample_rate: z.number().int().min(8000).max(48_000).optional(),
    })
    .strict(),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('interrupt') }),
  z.object({ type: z.literal('ping') }),
])

const UNREADABLE =
  'Send PCM audio as binary frames, and control messages like {"type":"start"}, {"type":"end"} or {"type":"interrupt"}'

export function voiceSocket(s: Services) {
  const logger = s.logger.child({ component: 'voice_socket' })
  return (socket: WebSocket, user: AuthUser) => {
    if (user.role !== 'patient') {
      socket.send(JSON.stringify({ type: 'error', error: toErrorBody(forbidden('Only patients hold conversations')) }))
      return socket.close(1008, 'patients only')
    }
    const session = new VoiceSession(s, socket, user.id, logger)
    socket.on('message', (data, isBinary) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
      if (isBinary) return session.audio(bytes)
      let message: z.infer<typeof ClientMessage>
      try {
        message = ClientMessage.parse(JSON.parse(bytes.toString('utf8')))
      } catch (err) {
        return session.send({ type: 'error', error: toErrorBody(unreadableInput(UNREADABLE, err)) })
      }
      if (message.type === 'start') void session.start(message)
      else if (message.type === 'end') session.endOfSpeech()
      else if (message.type === 'interrupt') session.interrupt()
      else session.send({ type: 'pong' })
    })
    socket.on('close', () => void session.close())
  }
}
