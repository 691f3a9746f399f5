import { describe, expect, it } from 'vitest'
import { DatasetError } from '../dataset-schema.js'
import { audioDatasetNames, loadAudioDataset, parseAudioDataset } from './audio-dataset.js'
import { renditionFor } from './spoken-audio.js'
import type { AudioFloors } from './audio-floors.js'
import { intentHandled, renderVoiceAudioReport, selectAudioCases, voiceAudioReport, werText, type AudioTurn } from './voice-audio-eval.js'

const header = '{"$dataset": "voice-audio", "version": 2}'
const line = (o: Record<string, unknown>) =>
  JSON.stringify({ id: 'va-x', source: 'voice', intent: 'reading', turns: [{ message: 'pulse seventy two', expect: {} }], tags: [], ...o })

describe('spoken eval sets', () => {
  it('reads a case: a chat eval case with its intent', () => {
    const d = parseAudioDataset(`${header}\n${line({})}\n`, 'voice-audio.jsonl')
    expect(d).toMatchObject({ name: 'voice-audio', version: 2, cases: [{ id: 'va-x', intent: 'reading', source: 'voice' }] })
  })

  it('names every problem with its line', () => {
    const bad = `${header}\n${line({ intent: 'chitchat' })}\n${line({ id: 'Bad Id' })}\nnot json\n`
    const err = (() => {
      try {
        parseAudioDataset(bad, 'voice-audio.jsonl')
      } catch (e) {
        return e as DatasetError
      }
    })()
    expect(err).toBeInstanceOf(DatasetError)
    expect(err!.problems.join('\n')).toMatch(/:2: intent must be one of[\s\S]*:3: id:[\s\S]*:4: not valid JSON/)
  })

  it('finds the development and held-out sets; the development set loads', () => {
    expect(audioDatasetNames()).toEqual(expect.arrayContaining(['voice-audio', 'voice-audio-fresh']))
    const dev = loadAudioDataset('voice-audio')
    expect(dev.cases.length).toBeGreaterThanOrEqual(150)
    expect(dev.cases.filter((c) => c.intent === 'emergency').length).toBeGreaterThanOrEqual(30)
    expect(() => loadAudioDataset('voice-audio-nope')).toThrow(/unknown audio dataset/)
  })

  it('speaks a case the same way every run, voices taking turns', () => {
    const voices = ['en-us', 'en-gb', 'en-gb-x-rp', 'en-029']
    const a = renditionFor('va-x', 5, voices, 20)
    expect(renditionFor('va-x', 5, voices, 20)).toEqual(a)
    expect(a.voice).toBe('en-gb')
    expect(a.wordsPerMinute).toBeGreaterThanOrEqual(140)
    expect(a.wordsPerMinute).toBeLessThanOrEqual(200)
    expect(renditionFor('va-x', 5, voices, 10).voice).toBe('en-gb-x-rp')
  })

  it('compares words, not spellings of letters said one by one', () => {
    expect(werText('B.P. one forty, over ninety!')).toBe('bp one forty over ninety')
    expect(werText('s p o two ninety five')).toBe('spo2 ninety five')
  })

  it('judges intent by what Podd did', () => {
    const ok = { rejected: false, emergency: false }
    expect(intentHandled('reading', { ...ok, kinds: ['vitals', 'chat'] })).toBe(true)
    expect(intentHandled('reading', { ...ok, kinds: ['food'] })).toBe(false)
    expect(intentHandled('question', { ...ok, kinds: [] })).toBe(true)
    expect(intentHandled('question', { rejected: true, emergency: false, kinds: [] })).toBe(false)
    expect(intentHandled('emergency', { ...ok, emergency: true, kinds: ['alert'] })).toBe(true)
    expect(intentHandled('other', { rejected: true, emergency: false, kinds: [] })).toBe(true)
    expect(intentHandled('other', { ...ok, emergency: true, kinds: [] })).toBe(false)
    expect(intentHandled('answer', { ...ok, kinds: ['med_dose'] })).toBe(true)
  })
})

