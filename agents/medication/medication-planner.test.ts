import { describe, expect, it } from 'vitest'
import { firstCall, plan } from '../../test/agent-harness.js'
import { medicationAgent } from './medication-agent.js'

const call = (text: string, opts?: Parameters<typeof plan>[2]) => firstCall(plan(medicationAgent, text, opts))

describe('medication planner', () => {
  it('Should log a named dose, and a part of the day when none is named', () => {
    expect(call('took my metformin', { medicines: ['Metformin'] })).toEqual({ name: 'log_dose', args: { status: 'taken', medication_name: 'Metformin' } })
    expect(call('morning tablets le li')).toEqual({ name: 'log_dose', args: { status: 'taken', part_of_day: 'morning' } })
    expect(call('forgot my amlodipine yesterday because I was travelling')).toEqual({
      name: 'log_dose',
      args: expect.objectContaining({ status: 'missed', medication_name: 'Amlodipine', reason: 'i was travelling' }),
    })
  })

  it('Should log every medicine a dose names', () => {
    const p = plan(medicationAgent, 'took telma and ecosprin')
    expect(p.calls.map((c) => c.args.medication_name)).toEqual(['Telma', 'Ecosprin'])
  })

  it('Should add a medicine and set reminders', () => {
    expect(call('doctor prescribed atorvastatin 10 mg at night')).toEqual({
      name: 'add_medication',
      args: { name: 'Atorvastatin', dosage: '10 mg', frequency: 'at night' },
    })
    expect(call('remind me to take amlodipine at 9 pm')).toEqual({ name: 'set_medication_schedule', args: { medication_name: 'Amlodipine', times: ['21:00'] } })
  })

  it('Should answer questions about today and the list', () => {
    expect(call('did i take my meds today?')).toEqual({ name: 'get_doses_today', args: {} })
    expect(call('what medicines do i take')).toEqual({ name: 'list_medications', args: {} })
  })

  it('Should ask rather than guess when a medicine is named without what happened', () => {
    expect(call('metformin', { medicines: ['Metformin'] })).toEqual({ reply: 'Did you take Metformin, miss it, or would you like a reminder for it?' })
  })
})
