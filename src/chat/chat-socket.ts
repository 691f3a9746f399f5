import type { WebSocket } from 'ws'
import { z } from 'zod'
import { PoddError, forbidden, toErrorBody, unreadableInput } from '../../core/errors.js'
import type { TurnFrame } from '../graph/turn-types.js'
import type { AuthUser } from '../auth/auth-user.js'
import type { Logger } from '../logger.js'
import type { Services } from '../services.js'
import { ChatRequest } from './chat-routes.js'

const ClientMessage = z.discriminatedUnion('type', [
  ChatRequest.extend({ type: z.literal('chat') }),
  z.object({ type: z.literal('cancel') }),
  z.object({ type: z.literal('ping') }),
])

const UNREADABLE = 'Send JSON like {"type":"chat","message":"…"}'

function send(socket: WebSocket, frame: TurnFrame | Record<string, unknown>): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame))
}

/**
 * `/api/v1/ws`: many chat turns over one authenticated socket. The client sends
 * `{type:"chat", message, thread_id?}` and receives the same frames as the SSE stream, ending in
 * `done`; turns run one at a time, in order, and `{type:"cancel"}` stops the running one.
 * A patient's socket also receives `{type:"notification", notification}` whenever a reminder
 * is sent to them, whichever instance sent it.
 */
export function chatSocket(s: Services, logger: Logger) {
  return (socket: WebSocket, user: AuthUser) => {
    // A patient's reminders arrive on the same socket as `notification` frames (src/care).
    if (user.role === 'patient') s.caregiving.patientSockets.add(user.id, socket)
    let queue = Promise.resolve()
    let running: AbortController | undefined
    socket.on('message', (data, isBinary) => {
      let parsed: z.infer<typeof ClientMessage>
      try {
        if (isBinary) throw new Error('binary')
        parsed = ClientMessage.parse(JSON.parse(String(data)))
      } catch (err) {
        return send(socket, { type: 'error', error: toErrorBody(unreadableInput(UNREADABLE, err)) })
      }
      if (parsed.type === 'ping') return send(socket, { type: 'pong' })
      if (parsed.type === 'cancel') return running?.abort()
      if (user.role !== 'patient') return send(socket, { type: 'error', error: toErrorBody(forbidden('Only patients hold conversations')) })
      const { message, thread_id } = parsed
      queue = queue.then(async () => {
        if (socket.readyState !== socket.OPEN) return
        running = new AbortController()
        try {
          for await (const frame of s.conversation.stream({ userId: user.id, message, threadId: thread_id, source: 'chat', signal: running.signal })) {
            send(socket, frame)
          }
        } catch (err) {
          const failure = running.signal.aborted ? new PoddError('CANCELLED', 'The turn was cancelled') : err
          send(socket, { type: 'error', error: toErrorBody(failure, (e) => logger.error({ err: e }, 'chat socket turn failed')) })
        } finally {
          running = undefined
        }
      })
    })
    socket.on('close', () => running?.abort())
  }
}
