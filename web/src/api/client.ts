import { refresh, token } from './session'

/** An API error, from the server's envelope `{status:"error", error:{code, message, details}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

export interface RequestOptions {
  method?: string
  json?: unknown
  signal?: AbortSignal
  /** Sent as Idempotency-Key, so a retried write is recorded once. */
  idempotencyKey?: string
  accept?: string
}

async function send(path: string, opts: RequestOptions, bearer: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' }
  if (bearer) headers.authorization = `Bearer ${bearer}`
  if (opts.json !== undefined) headers['content-type'] = 'application/json'
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey
  return fetch(`/api/v1${path}`, {
    method: opts.method ?? (opts.json === undefined ? 'GET' : 'POST'),
    headers,
    body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
    signal: opts.signal,
    credentials: 'omit',
  })
}

async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: Record<string, unknown> } } | null
  return new ApiError(res.status, body?.error?.code ?? 'HTTP_' + res.status, body?.error?.message ?? res.statusText, body?.error?.details)
}

/** A response to an authenticated call; one retry after a refresh when the token was refused. */
export async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
  let res = await send(path, opts, await token())
  if (res.status === 401 && (await refresh())) res = await send(path, opts, await token())
  if (!res.ok) throw await errorOf(res)
  return res
}

/** An authenticated JSON call. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await request(path, opts)
  return (res.status === 204 ? undefined : await res.json()) as T
}

/**
 * Downloads a file the API makes (an export, the doctor's report) as the browser's own download.
 * The token lives in memory, so a plain link could not carry it: the file is fetched with it and
 * handed to the browser as a blob under the server's file name.
 */
export async function download(path: string, accept: string): Promise<void> {
  const res = await request(path, { accept })
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'podd-download'
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked once the browser has taken the file (it reads the blob when the click is handled).
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Reads a server-sent event stream (the chat turn) frame by frame. */
export async function* sse(res: Response): AsyncGenerator<{ event: string; data: string }> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    buffer += value.replace(/\r\n/g, '\n')
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      let event = 'message'
      const data: string[] = []
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim()
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
      }
      if (data.length) yield { event, data: data.join('\n') }
    }
  }
}

/** The URL of one of the API's WebSockets on this origin. */
export function socketUrl(path: string): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1${path}`
}

/** Opens an authenticated WebSocket (the token travels as the `bearer, <token>` subprotocol). */
export async function openSocket(path: string): Promise<WebSocket | null> {
  const bearer = await token()
  if (!bearer) return null
  return new WebSocket(socketUrl(path), ['bearer', bearer])
}

/** A fresh key for one user action, reused by its retries. */
export const newKey = (): string => crypto.randomUUID()
