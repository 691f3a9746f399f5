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
  /**
   * Count `timeoutMs` in the tool's own CPU time, not the clock's: on a machine whose cores are
   * busy with other work a tool gets a slice of a core and takes longer without doing more, and
   * a clock limit would kill it for the load. It is still killed after `timeoutMs` of CPU time,
   * or after `wallLimitFactor` times `timeoutMs` by the clock, whichever comes first. The CPU
   * time is read from /proc; without /proc the clock counts.
   */
  cpuBudget?: boolean
  /** With `cpuBudget`: the clock's limit as a multiple of `timeoutMs` (default 4). */
  wallLimitFactor?: number
  signal?: AbortSignal
  maxBuffer?: number
}

/** CPU time (user + system) a process has used, in ms, from /proc; undefined where it cannot be read. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // After the command name (which may hold spaces): utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return undefined
  }
}

// sysconf(_SC_CLK_TCK): 100 on every Linux Node runs on.
const CLOCK_TICKS = 100
// How often a CPU budget is looked at once the clock has passed it.
const CPU_CHECK_MS = 250

/** Runs a tool without a shell, with a time limit, and returns its stdout. */
export function runTool(tool: string, args: string[], opts: RunOptions): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    let timedOut = false
    let timer: NodeJS.Timeout | undefined
    const child = execFile(
      tool,
      args,
      {
        encoding: 'buffer',
        timeout: opts.cpuBudget ? 0 : opts.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024,
        signal: opts.signal,
        windowsHide: true,
      },
      (err, stdout, stderr) => {
        clearTimeout(timer)
        const errText = stderr.toString('utf8').trim()
        if (!err) return resolve({ stdout, stderr: errText })
        if (opts.signal?.aborted) return reject(opts.signal.reason)
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string | null }
        const outOfTime = timedOut || (e.killed === true && !opts.signal?.aborted)
        const lastWords = errText.split('\n').slice(-3).join(' ') || e.message
        const budget = opts.cpuBudget ? `${opts.timeoutMs} ms of CPU time` : `${opts.timeoutMs} ms`
        const why = outOfTime ? `timed out after ${budget}` : lastWords
        reject(new ToolError(path.basename(tool), `${path.basename(tool)} failed: ${why}`, outOfTime, errText, e.code))
      },
    )
    if (opts.cpuBudget) {
      const started = Date.now()
      const wallLimit = opts.timeoutMs * (opts.wallLimitFactor ?? 4)
      const check = () => {
        const wall = Date.now() - started
        const cpu = child.pid === undefined ? undefined : processCpuMs(child.pid)
        if (wall >= wallLimit || (cpu ?? wall) >= opts.timeoutMs) {
          timedOut = true
          child.kill('SIGKILL')
          return
        }
        // CPU time never runs faster than the clock: no need to look before the budget could be spent.
        timer = setTimeout(check, Math.max(CPU_CHECK_MS, Math.min(opts.timeoutMs - (cpu ?? wall), wallLimit - wall)))
      }
      timer = setTimeout(check, opts.timeoutMs)
    }
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
