import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cachedJudge, judgeFromEnv, openevalsGrader, verdictKey } from './judge.js'

const input = { rubric: 'Says there are no readings and invents none.', conversation: ['what was my BP?'], reply: 'You have no readings.' }
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'podd-judge-'))

describe('cachedJudge', () => {
  it('asks the grader once per model, rubric, conversation and reply, then answers from disk', async () => {
    const dir = tempDir()
    let calls = 0
    const judge = cachedJudge('judge-a', async () => ({ pass: ++calls === 1, comment: `call ${calls}` }), dir)
    expect(await judge.grade(input)).toEqual({ pass: true, comment: 'call 1', cached: false })
    expect(await judge.grade(input)).toEqual({ pass: true, comment: 'call 1', cached: true })
    // A fresh judge over the same folder (the next run) still hits the cache.
    expect(await cachedJudge('judge-a', async () => ({ pass: false, comment: 'x' }), dir).grade(input)).toMatchObject({ cached: true })
    expect((await judge.grade({ ...input, reply: 'Your BP was 120/80.' })).cached).toBe(false)
    expect((await judge.grade({ ...input, rubric: 'Another rubric entirely.' })).cached).toBe(false)
    expect(calls).toBe(3)
    expect(verdictKey('judge-a', input)).not.toBe(verdictKey('judge-b', input))
    fs.rmSync(dir, { recursive: true })
  })

  it('exists only when JUDGE_MODEL is set', () => {
    expect(judgeFromEnv({})).toBeUndefined()
    expect(judgeFromEnv({ JUDGE_MODEL: ' ' })).toBeUndefined()
    expect(judgeFromEnv({ JUDGE_MODEL: 'gpt-4o-mini', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }, tempDir())?.model).toBe('gpt-4o-mini')
  })
})

describe('openevalsGrader', () => {
  // A local server speaking OpenAI chat completions: structured output may come back as a tool
  // call or as JSON content depending on how the client asks, so it answers both ways.
  const requests: { messages: { content: string }[]; temperature?: number }[] = []
  let server: http.Server
  let baseURL: string
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        const json = JSON.parse(body)
        requests.push(json)
        const passes = JSON.stringify(json.messages).includes('You have no readings')
        const verdict = JSON.stringify({ reasoning: `Checked. Thus, the score should be: ${passes}.`, score: passes })
        const message = json.tools?.length
          ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: json.tools[0].function.name, arguments: verdict } }] }
          : { role: 'assistant', content: verdict }
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 0,
          model: json.model,
          choices: [{ index: 0, message, finish_reason: json.tools?.length ? 'tool_calls' : 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('grades through openevals and ChatOpenAI at temperature 0, with the rubric in the prompt', async () => {
    const grade = openevalsGrader({ model: 'gpt-4o-mini', baseURL, apiKey: 'test' })
    expect(await grade(input)).toEqual({ pass: true, comment: 'Checked. Thus, the score should be: true.' })
    expect(await grade({ ...input, reply: 'Your BP was 120/80.' })).toMatchObject({ pass: false })
    expect(requests).toHaveLength(2)
    expect(requests[0]!.temperature).toBe(0)
    const prompt = JSON.stringify(requests[0]!.messages)
    expect(prompt).toContain('Says there are no readings and invents none.')
    expect(prompt).toContain('1. what was my BP?')
  })
})
