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
