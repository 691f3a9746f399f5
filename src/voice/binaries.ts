import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// A tool found stays found; a missing one is looked for again after a minute, so installing it
// (apt-get install pocketsphinx) takes effect without a restart, at the cost of a few stat calls.
const RECHECK_MISSING_MS = 60_000
const found = new Map<string, { path: string | undefined; at: number }>()

/** The full path of an executable on PATH, or undefined (looked for again a minute later). */
export function findBinary(name: string): string | undefined {
  const known = found.get(name)
  if (known && (known.path !== undefined || Date.now() - known.at < RECHECK_MISSING_MS)) return known.path
  let hit: string | undefined
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, name)
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      if (fs.statSync(candidate).isFile()) {
        hit = candidate
        break
      }
    } catch {
      // not here
    }
  }
  found.set(name, { path: hit, at: Date.now() })
  return hit
}

export function hasBinary(name: string): boolean {
  return findBinary(name) !== undefined
}

// Debian's pocketsphinx-en-us puts the acoustic model here; pocketsphinx_continuous's defaults point at it.
const POCKETSPHINX_MODEL = '/usr/share/pocketsphinx/model/en-us/en-us'

/** PocketSphinx can run: the decoder and its US English model are both installed. */
export function hasPocketsphinx(): boolean {
  return hasBinary('pocketsphinx_continuous') && fs.existsSync(POCKETSPHINX_MODEL)
}

/** A tool that failed, timed out or was killed. `stderr` is the tool's own words, for logs only. */
export class ToolError extends Error {
  override name = 'ToolError'
  constructor(
    readonly tool: string,
    message: string,
    readonly timedOut: boolean,
    readonly stderr: string,
    readonly exitCode?: number | string | null,
  ) {
    super(message)
  }
}

export interface RunOptions {
  /** Written to the tool's stdin, which is then closed. */
  input?: Buffer | string
  timeoutMs: number
  signal?: AbortSignal
  maxBuffer?: number
}

/** Runs a tool without a shell, with a time limit, and returns its stdout. */
export function runTool(tool: string, args: string[], opts: RunOptions): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      tool,
      args,
      {
        encoding: 'buffer',
        timeout: opts.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024,
        signal: opts.signal,
        windowsHide: true,
      },
      (err, stdout, stderr) => {
        const errText = stderr.toString('utf8').trim()
        if (!err) return resolve({ stdout, stderr: errText })
        if (opts.signal?.aborted) return reject(opts.signal.reason)
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string | null }
        const timedOut = e.killed === true && !opts.signal?.aborted
        const lastWords = errText.split('\n').slice(-3).join(' ') || e.message
        const why = timedOut ? `timed out after ${opts.timeoutMs} ms` : lastWords
        reject(new ToolError(path.basename(tool), `${path.basename(tool)} failed: ${why}`, timedOut, errText, e.code))
      },
    )
    // A tool that exits before reading its input makes stdin emit EPIPE; its exit status tells the story.
    child.stdin?.on('error', () => {})
    if (opts.input !== undefined) child.stdin?.end(opts.input)
    else child.stdin?.end()
  })
}

/** Runs `fn` with a private temp directory that is removed afterwards, whatever happens. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'podd-voice-'))
  try {
    return await fn(dir)
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true })
  }
}
