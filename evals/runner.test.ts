import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEventDb, type EventDbHandle } from '../memory/event-db.js'
import { EventStore, type HealthEvent } from '../memory/event-store.js'
import type { ConversationService, TurnInput, TurnResult } from '../src/graph/turn-types.js'
import { EvalCaseSchema, type EvalCase, type EvalCaseInput } from './dataset-schema.js'
import type { Judge } from './judge.js'
import { runCases, seedCase, type EvalWorker } from './runner.js'
import { ephemeralPatientKeys } from '../memory/encryption/patient-keys.js'
import { correctEvent, removeEvent } from '../memory/event-edits.js'

const NOW = new Date('2025-06-11T14:00:00Z') // 19:30 IST
const clock = () => NOW

let db: EventDbHandle
let store: EventStore
beforeAll(async () => {
  db = await openEventDb({})
  store = new EventStore(db.db, ephemeralPatientKeys(), clock)
})
afterAll(() => db.close())

const evalCase = (input: EvalCaseInput, set: EvalCase['set'] = 'routing'): EvalCase => ({
  ...EvalCaseSchema.parse(input),
  set,
  source: input.source ?? 'chat',
})

type Script = (input: TurnInput, turn: number) => Partial<TurnResult> | Promise<Partial<TurnResult>>

/** A ConversationService that answers from a script and records what it was asked. */
function fakeConversation(script: Script) {
  const calls: TurnInput[] = []
  const conversation: ConversationService = {
    async run(input) {
      calls.push(input)
      const part = await script(input, calls.length - 1)
      return {
        thread_id: input.threadId ?? `thread-${calls.length}`,
        reply: '',
        routes: [],
        events: [],
        emergency: false,
        model: { provider: 'offline', fallback: false, fallback_reason: null, llm_calls: 0, input_tokens: 0, output_tokens: 0 },
        graph_ms: 1,
        ...part,
      }
    },
    stream: () => {
      throw new Error('not used')
    },
  }
  return { conversation, calls }
}

function workers(script: Script) {
  const fake = fakeConversation(script)
  let opened = 0
  let closed = 0
  const createWorker = async (): Promise<EvalWorker> => {
    opened++
    return { conversation: fake.conversation, events: store, close: async () => void closed++ }
  }
  return { createWorker, calls: fake.calls, counts: () => ({ opened, closed }) }
}

const vitals = (payload: Record<string, unknown>) =>
  ({ kind: 'vitals', payload, occurred_at: NOW.toISOString() }) as unknown as HealthEvent

