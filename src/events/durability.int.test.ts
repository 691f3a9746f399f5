import type { ChildProcess } from 'node:child_process'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { exitOf, initialisedDataDir, startServiceProcess } from '../../test/service-process.js'

const register = async (url: string) => {
  const res = await fetch(`${url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'durable@example.com', password: 'monsoon mangoes 1987', name: 'D', role: 'patient' }),
  })
  return ((await res.json()) as { access_token: string }).access_token
}

describe('event store durability (PGlite on disk)', () => {
  const children: ChildProcess[] = []
  afterEach(() => children.forEach((c) => c.kill('SIGKILL')))

  let dataDir: string
  // initdb happens here, once per machine and PGlite version, within the hook's time.
  beforeAll(async () => {
    dataDir = await initialisedDataDir()
  })

  it('Should keep every acknowledged event when the server is killed mid-stream, and lock its data dir', async () => {
    const first = await startServiceProcess({ DATA_DIR: dataDir })
    children.push(first.child)
    const token = await register(first.url)

    // A second process on the same data dir must refuse, not corrupt it.
    await expect(startServiceProcess({ DATA_DIR: dataDir })).rejects.toThrow(/in use by another Podd process/)

    const acknowledged: string[] = []
    let stop = false
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`${first.url}/api/v1/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ kind: 'water', payload: { amount_ml: 100 + (i % 50) } }),
          })
          if (res.status === 201) acknowledged.push(((await res.json()) as { event: { id: string } }).event.id)
        } catch {
          return // the server died mid-request: that write was never acknowledged
        }
      }
    })()
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 5))
    first.child.kill('SIGKILL')
    await exitOf(first.child)
    stop = true
    await writer

    const second = await startServiceProcess({ DATA_DIR: dataDir })
    children.push(second.child)
    const login = await fetch(`${second.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'durable@example.com', password: 'monsoon mangoes 1987' }),
    })
    const fresh = ((await login.json()) as { access_token: string }).access_token
    const stored = new Set<string>()
    let cursor = ''
    do {
      const page = (await (
        await fetch(`${second.url}/api/v1/events?limit=500${cursor ? `&cursor=${cursor}` : ''}`, {
          headers: { authorization: `Bearer ${fresh}` },
        })
      ).json()) as { events: { id: string }[]; next_cursor: string | null }
      page.events.forEach((e) => stored.add(e.id))
      cursor = page.next_cursor ?? ''
    } while (cursor)
    const lost = acknowledged.filter((id) => !stored.has(id))
    expect(lost).toEqual([])
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length)
  }, 120_000)
})
