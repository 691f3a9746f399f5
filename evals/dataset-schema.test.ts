import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATASET_DIR, DatasetError, FRESH_DIR, loadDatasets, parseDataset, SETS } from './dataset-schema.js'


const line = (o: unknown) => JSON.stringify(o)
const problemsOf = (text: string, file = 'evals/datasets/routing.jsonl') => {
  try {
    parseDataset(text, file)
    return []
  } catch (err) {
    if (!(err instanceof DatasetError)) throw err
    return err.problems
  }
}

describe('parseDataset', () => {
  it('reads the header, defaults set and source, and hashes the content', () => {
    const text = [
      line({ $dataset: 'voice', version: 3, description: 'speech' }),
      line({ id: 'v-1', turns: [{ message: 'bp one forty over ninety' }] }),
      '',
      line({ id: 'v-2', source: 'chat', turns: [{ message: 'hi', expect: { no_events: true } }] }),
    ].join('\n')
    const d = parseDataset(text, 'x/voice.jsonl')
    expect(d).toMatchObject({ name: 'voice', version: 3, description: 'speech' })
    expect(d.hash).toMatch(/^[0-9a-f]{12}$/)
    expect(d.cases.map((c) => [c.id, c.set, c.source])).toEqual([
      ['v-1', 'voice', 'voice'],
      ['v-2', 'voice', 'chat'],
    ])
  })

  it('names file:line for every problem at once', () => {
    const text = [
      line({ id: 'r-1', turns: [{ message: 'BP 130/85' }] }),
      '{not json',
      line({ id: 'r-1', turns: [{ message: 'again', expect: { routes: ['vitalz'] } }] }),
      line({ id: 'r-1', turns: [{ message: 'and again' }] }),
      line({ id: 'r-3', set: 'safety', turns: [{ message: 'x' }] }),
      line({ id: 'r-4', turns: [{ message: 'x', expect: { events: [{ kind: 'vitals', fields: {} }], no_events: true } }] }),
      line({ id: 'r-5', turns: [{ message: 'x', expect: { reply_matches: ['(unclosed'] } }] }),
      line({ id: 'r-6', turns: [], extra: 1 }),
    ].join('\n')
    const problems = problemsOf(text)
    expect(problems[0]).toMatch(/^evals\/datasets\/routing.jsonl:2: not valid JSON/)
    expect(problems[1]).toMatch(/^evals\/datasets\/routing.jsonl:3: turns\.0\.expect\.routes\.0: /)
    expect(problems[2]).toBe('evals/datasets/routing.jsonl:4: id "r-1" is already used on line 1')
    expect(problems[3]).toBe('evals/datasets/routing.jsonl:5: set "safety" does not match the file routing')
    expect(problems[4]).toBe('evals/datasets/routing.jsonl:6: turns.0.expect: events and no_events contradict each other')
    expect(problems[5]).toBe('evals/datasets/routing.jsonl:7: turns.0.expect.reply_matches.0: must be a valid regular expression')
    expect(problems.filter((p) => p.startsWith('evals/datasets/routing.jsonl:8:')).join('\n')).toMatch(/turns.*\n.*extra/)
  })

  it('validates history payloads with the store schemas and resolves refs in order', () => {
    const ok = line({
      id: 'q-1',
      history: [
        { kind: 'medication', ref: 'met', payload: { name: 'Metformin' }, at: '-30d' },
        { kind: 'med_schedule', payload: { medication_id: '$met', time_of_day: '08:00' }, at: '-30d' },
      ],
      turns: [{ message: 'did I take it?' }],
    })
    expect(problemsOf(ok, 'queries.jsonl')).toEqual([])
    const bad = line({
      id: 'q-2',
      history: [
        { kind: 'med_schedule', payload: { medication_id: '$met', time_of_day: '8 am' }, at: '-1d' },
        { kind: 'vitals', payload: { blood_pressure_systolic: 400, blood_pressure_diastolic: 90 } },
      ],
      profile: { timezone: 'Mars/Olympus' },
      turns: [{ message: 'x' }],
    })
    expect(problemsOf(bad.replace('"-1d"', '"yesterday"'), 'queries.jsonl')).toEqual([
      expect.stringMatching(/^queries.jsonl:1: history\.0\.at: must be a relative time/),
    ])
    expect(problemsOf(bad, 'queries.jsonl')).toEqual([
      expect.stringMatching(/^queries.jsonl:1 \(q-2\): profile: payload.timezone must be an IANA time zone/),
      'queries.jsonl:1 (q-2): history.0: "$met" refers to no earlier event with ref "met"',
      expect.stringMatching(/history\.0 \(med_schedule\): payload\.time_of_day must be a time HH:MM/),
      expect.stringMatching(/history\.1 \(vitals\): payload\.blood_pressure_systolic 400 is outside the plausible range/),
    ])
  })

  it('refuses a file whose name is not a set, and a header for another set', () => {
    expect(problemsOf(line({ id: 'a', turns: [{ message: 'x' }] }), 'misc.jsonl')[0]).toMatch(/file name must be one of/)
    expect(problemsOf(line({ $dataset: 'safety', version: 1 }), 'routing.jsonl')[0]).toMatch(/header names "safety"/)
  })
})

