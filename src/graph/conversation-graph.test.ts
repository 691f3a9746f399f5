import { AIMessage, isToolMessage, type ToolMessage } from '@langchain/core/messages'
import { fakeModel } from '@langchain/core/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { EventStore } from '../../memory/event-store.js'
import { capturingLogger, sharedEventDb } from '../../test/helpers.js'
import { Metrics } from '../metrics.js'
import type { ChatModels } from './chat-models.js'
import { Conversation, ThreadNotFoundError } from './conversation-service.js'
import { EventDbCheckpointSaver } from './event-db-saver.js'
import { OfflineChatModel } from './offline-model/offline-chat-model.js'
import { ephemeralPatientKeys } from '../../memory/encryption/patient-keys.js'

let store: EventStore
let checkpointer: EventDbCheckpointSaver
let n = 0
const patient = () => `graph-patient-${n++}`

beforeAll(async () => {
  const db = await sharedEventDb()
  store = new EventStore(db.db, ephemeralPatientKeys())
  checkpointer = new EventDbCheckpointSaver(db.db)
})

function conversation(models: Partial<ChatModels> = {}, logger = capturingLogger().logger) {
  const offline = new OfflineChatModel({})
  return new Conversation({
    store,
    checkpointer,
    logger,
    metrics: new Metrics(),
    models: { provider: 'offline', primary: offline, offline, ...models },
  })
}

/** A scripted LLM standing in for an OpenAI-compatible one. */
function llm() {
  const model = fakeModel()
  return { model, models: { provider: 'openai' as const, primary: model } }
}

