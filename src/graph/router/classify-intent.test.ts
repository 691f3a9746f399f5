import { describe, expect, it } from 'vitest'
import { classifyIntent } from './classify-intent.js'

describe('classifyIntent', () => {
  it.each([
    ['bp 130/85', ['vitals']],
    ['had 2 roti and dal for lunch', ['food']],
    ['took my telma', ['medication']],
    ['slept badly last night', ['general']],
    ['bp 130/85 and I took my metformin', ['vitals', 'medication']],
    ['sugar after lunch 180', ['vitals']],
    ['BP ki dawai le li', ['medication']],
  ])('Should route "%s" to %j with each agent lexicon from its folder', (text, routes) => {
    expect(classifyIntent(text).routes).toEqual(routes)
  })

  it('Should route a misspelt medicine with a dose verb to medication, over a meal word in the same clause', () => {
    expect(classifyIntent('metfromin taken after dinner').routes).toEqual(['medication'])
    expect(classifyIntent('amlokin le li nashte ke baad').routes).toEqual(['medication'])
    expect(classifyIntent('had my sporlak after lunch', { medicineNames: ['Sporlac'] }).routes).toEqual(['medication'])
    expect(classifyIntent('replaced rice with roti at dinner').routes).toEqual(['food'])
  })

  it('Should send an activity said with its duration beside a reading to both agents, and a time since it to vitals only', () => {
    expect(classifyIntent('after a 45 minute walk my pulse was 104').routes).toEqual(['vitals', 'general'])
    expect(classifyIntent('bp 128/80 after 20 min yoga').routes).toEqual(['vitals', 'general'])
    expect(classifyIntent('pulse 100 about 15 minutes after my walk').routes).toEqual(['vitals'])
  })

  it("Should send a question about the patient's own calories to food, and one about a food's calories to the curated answers", () => {
    expect(classifyIntent('kal kitni calories li thi?').routes).toEqual(['food'])
    expect(classifyIntent('how many calories have I had so far?').routes).toEqual(['food'])
    expect(classifyIntent('how many calories should a diabetic eat?').routes).toEqual(['general'])
  })

  it("Should send a question about the way the patient's own readings go to vitals, and advice about bringing them down to general", () => {
    expect(classifyIntent('has my bp come down since last month?').routes).toEqual(['vitals'])
    expect(classifyIntent('kya mera wajan ghat raha hai?').routes).toEqual(['vitals'])
    expect(classifyIntent('how can I get my sugar down?').routes).toEqual(['general'])
    expect(classifyIntent("how's my pressure been these days?").routes).toEqual(['vitals'])
    expect(classifyIntent('meri sugar control mein chal rahi hai?').routes).toEqual(['vitals'])
    expect(classifyIntent('how do I keep my sugar in control?').routes).toEqual(['general'])
  })

  it('Should read a plural food as food', () => {
    expect(classifyIntent('bp 140/90, then ate 3 samosas').routes).toEqual(['vitals', 'food'])
  })

  it("Should know the patient's own medicine names", () => {
    expect(classifyIntent('had my sporlac').routes).not.toEqual(['medication'])
    expect(classifyIntent('had my sporlac', { medicineNames: ['Sporlac'] }).routes).toEqual(['medication'])
  })

  it('Should give each agent its own words of a multi-intent turn', () => {
    const c = classifyIntent('bp 130/85 and I took my metformin')
    expect(c.focus).toEqual({ vitals: 'bp 130/85', medication: 'i took my metformin' })
    expect(c.confidence).toBeGreaterThanOrEqual(0.6)
  })

  it('Should be unsure about words no lexicon knows', () => {
    const c = classifyIntent('purple sky over the temple')
    expect(c.routes).toEqual([])
    expect(c.confidence).toBeLessThan(0.6)
  })

  it('Should keep a fever said beside its temperature with the reading', () => {
    expect(classifyIntent('I have fever, thermometer shows 38.5').routes).toEqual(['vitals'])
    expect(classifyIntent('fever since morning and headache').routes).toEqual(['general'])
  })

  it('Should not take a meal not eaten for food ("not eating dinner" is why a dose was skipped)', () => {
    expect(classifyIntent('skipped my insulin tonight, not eating dinner').routes).toEqual(['medication'])
  })

  it('Should send a reading taken but not yet said to vitals', () => {
    expect(classifyIntent('sugar check kiya').routes).toEqual(['vitals'])
    expect(classifyIntent('what was my bee pee yesterday').routes).toEqual(['vitals'])
  })
})
