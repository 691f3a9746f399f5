import { describe, expect, it } from 'vitest'
import { closestMedicine, COMMON_DRUGS, genericName } from './medicine-names.js'

describe('medicine names', () => {
  it.each([
    ['Amlokind 5', 'amlodipine'],
    ['pan 40', 'pantoprazole'],
    ['Clopilet 75', 'clopidogrel'],
    ['forxiga', 'dapagliflozin'],
    ['Concor 2.5', 'bisoprolol'],
    ['Met XL 25', 'metoprolol'],
    ['met-xl', 'metoprolol'],
    ['Rozavel 10', 'rosuvastatin'],
    ['Jalra', 'vildagliptin'],
    ['zita', 'teneligliptin'],
    ['Deplatt 75', 'clopidogrel'],
    ['Olmesar 20', 'olmesartan'],
    ['Ramistar 2.5', 'ramipril'],
    ['Telmikind 40', 'telmisartan'],
  ])('Should read the brand "%s" as %s', (brand, generic) => {
    expect(genericName(brand)).toBe(generic)
  })

  it('Should read a combination brand as both its ingredients, and its strip suffix as part of it', () => {
    expect(genericName('Gemer 1')).toBe('glimepiride + metformin')
    expect(genericName('Janumet 50/500')).toBe('sitagliptin + metformin')
    expect(genericName('Telma H')).toBe('telmisartan + hydrochlorothiazide')
    expect(genericName('Telma 40')).toBe('telmisartan')
  })

  it('Should treat two generic names of one medicine as the same', () => {
    expect(genericName('Thyroxine 50 mcg')).toBe(genericName('Eltroxin'))
    expect(genericName('frusemide')).toBe('furosemide')
  })

  it('Should leave a name it does not know as said', () => {
    expect(genericName('Sporlac DS')).toBe('sporlac ds')
  })

  it('Should keep "pan" alone out of the names it looks for, and keep the strip name', () => {
    expect(COMMON_DRUGS).not.toContain('pan')
    expect(COMMON_DRUGS).toContain('pan 40')
  })

  it.each([
    ['metfromin', 'metformin'],
    ['amlodipin', 'amlodipine'],
    ['telmisatran', 'telmisartan'],
    ['amlokin', 'amlokind'],
    ['glycomett', 'glycomet'],
    ['rosuvastatn', 'rosuvastatin'],
  ])('Should find the medicine a misspelling "%s" means', (word, name) => {
    expect(closestMedicine(word)).toBe(name)
  })

  it('Should find a brand spelt as Devanagari reads it, a first vowel or a j for a z apart', () => {
    expect(closestMedicine('etorva')).toBe('atorva')
    expect(closestMedicine('paintoprajol')).toBe('pantoprazole')
    expect(closestMedicine('lasiks')).toBe('lasix')
  })

  it("Should prefer the patient's own medicine for a misspelling", () => {
    expect(closestMedicine('sporlak', ['Sporlac'])).toBe('sporlac')
  })

  it.each(['tablet', 'among', 'replaced', 'mention', 'monitor', 'estimate', 'stream', 'unwrapped', 'dinner', 'morning', 'reading', 'walked', 'hello', 'pani', 'loser'])('Should not take the everyday word "%s" for a medicine', (word) => {
    expect(closestMedicine(word)).toBeUndefined()
  })
})
