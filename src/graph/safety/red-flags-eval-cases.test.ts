import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectRedFlags } from './red-flags.js'

/**
 * The detector alone against every labelled turn of the eval sets, in a second rather than the
 * eval's minutes: a red-flag turn (`emergency: true`) must raise a flag, and no other turn may
 * (look-alikes and everyday messages alike). Only evals/datasets: the held-out split in
 * evals/fresh is never read.
 */
const DATASETS = path.resolve(import.meta.dirname, '../../../evals/datasets')

interface Turn {
  set: string
  id: string
  message: string
  emergency: boolean | 'any' | undefined
}

function turns(): Turn[] {
  return readdirSync(DATASETS)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((file) =>
      readFileSync(path.join(DATASETS, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .flatMap((line) => {
          // The header line of a set has no turns.
          const c = JSON.parse(line) as { id: string; turns?: { message: string; expect?: { emergency?: boolean | 'any' } }[] }
          return (c.turns ?? []).map((t) => ({ set: file, id: c.id, message: t.message, emergency: t.expect?.emergency }))
        }),
    )
}

describe('red-flag detection over the eval sets', () => {
  const all = turns()

  it('Should flag every red-flag turn', () => {
    const red = all.filter((t) => t.emergency === true)
    expect(red.length).toBeGreaterThan(100)
    expect(red.filter((t) => detectRedFlags(t.message).length === 0).map((t) => `${t.set} ${t.id}`)).toEqual([])
  })

  it('Should flag no other turn, look-alikes and everyday messages alike', () => {
    const quiet = all.filter((t) => t.emergency === false || t.emergency === undefined)
    expect(quiet.length).toBeGreaterThan(1000)
    expect(quiet.filter((t) => detectRedFlags(t.message).length > 0).map((t) => `${t.set} ${t.id}`)).toEqual([])
  })
})
