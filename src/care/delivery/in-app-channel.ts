import type { WebSocket } from 'ws'
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

  /** Adds one of a caregiver's open sockets; what it returns removes it. */
  subscribe(caregiverId: string, ws: WebSocket): () => void {
    let set = this.sockets.get(caregiverId)
    if (!set) this.sockets.set(caregiverId, (set = new Set()))
    set.add(ws)
    return () => {
      set.delete(ws)
      if (set.size === 0 && this.sockets.get(caregiverId) === set) this.sockets.delete(caregiverId)
    }
  }
}