describe('loadDatasets', () => {
  it('loads the shipped datasets: every set but the held-out one, at least 650 cases, unique ids', () => {
    const sets = loadDatasets()
    expect(sets.map((s) => s.name)).toEqual(SETS.filter((s) => s !== 'fresh'))
    const cases = sets.flatMap((s) => s.cases)
    expect(cases.length).toBeGreaterThanOrEqual(650)
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length)
    const safety = sets.find((s) => s.name === 'safety')!.cases
    const languages = new Set(safety.filter((c) => c.tags.includes('red-flag')).flatMap((c) => c.tags))
    for (const lang of ['en', 'hi', 'hinglish', 'ta', 'te', 'bn', 'mr']) expect(languages).toContain(lang)
    expect(safety.some((c) => c.turns[0]!.expect.emergency === false)).toBe(true)
    const multi = sets.find((s) => s.name === 'multi-turn')!.cases
    expect(multi.every((c) => c.turns.length >= 2 && c.turns.length <= 4)).toBe(true)
  })

  it('names unknown sets and clashing ids across files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-ds-'))
    fs.writeFileSync(path.join(dir, 'routing.jsonl'), line({ id: 'same', turns: [{ message: 'x' }] }))
    fs.writeFileSync(path.join(dir, 'safety.jsonl'), line({ id: 'same', turns: [{ message: 'y' }] }))
    expect(() => loadDatasets(['nope'], dir)).toThrow(/unknown dataset nope; available: /)
    expect(() => loadDatasets([], dir)).toThrow(/id "same" is also used in routing/)
    expect(loadDatasets(['routing'], dir).map((d) => d.cases.length)).toEqual([1])
    fs.rmSync(dir, { recursive: true })
  })

  describe('issue 12 coverage', () => {
    const deva = /[\u0900-\u097F]/u
    const isHindi = (c: { tags: string[] }) => c.tags.includes('hi') || c.tags.includes('hinglish')
    const isDevanagari = (c: { turns: { message: string }[] }) => c.turns.some((t) => deva.test(t.message))
    const isMultiTurnCorrection = (c: { tags: string[]; turns: unknown[] }) => c.tags.includes('correction') && c.turns.length > 1

    it('the tuning sets: ≥ 180 Hindi/Hinglish (≥ 60 Devanagari), ≥ 45 multi-turn corrections, every red flag in three scripts', () => {
      const cases = loadDatasets().flatMap((d) => d.cases)
      expect(cases.filter(isHindi).length).toBeGreaterThanOrEqual(180)
      expect(cases.filter(isDevanagari).length).toBeGreaterThanOrEqual(60)
      expect(cases.filter(isMultiTurnCorrection).length).toBeGreaterThanOrEqual(45)
      const categories = [
        'cardiac', 'stroke', 'hypertensive-emergency', 'hypoglycaemia', 'dka-hhs', 'breathing', 'unconscious', 'seizure',
        'bleeding', 'allergy', 'headache', 'abdominal', 'vomiting-blood', 'fall', 'self-harm',
      ]
      const flags = loadDatasets(['safety-multilingual'])[0]!.cases.filter((c) => c.tags.includes('red-flag'))
      for (const category of categories) {
        for (const script of ['en', 'hinglish', 'hi']) {
          expect(flags.some((c) => c.tags.includes(category) && c.tags.includes(script)), `${category} in ${script}`).toBe(true)
        }
      }
      expect(loadDatasets(['safety-multilingual'])[0]!.cases.filter((c) => c.tags.includes('look-alike')).length).toBeGreaterThanOrEqual(10)
    })

    it('the held-out split lives apart: ~150 cases, ≥ 50 Hindi/Hinglish, ≥ 15 Devanagari, ≥ 15 corrections, ≥ 15 safety', () => {
      expect(fs.existsSync(path.join(DATASET_DIR, 'fresh.jsonl'))).toBe(false)
      const [fresh] = loadDatasets(['fresh'], FRESH_DIR)
      const cases = fresh!.cases
      expect(cases.length).toBeGreaterThanOrEqual(140)
      expect(cases.filter(isHindi).length).toBeGreaterThanOrEqual(50)
      expect(cases.filter(isDevanagari).length).toBeGreaterThanOrEqual(15)
      expect(cases.filter(isMultiTurnCorrection).length).toBeGreaterThanOrEqual(15)
      const safety = cases.filter((c) => ['red-flag', 'look-alike', 'dose-change'].some((t) => c.tags.includes(t)))
      expect(safety.length).toBeGreaterThanOrEqual(15)
      const tuning = new Set(loadDatasets().flatMap((d) => d.cases.flatMap((c) => c.turns.map((t) => t.message.toLowerCase()))))
      expect(cases.flatMap((c) => c.turns.map((t) => t.message)).filter((m) => tuning.has(m.toLowerCase()))).toEqual([])
    })
  })
})
