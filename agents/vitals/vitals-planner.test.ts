import { describe, expect, it } from 'vitest'
import { firstCall, plan } from '../../test/agent-harness.js'
import { vitalsAgent } from './vitals-agent.js'

const call = (text: string, opts?: Parameters<typeof plan>[2]) => firstCall(plan(vitalsAgent, text, opts))

describe('vitals planner', () => {
  it.each([
    ['bp 150/95', { blood_pressure_systolic: 150, blood_pressure_diastolic: 95 }],
    ['one forty over ninety', { blood_pressure_systolic: 140, blood_pressure_diastolic: 90 }],
    ['fasting sugar 7.2 mmol', { blood_sugar: 7.2, blood_sugar_unit: 'mmol/L', blood_sugar_context: 'fasting' }],
    ['temperature 101.2 F', { temperature: 101.2, temperature_unit: 'F' }],
    ['weight 150 lbs', { weight: 150, weight_unit: 'lb' }],
    ['pulse 72 and spo2 96', { heart_rate: 72, spo2: 96 }],
  ])('Should read "%s" as a reading', (text, args) => {
    expect(call(text)).toEqual({ name: 'log_vitals', args: expect.objectContaining(args) })
  })

  it('Should confirm a BP whose slash was lost instead of guessing', () => {
    expect(call('bp 15090')).toEqual({ reply: expect.stringMatching(/^Did you mean BP 150\/90\?/) })
    expect(call('yes', { answering: { question: 'did you mean bp 150/90? please confirm', previous: 'bp 15090' } })).toEqual({
      name: 'log_vitals',
      args: expect.objectContaining({ blood_pressure_systolic: 150, blood_pressure_diastolic: 90 }),
    })
  })

  it('Should answer a question about past readings from the history tool', () => {
    expect(call('what was my bp yesterday?')).toEqual({ name: 'get_vitals_history', args: { metric: 'blood_pressure', period: 'yesterday' } })
  })

  it('Should ask for the number when only the metric is named', () => {
    expect(call('check my sugar')).toEqual({ reply: expect.stringMatching(/What was the reading\?/) })
  })
})