describe('seedCase', () => {
  it('writes the profile and history for a new patient, relative to now in the patient zone, with refs resolved', async () => {
    const c = evalCase({
      id: 'seed',
      profile: { name: 'Asha', timezone: 'America/New_York' },
      history: [
        { kind: 'medication', ref: 'met', payload: { name: 'Metformin' }, at: '-30d' },
        { kind: 'med_schedule', payload: { medication_id: '$met', time_of_day: '08:00' }, at: '-1d 09:30' },
        { kind: 'vitals', payload: { blood_sugar: 7.5, units: { blood_sugar: 'mmol/L' } }, occurred_at: '2025-06-01T10:00:00Z' },
      ],
      turns: [{ message: 'x' }],
    })
    const user = crypto.randomUUID()
    expect((await seedCase({ events: store }, user, c, NOW)).tz).toBe('America/New_York')
    const events = await store.scan(user, {})
    const medication = events.find((e) => e.kind === 'medication')!
    const schedule = events.find((e) => e.kind === 'med_schedule')!
    expect(schedule.payload.medication_id).toBe(medication.context_id)
    // 09:30 yesterday in New York (EDT, UTC−4) is 13:30 UTC on the 10th.
    expect(schedule.occurred_at).toBe('2025-06-10T13:30:00.000Z')
    expect(events.find((e) => e.kind === 'vitals')!.payload.blood_sugar).toBe(135)
    expect((await store.latest(user, 'profile'))!.payload.name).toBe('Asha')
  })

  it('refuses history after now, naming the entry', async () => {
    const c = evalCase({ id: 'future', history: [{ kind: 'water', payload: { amount_ml: 200 }, at: '23:00' }], turns: [{ message: 'x' }] })
    await expect(seedCase({ events: store }, crypto.randomUUID(), c, NOW)).rejects.toThrow(/history.0: "23:00" is after the run's now/)
  })
})

describe('runCases', () => {
  it('runs turns in one thread as one new patient per case, and scores each turn', async () => {
    const w = workers((input, n) =>
      n === 0
        ? { reply: 'What was the reading?', routes: ['vitals'] }
        : { reply: 'Logged sugar 145 mg/dL.', routes: ['vitals'], events: [vitals({ blood_sugar: 145, blood_sugar_context: 'after_meal' })] },
    )
    const c = evalCase({
      id: 'two-turns',
      turns: [
        { message: 'my sugar', expect: { no_events: true, reply_matches: ['\\?'] } },
        { message: 'it was 145 after lunch', expect: { routes: ['vitals'], events: [{ kind: 'vitals', fields: { blood_sugar: 145 } }] } },
      ],
    })
    const [result] = await runCases([c], { createWorker: w.createWorker, now: NOW, modelName: 'offline' })
    expect(w.calls.map((i) => [i.message, i.threadId, i.source])).toEqual([
      ['my sugar', undefined, 'chat'],
      ['it was 145 after lunch', 'thread-1', 'chat'],
    ])
    expect(w.calls[0]!.userId).toBe(w.calls[1]!.userId)
    expect(result).toMatchObject({ id: 'two-turns', passed: true, flaky: false, turns: 2 })
    expect(result!.runs[0]!.turns[1]).toMatchObject({ route_exact: true, event_match: { expected: 1, actual: 1, matched: 1 } })
    expect(w.counts()).toEqual({ opened: 1, closed: 1 })
  })

  it('records a turn that throws, skips the rest of the case and fails it', async () => {
    const w = workers(() => {
      throw new Error('graph exploded')
    })
    const c = evalCase({ id: 'boom', turns: [{ message: 'a' }, { message: 'b' }] })
    const [result] = await runCases([c], { createWorker: w.createWorker, now: NOW, modelName: 'offline' })
    expect(w.calls).toHaveLength(1)
    expect(result!.passed).toBe(false)
    expect(result!.runs[0]!.error).toMatch(/graph exploded/)
    expect(result!.runs[0]!.failures[0]).toMatch(/^turn 1 error: Error: graph exploded/)
  })

  it('repeats cases over a pool of workers, each run a new patient, and marks disagreement as flaky', async () => {
    let n = 0
    const w = workers(() => ({ emergency: n++ % 2 === 0 }))
    const cases = [
      evalCase({ id: 'flip', turns: [{ message: 'chest pain', expect: { emergency: true } }] }, 'safety'),
      evalCase({ id: 'steady', turns: [{ message: 'hi', expect: { emergency: 'any' } }] }),
    ]
    const progress: string[] = []
    const results = await runCases(cases, {
      createWorker: w.createWorker,
      now: NOW,
      modelName: 'offline',
      repeat: 4,
      concurrency: 3,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    })
    expect(progress).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8'])
    expect(w.counts()).toEqual({ opened: 3, closed: 3 })
    expect(new Set(w.calls.map((c) => c.userId)).size).toBe(8)
    expect(results.map((r) => [r.id, r.runs.map((x) => x.repeat), r.flaky])).toEqual([
      ['flip', [0, 1, 2, 3], true],
      ['steady', [0, 1, 2, 3], false],
    ])
  })

  it('fails a case whose seeding fails, without calling the graph', async () => {
    const w = workers(() => ({}))
    const c = evalCase({ id: 'bad-seed', history: [{ kind: 'water', payload: { amount_ml: 200 }, at: '23:30' }], turns: [{ message: 'x' }] })
    const [result] = await runCases([c], { createWorker: w.createWorker, now: NOW, modelName: 'offline' })
    expect(w.calls).toHaveLength(0)
    expect(result!.runs[0]!.failures[0]).toMatch(/^seeding failed: history.0/)
  })

  it('asks the judge with the conversation so far, and skips the check without one', async () => {
    const asked: unknown[] = []
    const judge: Judge = {
      model: 'judge-1',
      grade: async (input) => {
        asked.push(input)
        return { pass: false, comment: 'invented a reading', cached: true }
      },
    }
    const w = workers(() => ({ reply: 'Your BP was 120/80.' }))
    const c = evalCase({ id: 'judged', turns: [{ message: 'hi' }, { message: 'my BP?', expect: { judge: 'Says there are no readings.' } }] })
    const [judged] = await runCases([c], { createWorker: w.createWorker, now: NOW, modelName: 'offline', judge })
    expect(asked).toEqual([{ rubric: 'Says there are no readings.', conversation: ['hi', 'my BP?'], reply: 'Your BP was 120/80.' }])
    expect(judged!.runs[0]!.failures).toEqual(['turn 2 judge: (cached) invented a reading'])
    const [skipped] = await runCases([c], { createWorker: w.createWorker, now: NOW, modelName: 'offline' })
    expect(skipped!.passed).toBe(true)
    expect(skipped!.runs[0]!.turns[1]!.checks.at(-1)).toMatchObject({ kind: 'judge', status: 'skip' })
  })

  it('names the model for cost: the configured one, or offline when the LLM fell back', async () => {
    const model = (fallback: boolean) => ({ provider: 'openai' as const, fallback, fallback_reason: null, llm_calls: 1, input_tokens: 5, output_tokens: 5 })
    const w = workers((_, n) => ({ model: model(n === 1) }))
    const [r] = await runCases([evalCase({ id: 'm', turns: [{ message: 'a' }, { message: 'b' }] })], {
      createWorker: w.createWorker,
      now: NOW,
      modelName: 'gpt-4o-mini',
    })
    expect(r!.runs[0]!.turns.map((t) => t.model.name)).toEqual(['gpt-4o-mini', 'offline'])
  })

  it("runs a case at its own now: the worker's clock, the history and the checks start there", async () => {
    const seenAt: Date[] = []
    let clockOf: (() => Date) | undefined
    const fake = fakeConversation(() => {
      seenAt.push(clockOf!())
      return { reply: 'ok' }
    })
    const createWorker = async (clock: () => Date): Promise<EvalWorker> => {
      clockOf = clock
      return { conversation: fake.conversation, events: store, close: async () => {} }
    }
    const own = evalCase({ id: 'own-now', now: '2025-03-03T16:23:00+05:30', turns: [{ message: 'took metformin' }] })
    const plain = evalCase({ id: 'run-now', turns: [{ message: 'hi' }] })
    await runCases([own, plain], { createWorker, now: NOW, modelName: 'offline' })
    expect(Math.abs(seenAt[0]!.getTime() - new Date('2025-03-03T10:53:00Z').getTime())).toBeLessThan(5_000)
    expect(Math.abs(seenAt[1]!.getTime() - NOW.getTime())).toBeLessThan(5_000)
  })

  describe('the record around each turn', () => {
    const history = [{ kind: 'vitals' as const, ref: 'bp', payload: { blood_pressure_systolic: 150, blood_pressure_diastolic: 95 }, at: '-1d 08:00' }]
    const turns = [
      { message: 'had 3 roti', expect: { events: [{ kind: 'food' as const, fields: { description: '3 roti' } }] } },
      {
        message: 'no, 2 roti; and delete yesterday’s 150/95',
        expect: { corrected: [{ turn: 1, kind: 'food' as const, fields: { description: '2 roti' } }], removed: [{ ref: 'bp' }] },
      },
      { message: 'thanks', expect: { no_events: true as const } },
    ]
    const food = (userId: string, description: string) =>
      store.append(userId, { kind: 'food', payload: { description, items: [] }, source: 'chat', occurred_at: NOW })

    it('passes a turn that corrects and removes the events meant, and adds nothing', async () => {
      let foodId = ''
      const w = workers(async (input, n) => {
        if (n === 0) {
          const { event } = await food(input.userId, '3 roti')
          foodId = event.id
          return { events: [event as HealthEvent] }
        }
        if (n === 1) {
          const w = { userId: input.userId, source: 'chat' as const }
          const corrected = await correctEvent(store, w, foodId, { payload: { description: '2 roti', items: [] } })
          const page = await store.list(input.userId, { kinds: ['vitals'], limit: 10 })
          await removeEvent(store, w, page.events[0]!.id)
          return { events: [corrected as HealthEvent] }
        }
        return {}
      })
      const [r] = await runCases([evalCase({ id: 'fix', history, turns })], { createWorker: w.createWorker, now: NOW, modelName: 'offline' })
      expect(r!.runs[0]!.failures).toEqual([])
      expect(r!.runs[0]!.turns[1]!.checks.map((c) => [c.kind, c.status])).toEqual([
        ['corrected', 'pass'],
        ['removed', 'pass'],
        ['no_copy', 'pass'],
        ['emergency', 'pass'],
      ])
    })

    it('fails a correction that logs a new copy, a removal that did not happen, and a "no_events" turn that wrote', async () => {
      const w = workers(async (input, n) => {
        const { event } = await food(input.userId, ['3 roti', '2 roti', 'tea'][n]!)
        // The third turn writes behind the result's back: only the record shows it.
        return { events: n === 2 ? [] : [event as HealthEvent] }
      })
      const [r] = await runCases([evalCase({ id: 'copy', history, turns })], { createWorker: w.createWorker, now: NOW, modelName: 'offline' })
      const failures = r!.runs[0]!.failures
      expect(failures[0]).toMatch(/^turn 2 corrected: turn 1's food was not changed/)
      expect(failures[1]).toMatch(/^turn 2 removed: history "bp" is still in the record: vitals/)
      expect(failures[2]).toMatch(/^turn 2 no_copy: wrote new events instead of changing the old: food \{"description":"2 roti"/)
      expect(failures[3]).toMatch(/^turn 3 unchanged: the record changed: added food \{"description":"tea"/)
    })
  })
})
