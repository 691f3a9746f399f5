import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeOpenAI, type FakeOpenAI } from '../../test/fakes/openai-chat-server.js'
import { capturingLogger, createTestApp, registerUser, type TestApp } from '../../test/helpers.js'
import { vitalsAgent } from '../../agents/vitals/vitals-agent.js'

type Json = Record<string, any>

/** Parses an SSE body into [event, data] pairs. */
function sseFrames(text: string): [string, Json][] {
  return text
    .split('\n\n')
    .filter((b) => b.includes('event:'))
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)![1]!
      const data = /^data: (.*)$/m.exec(block)![1]!
      return [event, JSON.parse(data)]
    })
}

describe('chat through ChatOpenAI and a local OpenAI-compatible server', () => {
  let fake: FakeOpenAI
  let t: TestApp
  let token: string
  let userId: string
  const log = capturingLogger('warn')

  beforeAll(async () => {
    fake = await startFakeOpenAI()
    t = await createTestApp(
      { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-test-key', OPENAI_MODEL: 'test-model', LLM_MAX_RETRIES: '0', LLM_TIMEOUT_MS: '1500' },
      { logger: log.logger },
    )
    const u = await registerUser(t)
    token = u.access_token
    userId = u.id
  })
  afterAll(async () => {
    await t.close()
    await fake.close()
  })
  beforeEach(() => {
    fake.requests.length = 0
  })

  const chat = (message: string, accept = 'application/json') =>
    t.request('/api/v1/chat', { method: 'POST', json: { message }, token, headers: { accept } })

  it('Should run the agent loop through the real client: its tools, its prompt, the tool call, the reply and usage', async () => {
    fake.script(
      { tool_calls: [{ name: 'log_vitals', arguments: { blood_pressure_systolic: 130, blood_pressure_diastolic: 85 } }], usage: { prompt_tokens: 300, completion_tokens: 25 } },
      { content: 'Logged your BP of 130/85, stage 1.', usage: { prompt_tokens: 350, completion_tokens: 12 } },
    )
    const res = await chat('my bp is 130/85')
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    expect(body).toMatchObject({ routes: ['vitals'], reply: 'Logged your BP of 130/85, stage 1.', emergency: false })
    expect(body.model).toEqual({ provider: 'openai', fallback: false, fallback_reason: null, llm_calls: 2, input_tokens: 650, output_tokens: 37 })
    expect(body.events).toEqual([expect.objectContaining({ kind: 'vitals', source: 'chat', user_id: userId, payload: { blood_pressure_systolic: 130, blood_pressure_diastolic: 85 } })])

    const [first, second] = fake.requests
    expect(first!.authorization).toBe('Bearer sk-test-key')
    expect(first!.model).toBe('test-model')
    // The LLM is offered exactly the vitals agent's own tools, as its definition lists them.
    const vitalsToolNames = vitalsAgent.tools({ store: t.services.events }).map((tool) => tool.name).sort()
    expect(vitalsToolNames).toEqual(expect.arrayContaining(['get_vitals_history', 'log_vitals', 'correct_entry', 'remove_entry']))
    expect(first!.tools!.map((t) => t.function.name).sort()).toEqual(vitalsToolNames)
    expect(first!.messages[0]!.content).toContain("You are Podd's vitals agent")
    expect(JSON.stringify(first!.tools)).not.toContain('user_id')
    expect(JSON.stringify(fake.requests)).not.toContain(userId)
    // The tool's result goes back to the model as a tool message.
    const toolMessage = second!.messages.find((m) => m.role === 'tool')
    expect(String(toolMessage?.content)).toContain('Logged BP 130/85')
  })

  it('Should stream tokens from the LLM over SSE and end with the turn', async () => {
    fake.script({ tool_calls: [{ name: 'log_water', arguments: { amount_ml: 500 } }] }, { content: 'Two glasses logged, well done.' })
    const res = await chat('drank 2 glasses of water', 'text/event-stream')
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const frames = sseFrames(await res.text())
    expect(frames[0]).toEqual(['route', { routes: ['food'], emergency: false }])
    expect(frames.filter(([e]) => e === 'event').map(([, d]) => d.event.kind)).toEqual(['water'])
    const tokens = frames.filter(([e]) => e === 'token').map(([, d]) => d.text).join('')
    expect(tokens).toBe('Two glasses logged, well done.')
    const [last, done] = frames.at(-1)!
    expect(last).toBe('done')
    expect(done).toMatchObject({ reply: 'Two glasses logged, well done.', model: { provider: 'openai', llm_calls: 2 } })
    expect(fake.requests.every((r) => r.stream === true && r.stream_options?.include_usage === true)).toBe(true)
    expect(done.model.input_tokens).toBeGreaterThan(0)
  })

  it('Should answer with the offline model when the LLM returns a 500 HTML page', async () => {
    fake.script({ status: 500, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' })
    const before = log.lines().length
    const body = (await (await chat('sugar 142 fasting')).json()) as Json
    expect(body.model).toMatchObject({ provider: 'offline', fallback: true, fallback_reason: 'server_error' })
    expect(body.reply).toMatch(/Logged sugar fasting 142 mg\/dL/)
    expect(body.events.map((e: Json) => e.kind)).toEqual(['vitals'])
    expect(log.lines().slice(before).filter((l) => l.includes('LLM failed'))).toHaveLength(1)
  })

  it('Should answer with the offline model when the LLM times out, after its tool already ran, without logging twice', async () => {
    fake.script({ tool_calls: [{ name: 'log_water', arguments: { amount_ml: 250 } }] }, { content: 'too late', delayMs: 4000 })
    const before = (await t.services.events.list(userId, { kinds: ['water'] })).events.length
    const body = (await (await chat('had a glass of water')).json()) as Json
    expect(body.model).toMatchObject({ fallback: true, fallback_reason: 'timeout' })
    expect(body.reply).toMatch(/Logged 250 ml of water/)
    expect((await t.services.events.list(userId, { kinds: ['water'] })).events.length).toBe(before + 1)
  })

  it('Should treat unreadable tool arguments as malformed output and fall back', async () => {
    fake.script({ tool_calls: [{ name: 'log_vitals', arguments: '{"blood_pressure_systolic": 1' }] })
    const body = (await (await chat('pulse 70')).json()) as Json
    expect(body.model).toMatchObject({ fallback: true, fallback_reason: 'malformed_output' })
    expect(body.events.map((e: Json) => e.payload)).toEqual([{ heart_rate: 70 }])
  })

  it('Should ask the LLM to route when the lexicon is unsure, with forced structured output', async () => {
    fake.script(
      { tool_calls: [{ name: 'route', arguments: { agents: ['general'] } }] },
      { content: 'That sounds lovely. How are you feeling today?' },
    )
    const body = (await (await chat('went to the temple with my grandson')).json()) as Json
    expect(body.routes).toEqual(['general'])
    expect(body.model.llm_calls).toBe(2)
    expect(fake.requests[0]!.tool_choice).toMatchObject({ function: { name: 'route' } })
  })

  it('Should answer a red flag with the fixed Hindi text and no LLM call, and tell the LLM the reply language', async () => {
    const body = (await (await chat('मुझे अब जीने का मन नहीं करता')).json()) as Json
    expect(body).toMatchObject({ emergency: true, routes: [], model: { llm_calls: 0 } })
    expect(body.reply).toContain('14416')
    expect(body.reply).toMatch(/[\u0900-\u097F]/)
    expect(fake.requests).toEqual([])

    fake.script({ tool_calls: [{ name: 'log_symptom', arguments: { name: 'सिर दर्द' } }] }, { content: 'सिर दर्द दर्ज कर लिया।' })
    await chat('सुबह से सिर में दर्द है')
    const agentCall = fake.requests.find((r) => String(r.messages[0]!.content).startsWith("You are Podd's"))
    expect(agentCall!.messages[0]!.content).toContain('Reply in Hindi, in Devanagari script.')
  })

  it('Should answer a general health question through health_info, the curated answer reaching the LLM', async () => {
    fake.script({ tool_calls: [{ name: 'health_info', arguments: { question: 'how much salt can I have?' } }] }, { content: 'Under 5 g a day (WHO).' })
    const body = (await (await chat('how much salt can I have in a day?')).json()) as Json
    expect(body).toMatchObject({ routes: ['general'], reply: 'Under 5 g a day (WHO).', events: [] })
    expect(fake.requests[0]!.tools!.map((t) => t.function.name)).toContain('health_info')
    const toolMessage = fake.requests[1]!.messages.find((m) => m.role === 'tool')
    expect(String(toolMessage?.content)).toContain('5 g a day')
    expect(String(toolMessage?.content)).toContain('who.int')
  })
})