describe('conversation graph', () => {
  it('Should stop at the safety node with fixed text, an emergency alert and no model call', async () => {
    const { model, models } = llm()
    const user = patient()
    const result = await conversation(models).run({ userId: user, message: 'I have severe chest pain and my left arm is numb', source: 'chat' })
    expect(result.emergency).toBe(true)
    expect(result.routes).toEqual([])
    expect(result.reply).toMatch(/Call 112 or 108/)
    expect(model.callCount).toBe(0)
    expect(result.events).toEqual([expect.objectContaining({ kind: 'alert', user_id: user, payload: expect.objectContaining({ tier: 'emergency', condition: expect.stringMatching(/^red_flag:chest_pain/) }) })])
  })

  it('Should decline a dose change with fixed words before any agent runs', async () => {
    const { model, models } = llm()
    const result = await conversation(models).run({ userId: patient(), message: 'should I double my insulin tonight?', source: 'chat' })
    expect(result.routes).toEqual(['medication'])
    expect(result.reply).toMatch(/only your doctor/)
    expect(model.callCount).toBe(0)
    expect(result.events).toEqual([])
  })

  it('Should fan a multi-intent turn out to every agent and merge their replies in agent order', async () => {
    const user = patient()
    await store.append(user, { kind: 'medication', payload: { name: 'Metformin' }, source: 'api' })
    const result = await conversation().run({ userId: user, message: 'bp 130/85 and I took my metformin', source: 'chat' })
    expect(result.routes).toEqual(['vitals', 'medication'])
    expect(result.events.map((e) => e.kind).sort()).toEqual(['med_dose', 'vitals'])
    expect(result.reply.indexOf('BP 130/85')).toBeLessThan(result.reply.indexOf('Metformin'))
  })

  it("Should route with the LLM's structured output when the lexicon is unsure", async () => {
    const { model, models } = llm()
    model.structuredResponse({ agents: ['general'] })
    model.respond(new AIMessage('Glad you are feeling brighter today!'))
    const result = await conversation(models).run({ userId: patient(), message: 'purple sky over the temple', source: 'chat' })
    expect(result.routes).toEqual(['general'])
    expect(result.reply).toBe('Glad you are feeling brighter today!')
    expect(result.model).toMatchObject({ provider: 'openai', fallback: false, llm_calls: 2 })
  })

  it('Should give the agent its tool error to recover from, writing nothing bad', async () => {
    const { model, models } = llm()
    const user = patient()
    model.respondWithTools([{ name: 'log_vitals', args: { blood_pressure_systolic: 'very high' }, id: 'call-bad' }])
    model.respondWithTools([{ name: 'log_vitals', args: { blood_pressure_systolic: 90, blood_pressure_diastolic: 140 }, id: 'call-implausible' }])
    model.respond(new AIMessage('Could you measure again and tell me both numbers?'))
    const result = await conversation(models).run({ userId: user, message: 'my bp is 140 over 90', source: 'chat' })
    expect(result.reply).toBe('Could you measure again and tell me both numbers?')
    expect(result.events).toEqual([])
    expect((await store.list(user)).events.filter((e) => e.kind === 'vitals')).toEqual([])
    const toolErrors = model.calls.at(-1)!.messages.filter((m) => isToolMessage(m)) as ToolMessage[]
    expect(toolErrors.map((m) => m.status)).toEqual(['error', 'error'])
    expect(String(toolErrors[1]!.content)).toMatch(/diastolic 140 must be lower than systolic 90/)
  })

  it("Should take the user id from the runtime context, never from the model's arguments or prompts", async () => {
    const { model, models } = llm()
    const user = patient()
    // A model trying to write into someone else's history: the schema has no user id, so it is refused.
    model.respondWithTools([{ name: 'log_water', args: { amount_ml: 250, user_id: 'victim' }, id: 'call-1' }])
    model.respond(new AIMessage('Logged your water.'))
    const result = await conversation(models).run({ userId: user, message: 'drank a glass of water', source: 'voice' })
    expect(result.events).toEqual([expect.objectContaining({ user_id: user, kind: 'water', source: 'voice', idempotency_key: 'tool:call-1' })])
    expect((await store.list('victim')).events).toEqual([])
    for (const call of model.calls) expect(JSON.stringify(call.messages)).not.toContain(user)
  })

  it('Should answer offline when the LLM fails, say so, and log nothing twice', async () => {
    const { model, models } = llm()
    const user = patient()
    model.respondWithTools([{ name: 'log_water', args: { amount_ml: 500 }, id: 'call-water' }])
    model.respond(new Error('503 upstream unavailable'))
    const log = capturingLogger('warn')
    const result = await conversation(models, log.logger).run({ userId: user, message: 'I drank two glasses of water', source: 'chat' })
    expect(result.model).toMatchObject({ provider: 'offline', fallback: true, fallback_reason: 'error' })
    expect(result.events.map((e) => e.kind)).toEqual(['water'])
    expect(result.reply).toMatch(/Logged 500 ml of water/)
    expect((await store.list(user)).events.filter((e) => e.kind === 'water')).toHaveLength(1)
    expect(log.lines().filter((l) => l.includes('LLM failed'))).toHaveLength(1)
  })

  it('Should keep two patients apart when their turns run at the same time', async () => {
    const alice = patient()
    const bob = patient()
    const c = conversation()
    const [a, b] = await Promise.all([
      c.run({ userId: alice, message: 'sugar 110 fasting', source: 'chat' }),
      c.run({ userId: bob, message: 'weight 82 kg', source: 'chat' }),
    ])
    expect(a.events.map((e) => [e.user_id, e.kind, e.payload.blood_sugar])).toEqual([[alice, 'vitals', 110]])
    expect(b.events.map((e) => [e.user_id, e.kind, e.payload.weight_kg])).toEqual([[bob, 'vitals', 82]])
    expect(a.thread_id).not.toBe(b.thread_id)
    await expect(c.run({ userId: bob, message: 'hello', source: 'chat', threadId: a.thread_id })).rejects.toBeInstanceOf(ThreadNotFoundError)
  })

  it('Should carry a clarification across turns of a thread', async () => {
    const c = conversation()
    const user = patient()
    const first = await c.run({ userId: user, message: 'log my lunch', source: 'chat' })
    expect(first.reply).toBe('What did you have for lunch?')
    expect(first.events).toEqual([])
    const second = await c.run({ userId: user, message: 'rice and dal', source: 'chat', threadId: first.thread_id })
    expect(second.events).toEqual([expect.objectContaining({ kind: 'food', payload: expect.objectContaining({ meal_type: 'lunch' }) })])
    const history = await c.threadMessages(user, first.thread_id)
    expect(history.map((e) => [e.payload.role, e.payload.text])).toEqual([
      ['user', 'log my lunch'],
      ['assistant', 'What did you have for lunch?'],
      ['user', 'rice and dal'],
      ['assistant', second.reply],
    ])
  })

  it('Should stream route, token, event and done frames', async () => {
    const frames = []
    for await (const f of conversation().stream({ userId: patient(), message: 'pulse 72', source: 'chat' })) frames.push(f)
    expect(frames[0]).toEqual({ type: 'route', routes: ['vitals'], emergency: false })
    expect(frames.filter((f) => f.type === 'event')).toHaveLength(1)
    const tokens = frames.filter((f) => f.type === 'token').map((f) => (f as { text: string }).text).join('')
    const done = frames.at(-1)
    expect(done?.type).toBe('done')
    expect(tokens).toBe((done as { result: { reply: string } }).result.reply)
  })
})
