import type { WebSocket } from 'ws'
import type { SocketHandler } from '../../http/websockets.js'
import type { Channel, DeliveryMessage, Recipient, SendOutcome } from './channel.js'

/**
 * In-app delivery: alerts and summaries pushed to the caregiver's open sockets on
 * `/api/v1/care/ws`. A caregiver with no socket open here gets `waiting`; what waits is pushed
 * when they connect (and is always readable through the API).
 */
export class InAppChannel implements Channel {
  readonly name = 'in_app' as const
  private readonly sockets = new Map<string, Set<WebSocket>>()

  async send(to: Recipient, message: DeliveryMessage, delivery: { id: string }): Promise<SendOutcome> {
    return this.push(to.id, { type: message.kind, delivery_id: delivery.id, ...message.data }) > 0 ? 'sent' : 'waiting'
  }

  /** Caregivers with a socket open on this instance. */
  connected(): string[] {
    return [...this.sockets.keys()]
  }

  /** Sends a frame to every open socket of a caregiver; how many took it. */
  push(caregiverId: string, frame: Record<string, unknown>): number {
    let sent = 0
    const text = JSON.stringify(frame)
    for (const ws of this.sockets.get(caregiverId) ?? []) {
      if (ws.readyState !== ws.OPEN) continue
      ws.send(text)
      sent++
    }
    return sent
  }

  /**
   * The socket endpoint. Only caregivers subscribe; `onConnect` pushes what waited for them.
   * Clients may send `{"type":"ping"}`; nothing else is expected from them.
   */
  socketHandler(onConnect: (caregiverId: string) => Promise<void>): SocketHandler {
    return (ws, user) => {
      if (user.role !== 'caregiver') {
        const error = { code: 'FORBIDDEN', message: 'Only caregivers receive care alerts here' }
        ws.send(JSON.stringify({ type: 'error', error }))
        ws.close(1008, 'caregivers only')
        return
      }
      let set = this.sockets.get(user.id)
      if (!set) this.sockets.set(user.id, (set = new Set()))
      set.add(ws)
      ws.on('close', () => {
        set.delete(ws)
        if (set.size === 0 && this.sockets.get(user.id) === set) this.sockets.delete(user.id)
      })
      ws.on('message', (data) => {
        if (String(data).includes('"ping"')) ws.send(JSON.stringify({ type: 'pong' }))
      })
      ws.send(JSON.stringify({ type: 'ready' }))
      // onConnect logs its own failures; a flush that fails is retried on the next tick.
      onConnect(user.id).catch(() => undefined)
    }
  }
}
