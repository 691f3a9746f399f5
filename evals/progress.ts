/**
 * A progress bar on stderr without a dependency: redrawn in place on a terminal, a line every
 * 10 % otherwise (CI logs stay short).
 */
export interface Progress {
  update(done: number, total: number, last: { id: string; passed: boolean }): void
  finish(): void
}

export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
}

export function createProgress(stream: ProgressStream = process.stderr, width = 30): Progress {
  const started = Date.now()
  let failed = 0
  let lastDecile = -1
  let drawn = false
  return {
    update(done, total, last) {
      if (!last.passed) failed++
      const frac = total ? done / total : 1
      const secs = ((Date.now() - started) / 1000).toFixed(0)
      const status = `${done}/${total} · ${failed} failed · ${secs}s`
      if (stream.isTTY) {
        const fill = Math.round(frac * width)
        const label = last.id.length > 28 ? `${last.id.slice(0, 27)}…` : last.id
        stream.write(`\r\x1b[2K[${'█'.repeat(fill)}${'░'.repeat(width - fill)}] ${status} ${label}`)
        drawn = true
        return
      }
      const decile = Math.floor(frac * 10)
      if (decile !== lastDecile) {
        lastDecile = decile
        stream.write(`eval ${Math.round(frac * 100)}% ${status}\n`)
      }
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K')
    },
  }
}
