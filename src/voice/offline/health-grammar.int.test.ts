import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { requires } from '../../../test/fakes/audio-fixtures.js'
import { capturingLogger } from '../../../test/helpers.js'
import { findBinary } from '../binaries.js'
import { compileHealthGrammar, jsgfWords, medicinePhrase } from './health-grammar.js'
import { SearchFileCache } from './search-files.js'

const espeak = requires('espeak-ng')

/** A rule's alternatives without their weights. */
const alternatives = (body: string) => body.split(' | ').map((a) => a.replace(/^\/[^/]*\/ /, ''))

describe('the health grammar', () => {
  it('writes a medicine name as the words said', () => {
    expect(medicinePhrase('Glycomet-GP 1')).toBe('glycomet g p one')
    expect(medicinePhrase('Telma 40')).toBe('telma forty')
    expect(medicinePhrase('Vitamin D3 60000 IU weekly')).toBe('vitamin d three sixty')
    expect(medicinePhrase('***')).toBeUndefined()
  })

  it.skipIf(espeak.missing)(`listens for the patient's own medicines, pronounced even when CMUdict lacks them${espeak.note}`, async () => {
    const g = await compileHealthGrammar({ medicines: ['Dytor 10', 'Glycomet-GP 1'] }, findBinary('espeak-ng'))
    const med = alternatives(/<med> = ([^;]+);/.exec(g.jsgf)![1]!)
    expect(med).toEqual(expect.arrayContaining(['dytor ten', 'glycomet g p one', 'metformin', 'amlodipine']))
    const dict = new Map(g.dictionary.trim().split('\n').map((l) => [l.split(' ')[0]!, l.slice(l.indexOf(' ') + 1)]))
    expect(dict.get('dytor')).toMatch(/^D AY T/)
    expect(dict.get('metformin')).toBe('M EH T F AO R M IH N')
    // Every word of the grammar is in the dictionary, and nothing else is.
    const words = jsgfWords(g.jsgf)
    for (const w of words) expect(dict.has(w), w).toBe(true)
    for (const w of dict.keys()) expect(words.has(w.replace(/\(\d+\)$/, '')), w).toBe(true)
    expect(g.unpronounceable).toEqual([])
    // Every choice is weighted: one of the medicines is as likely as another.
    expect(/<med> = ([^;]+);/.exec(g.jsgf)![1]!.split(' | ').every((a) => /^\/0\.\d+\/ /.test(a))).toBe(true)
  })

  it.skipIf(espeak.missing)(`has an emergency pass: the same rules and words, listening for emergencies and their look-alikes only${espeak.note}`, async () => {
    const g = await compileHealthGrammar({ medicines: [] }, findBinary('espeak-ng'))
    const publicRule = (jsgf: string) => /public <utterance> = ([^;]+);/.exec(jsgf)![1]!
    expect(publicRule(g.jsgf)).toContain('<readings>')
    expect(publicRule(g.emergencyJsgf)).not.toMatch(/<readings>|<dose>|<intake>|<question>|<answer>|<symptom>/)
    expect(publicRule(g.emergencyJsgf)).toMatch(/<emergency>.*<past>/)
    // The rest of the grammar is the same, so the patient's dictionary serves both.
    expect(g.emergencyJsgf.replace(publicRule(g.emergencyJsgf), '')).toBe(g.jsgf.replace(publicRule(g.jsgf), ''))
    for (const w of jsgfWords(g.emergencyJsgf)) expect(g.dictionary).toMatch(new RegExp(`^${w} `, 'm'))
  })

  it.skipIf(espeak.missing)(`keeps one spelling of foods that sound the same${espeak.note}`, async () => {
    const g = await compileHealthGrammar({ medicines: [] }, findBinary('espeak-ng'))
    const food = alternatives(/<food> = ([^;]+);/.exec(g.jsgf)![1]!)
    expect(food).toContain('sambar')
    expect(food).not.toContain('sambaar')
    expect(food).toContain('roti')
  })

  it.skipIf(espeak.missing)(`compiles a medicine list once and keeps it on disk${espeak.note}`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-grammar-test-'))
    try {
      const cache = new SearchFileCache(dir, findBinary('espeak-ng'), capturingLogger().logger)
      const a = await cache.forVocabulary({ medicines: ['Telma 40', 'Dytor'] })
      const b = await cache.forVocabulary({ medicines: ['Dytor', 'Telma 40', 'telma 40'] })
      expect(b).toEqual(a)
      const c = await cache.forVocabulary({ medicines: ['Dytor'] })
      expect(c.grammar.jsgf).not.toBe(a.grammar.jsgf)
      expect(c.phoneLoop).toEqual(a.phoneLoop)
      for (const f of [a.grammar.jsgf, a.grammar.dict, a.emergency.jsgf, a.phoneLoop.jsgf, a.keyphrases.kws]) expect(fs.existsSync(f)).toBe(true)
      expect(a.emergency.dict).toBe(a.grammar.dict)
      // A new process finds the files instead of compiling again.
      const again = new SearchFileCache(dir, undefined, capturingLogger().logger)
      expect(await again.forVocabulary({ medicines: ['Dytor', 'Telma 40'] })).toEqual(a)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
