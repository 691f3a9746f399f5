import type { WebSocket } from 'ws'
import type { AuthUser } from '../auth/auth-user.js'
import { forbidden, toErrorBody } from '../../core/errors.js'
import type { Services } from '../services.js'

/**
 * `/api/v1/care/ws`: alerts and summaries pushed to a caregiver as they are delivered in-app.
 * Only caregivers subscribe; on connect, what waited for them is pushed. Clients may send
 * `{"type":"ping"}`; nothing else is expected from them.
 */
export function careSocket(s: Pick<Services, 'caregiving' | 'logger'>) {
  const { inApp, dispatcher } = s.caregiving
  return (ws: WebSocket, user: AuthUser) => {
    if (user.role !== 'caregiver') {
      ws.send(JSON.stringify({ type: 'error', error: toErrorBody(forbidden('Only caregivers receive care alerts here')) }))
      ws.close(1008, 'caregivers only')
      return
    }
    ws.on('close', inApp.subscribe(user.id, ws))
    ws.on('message', (data) => {
      if (String(data).includes('"ping"')) ws.send(JSON.stringify({ type: 'pong' }))
    })
    ws.send(JSON.stringify({ type: 'ready' }))
    // A flush that fails is logged and retried by the scheduler's next round.
    dispatcher.flushWaiting([user.id]).catch((err) => s.logger.error({ err }, 'in-app flush failed'))
  }
}
