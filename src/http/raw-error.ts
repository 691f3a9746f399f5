import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { PoddError, toErrorBody } from '../../core/errors.js'
import { newId } from '../../core/ids.js'
import { errorHeaders, httpStatusOf } from './error-status.js'

/**
 * Answers on a raw socket, below Hono, with the error envelope, and hangs up: for an upgrade
 * that will not become a WebSocket, or a request Node's parser could not read.
 */
export function endWithError(socket: Duplex, err: PoddError): void {
  const status = httpStatusOf(err.code)
  const body = JSON.stringify({ status: 'error', error: toErrorBody(err), request_id: newId() })
  const headers = Object.entries(errorHeaders(err)).map(([k, v]) => `${k}: ${v}\r\n`).join('')
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `${headers}Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  )
}

/**
 * Node's `clientError`: a request its parser refused (headers over 16 KB, a malformed request
 * line). Node's own answer is a bare status line; ours is the envelope.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy()
  const refused =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new PoddError('HEADERS_TOO_LARGE', 'The request line and headers are larger than 16 KB')
      : new PoddError('BAD_REQUEST', 'The request could not be read as HTTP')
  endWithError(socket, refused)
}
