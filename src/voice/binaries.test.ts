import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { processCpuMs, runTool, ToolError } from './binaries.js'

const hasProc = fs.existsSync('/proc/self/stat')

describe('running a tool within a CPU-time budget', () => {
  it.skipIf(!hasProc)('lets a tool that waits (as one starved of CPU by a busy machine) run past the budget by the clock', async () => {
    const { stdout } = await runTool('/bin/sh', ['-c', 'sleep 0.5; echo finished'], { timeoutMs: 200, cpuBudget: true })
    expect(stdout.toString().trim()).toBe('finished')
  })

  it('stops a tool that spends its budget, and says it ran out of time', async () => {
    const run = runTool('/bin/sh', ['-c', 'while :; do :; done'], { timeoutMs: 200, cpuBudget: true, wallLimitFactor: 10 })
    const err = await run.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ToolError)
    expect((err as ToolError).timedOut).toBe(true)
    expect((err as ToolError).message).toMatch(/CPU time/)
  }, 15_000)

  it('still stops a tool that hangs without using CPU, at the clock limit', async () => {
    const started = Date.now()
    const err = await runTool('/bin/sh', ['-c', 'exec sleep 30'], { timeoutMs: 100, cpuBudget: true, wallLimitFactor: 3 }).catch((e: unknown) => e)
    expect((err as ToolError).timedOut).toBe(true)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('counts by the clock when no budget is asked for', async () => {
    const err = await runTool('/bin/sh', ['-c', 'exec sleep 5'], { timeoutMs: 100 }).catch((e: unknown) => e)
    expect((err as ToolError).timedOut).toBe(true)
  })

  it.skipIf(!hasProc)('reads a process CPU time; none for a process that is gone', () => {
    expect(processCpuMs(process.pid)).toBeGreaterThan(0)
    expect(processCpuMs(2 ** 22 + 12345)).toBeUndefined()
  })
})
