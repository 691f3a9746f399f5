import { describe, expect, it } from 'vitest'
import { agentTools, callTool, turn } from '../../test/agent-harness.js'
import { vitalsAgent } from './vitals-agent.js'

describe('vitals tools', () => {
  it('Should log a reading in canonical units, keep what was said, and classify it', async () => {
    const { store, tool } = agentTools(vitalsAgent)
    const answer = await callTool(tool('log_vitals'), { blood_sugar: 7.2, blood_sugar_unit: 'mmol/L', blood_sugar_context: 'fasting' }, turn('asha'))
    expect(answer.message).toMatch(/^Logged sugar fasting 130 mg\/dL \(7\.2 mmol\/L\)/)
    const [event] = await store.scan('asha', { kinds: ['vitals'] })
    expect(event!.payload).toMatchObject({ blood_sugar: 130, reported: { blood_sugar: { value: 7.2, unit: 'mmol/L' } } })
  })

  it('Should pass on the advice for a crisis reading and flag it for a re-check', async () => {
    const { tool } = agentTools(vitalsAgent)
    const answer = await callTool(tool('log_vitals'), { blood_pressure_systolic: 190, blood_pressure_diastolic: 125 }, turn('ravi'))
    expect(answer).toMatchObject({ needs_recheck: true })
    expect(answer.message).toMatch(/measure again.*call 112 or 108/)
  })

  it('Should refuse an implausible reading and write nothing', async () => {
    const { store, tool } = agentTools(vitalsAgent)
    await expect(callTool(tool('log_vitals'), { blood_pressure_systolic: 80, blood_pressure_diastolic: 120 }, turn('meena'))).rejects.toThrow(/could not save this/)
    expect(await store.scan('meena')).toEqual([])
  })

  it("Should read back a period's readings with their times", async () => {
    const { tool } = agentTools(vitalsAgent)
    const ctx = turn('lata')
    await callTool(tool('log_vitals'), { blood_pressure_systolic: 142, blood_pressure_diastolic: 90, when: 'yesterday 9 am' }, ctx)
    const answer = await callTool(tool('get_vitals_history'), { metric: 'blood_pressure', period: 'yesterday' }, ctx)
    expect(answer.message).toBe('Your blood pressure yesterday: 142/90 at 9:00 am (high blood pressure (stage 2)).')
  })
})

describe('vitals history', () => {
  it('Should answer the last, the average, the highest, the count and the trend, with dates', async () => {
    const { tool } = agentTools(vitalsAgent)
    const ctx = turn('hari')
    for (const [value, when] of [[168, 'monday 7 am'], [150, 'tuesday 7 am'], [124, 'today 7 am']] as const) {
      await callTool(tool('log_vitals'), { blood_sugar: value, blood_sugar_context: 'fasting', when }, ctx)
    }
    const ask = async (args: Record<string, unknown>) => (await callTool(tool('get_vitals_history'), { metric: 'blood_sugar', ...args }, ctx)).message
    expect(await ask({ stat: 'last' })).toMatch(/^Your last blood sugar was 124 mg\/dL fasting, today at 7:00 am\./)
    expect(await ask({ stat: 'average', context: 'fasting' })).toMatch(/average fasting blood sugar over the last 7 days was 147 mg\/dL \(from 3 readings\)/)
    expect(await ask({ stat: 'highest' })).toMatch(/highest blood sugar over the last 7 days was 168 mg\/dL/)
    expect(await ask({ stat: 'count' })).toMatch(/checked your blood sugar 3 times/)
    expect(await ask({ stat: 'trend' })).toMatch(/has come down, getting better: from 168 .* to 124 .*, a change of 44 mg\/dL/)
    expect(await ask({ stat: 'last', unit: 'mmol/L' })).toMatch(/6\.9 mmol\/L/)
  })
})

describe('vitals history across periods', () => {
  it('Should compare this week with last week by their averages, and say which way it went', async () => {
    const { tool } = agentTools(vitalsAgent)
    const ctx = turn('kamla') // Wednesday 11 June 2025
    for (const [s, d, when] of [[158, 98, '2025-06-03 08:00'], [162, 100, '2025-06-05 08:00'], [132, 84, 'monday 8 am'], [128, 82, 'today 8 am']] as const) {
      await callTool(tool('log_vitals'), { blood_pressure_systolic: s, blood_pressure_diastolic: d, when }, ctx)
    }
    const answer = await callTool(tool('get_vitals_history'), { metric: 'blood_pressure', period: 'this_week', stat: 'compare' }, ctx)
    expect(answer.message).toMatch(/average blood pressure this week is 130\/83 \(2 readings\), lower than \(better\) last week: 160\/99 \(2 readings\)/)
  })

  it('Should say so when there is nothing before to compare with', async () => {
    const { tool } = agentTools(vitalsAgent)
    const ctx = turn('gopal')
    await callTool(tool('log_vitals'), { weight: 71.5, when: 'today 7 am' }, ctx)
    const answer = await callTool(tool('get_vitals_history'), { metric: 'weight', period: 'this_week', stat: 'compare' }, ctx)
    expect(answer.message).toMatch(/no weight readings last week to compare with/)
  })

  it('Should list the readings past a number the patient names, or say none were', async () => {
    const { tool } = agentTools(vitalsAgent)
    const ctx = turn('usha')
    for (const [value, when] of [[112, 'monday 7 am'], [61, 'tuesday 3 am'], [240, 'today 2 pm']] as const) {
      await callTool(tool('log_vitals'), { blood_sugar: value, when }, ctx)
    }
    const ask = async (args: Record<string, unknown>) => (await callTool(tool('get_vitals_history'), { metric: 'blood_sugar', period: 'this_week', ...args }, ctx)).message
    expect(await ask({ stat: 'below', threshold: 70 })).toMatch(/^Yes: 1 blood sugar reading below 70 this week: 61 mg\/dL at Tue/)
    expect(await ask({ stat: 'above', threshold: 250 })).toMatch(/^No: none of your blood sugar readings this week went above 250/)
  })

  it('Should read the last N days, today included', async () => {
    const { tool } = agentTools(vitalsAgent)
    const ctx = turn('arun')
    for (const [value, when] of [[150, '2025-06-07 08:00'], [130, 'yesterday 8 am'], [120, 'today 8 am']] as const) {
      await callTool(tool('log_vitals'), { blood_sugar: value, when }, ctx)
    }
    const answer = await callTool(tool('get_vitals_history'), { metric: 'blood_sugar', period: 'last_3_days' }, ctx)
    expect(answer.message).toMatch(/over the last 3 days: 130 mg\/dL .*; 120 mg\/dL/)
    expect(answer.message).not.toMatch(/150/)
  })
})
