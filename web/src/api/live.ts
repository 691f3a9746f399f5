import { openSocket } from './client'

/**
 * A socket kept open while the page is: reconnects with a growing pause (1 s doubling to 30 s)
 * after a drop, with a fresh access token each time. Returns a function that closes it for good.
 */
export function liveSocket(path: string, onFrame: (frame: Record<string, unknown>) => void, onState?: (open: boolean) => void): () => void {
  let socket: WebSocket | null = null
  let stopped = false
  let delay = 1000
  let timer: ReturnType<typeof setTimeout> | undefined
  let ping: ReturnType<typeof setInterval> | undefined

  const connect = async () => {
    if (stopped) return
    socket = await openSocket(path).catch(() => null)
    if (!socket) return schedule()
    if (stopped) return socket.close()
    socket.onopen = () => {
      delay = 1000
      onState?.(true)
      ping = setInterval(() => socket?.readyState === WebSocket.OPEN && socket.send('{"type":"ping"}'), 25_000)
    }
    socket.onmessage = (e) => {
      if (typeof e.data !== 'string') return
      try {
        onFrame(JSON.parse(e.data) as Record<string, unknown>)
      } catch {
        // Not JSON: nothing this page understands.
      }
    }
    socket.onclose = () => {
      clearInterval(ping)
      onState?.(false)
      schedule()
    }
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(connect, delay)
    delay = Math.min(delay * 2, 30_000)
  }
  void connect()
  return () => {
    stopped = true
    clearTimeout(timer)
    clearInterval(ping)
    socket?.close()
  }
}
