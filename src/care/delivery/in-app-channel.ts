import type { WebSocket } from 'ws'
import { SocketRegistry } from '../live/socket-registry.js'
import type { Channel, DeliveryMessage, Recipient, SendOutcome } from './channel.js'

/**
 * In-app delivery: alerts and summaries pushed to the caregiver's open sockets on
 * `/api/v1/care/ws`. A caregiver with no socket open here gets `waiting`; what waits is pushed
 * when they connect — to this instance, or to another one, which hears of it on the live bus
 * (and is always readable through the API).
 */
export class InAppChannel implements Channel {
  readonly name = 'in_app' as const
  readonly sockets = new SocketRegistry()

  async send(to: Recipient, message: DeliveryMessage, delivery: { id: string }): Promise<SendOutcome> {
    const frame = { type: message.kind, delivery_id: delivery.id, ...message.data }
    return this.sockets.push(to.id, frame) > 0 ? 'sent' : 'waiting'
  }

  /** Caregivers with a socket open on this instance. */
  connected(): string[] {
    return this.sockets.connected()
  }

  /** Adds one of a caregiver's open sockets; what it returns removes it. */
  subscribe(caregiverId: string, ws: WebSocket): () => void {
    return this.sockets.add(caregiverId, ws)
  }
}