describe('choosing the spoken cases of a run', () => {
  const header = '{"$dataset": "voice-audio", "version": 1}'
  const lines = Array.from({ length: 10 }, (_, i) =>
    JSON.stringify({ id: `va-${i}`, source: 'voice', intent: i < 5 ? 'reading' : 'emergency', turns: [{ message: 'pulse seventy', expect: {} }], tags: [] }),
  )
  const set = parseAudioDataset(`${header}\n${lines.join('\n')}\n`, 'voice-audio.jsonl')

  it('keeps each case at its place in the whole set, so a filtered case is spoken by the same voice', () => {
    const picked = selectAudioCases([set], { filter: 'emergency' })
    expect(picked.map((p) => p.index)).toEqual([5, 6, 7, 8, 9])
  })

  it('samples evenly over the set, every intent keeping its share', () => {
    const picked = selectAudioCases([set], { sample: 4 })
    expect(picked.map((p) => p.c.id)).toEqual(['va-0', 'va-2', 'va-5', 'va-7'])
    expect(selectAudioCases([set], { sample: 50 })).toHaveLength(10)
  })
})

describe('filtering spoken cases', () => {
  it('takes several filters at once, a case matching any of them', () => {
    const header = '{"$dataset": "voice-audio", "version": 1}'
    const lines = ['va-a', 'va-b', 'va-c'].map((id) =>
      JSON.stringify({ id, source: 'voice', intent: 'reading', turns: [{ message: 'pulse seventy', expect: {} }], tags: id === 'va-c' ? ['bp'] : [] }),
    )
    const set = parseAudioDataset(`${header}\n${lines.join('\n')}\n`, 'voice-audio.jsonl')
    expect(selectAudioCases([set], { filter: 'va-a, bp' }).map((p) => p.c.id)).toEqual(['va-a', 'va-c'])
  })
})

describe('the spoken eval gate', () => {
  const turn = (o: { id: string; intent: AudioTurn['intent']; snr: number; ok: boolean; emergency?: boolean; written?: number }): AudioTurn => ({
    id: o.id,
    intent: o.intent,
    tags: [],
    rendition: { voice: 'en-us', wordsPerMinute: 150, snrDb: o.snr, noise: 'pink' },
    reference: 'pulse seventy two',
    transcript: o.ok ? 'pulse seventy two' : 'pulse ninety',
    confidence: 0.9,
    rejected: (o.written ?? 0) > 0,
    writtenWhileRejected: o.written ?? 0,
    intentCorrect: o.ok,
    audioSeconds: 2,
    turnMs: 100,
    sttMs: 50,
    record: {
      index: 0,
      message: 'pulse seventy two',
      expect: o.intent === 'emergency' ? { emergency: true } : {},
      reply: '',
      routes: [],
      events: [],
      emergency: o.emergency ?? false,
      model: { provider: 'offline', fallback: false, fallback_reason: null, llm_calls: 0, input_tokens: 0, output_tokens: 0, name: 'offline' },
      latency_ms: 100,
      graph_ms: 0,
      refusal_detected: false,
      checks: [],
    },
    passed: o.ok,
    failures: [],
  })
  const turns = [
    turn({ id: 'va-a', intent: 'reading', snr: 20, ok: true }),
    turn({ id: 'va-b', intent: 'reading', snr: 20, ok: false }),
    turn({ id: 'va-em', intent: 'emergency', snr: 20, ok: false }),
  ]
  const opts = { datasets: [], config: {} as never, voices: ['en-us'], snrs: [20], concurrency: 1, now: new Date() }
  const floors: AudioFloors = {
    description: 'test',
    dataset: 'voice-audio',
    sample: null,
    by_snr: { '20dB': { wer_max: 0.5, intent_min: 0.3, red_flag_recall_min: 0, false_alarms_max: 0 } },
    known_red_flag_misses: ['va-em@20dB'],
    measured: 'today',
  }

  it('passes on the floors and says by how much issue 14\'s own gate is not met', () => {
    const r = voiceAudioReport(opts, turns, 1000, floors)
    expect(r.gate).toMatchObject({ passed: true, issue_gate_met: false })
    const text = renderVoiceAudioReport(r)
    expect(text).toMatch(/PASS with 3 known failures \(issue 14's gate is not met\)/)
    expect(text).toMatch(/red-flag recall 0\.0 % < 100 % \(1 of 1 spoken emergencies missed\)/)
    expect(text).toMatch(/intent accuracy at 20 dB 33\.3 % < 85 % \(51\.7 points short\)/)
    expect(text).toMatch(/WER at 20 dB 44\.4 % > 15 % \(29\.4 points over\)/)
  })

  it('fails an event written from a rejected transcript, whatever the floors', () => {
    const r = voiceAudioReport(opts, [...turns, turn({ id: 'va-c', intent: 'reading', snr: 20, ok: true, written: 1 })], 1000, floors)
    expect(r.gate.passed).toBe(false)
    expect(r.gate.failures).toContain('1 rejected transcripts wrote events')
  })
})
