import type { WebSocket } from 'ws'

/** The open sockets of each user on this instance, for pushing frames to them. */
export class SocketRegistry {
  private readonly sockets = new Map<string, Set<WebSocket>>()

  /** Keeps the socket until it closes; returns a function that forgets it sooner. */
  add(userId: string, ws: WebSocket): () => void {
    let set = this.sockets.get(userId)
    if (!set) this.sockets.set(userId, (set = new Set()))
    set.add(ws)
    const forget = () => {
      set.delete(ws)
      if (set.size === 0 && this.sockets.get(userId) === set) this.sockets.delete(userId)
    }
    ws.once('close', forget)
    return forget
  }

  has(userId: string): boolean {
    return this.sockets.has(userId)
  }

  /** Users with a socket open here. */
  connected(): string[] {
    return [...this.sockets.keys()]
  }

  /** Sends a frame to every open socket of a user; how many took it. */
  push(userId: string, frame: Record<string, unknown>): number {
    let sent = 0
    let text: string | undefined
    for (const ws of this.sockets.get(userId) ?? []) {
      if (ws.readyState !== ws.OPEN) continue
      ws.send((text ??= JSON.stringify(frame)))
      sent++
    }
    return sent
  }
}
