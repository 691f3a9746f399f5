import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { InMemoryEventStore } from '../memory/in-memory-event-store.js'
import { AGENT_DEFINITIONS, AGENTS, FALLBACK_AGENT } from './registry.js'

const root = path.resolve(import.meta.dirname, '..')

describe('agent registry', () => {
  it('Should list each agent once, with the fallback among them', () => {
    expect(new Set(AGENTS).size).toBe(AGENTS.length)
    expect(AGENTS).toContain(FALLBACK_AGENT)
  })

  it.each(AGENT_DEFINITIONS.map((a) => [a.name, a] as const))('Should keep %s whole in its own folder', (name, agent) => {
    expect(agent.prompt.startsWith(`agents/${name}/`)).toBe(true)
    expect(fs.readFileSync(path.join(root, agent.prompt), 'utf8').trim().length).toBeGreaterThan(0)
    expect(agent.lexicon.patterns.length).toBeGreaterThan(0)
    expect(agent.handles.length).toBeGreaterThan(0)
    expect(agent.tools({ store: new InMemoryEventStore() }).length).toBeGreaterThan(0)
  })

  it("Should name each of an agent's tools once, and let every agent correct and remove its own entries", () => {
    for (const agent of AGENT_DEFINITIONS) {
      const names = agent.tools({ store: new InMemoryEventStore() }).map((t) => t.name)
      expect(new Set(names).size).toBe(names.length)
      expect(names).toEqual(expect.arrayContaining(['correct_entry', 'remove_entry']))
    }
  })

  it('Should give every kind of entry one owner, who corrects it', () => {
    const kinds = AGENT_DEFINITIONS.flatMap((a) => a.kinds)
    expect(new Set(kinds).size).toBe(kinds.length)
  })

  it('Should keep tool schemas free of a user id (it comes from the verified token only)', () => {
    for (const agent of AGENT_DEFINITIONS) {
      for (const tool of agent.tools({ store: new InMemoryEventStore() })) {
        expect(JSON.stringify(tool.schema)).not.toMatch(/user_?id/i)
      }
    }
  })
})
