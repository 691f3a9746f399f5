import { describe, expect, it } from 'vitest'
import { InMemoryEventStore } from '../../memory/in-memory-event-store.js'
import { agentTools, callTool, NOW, turn } from '../../test/agent-harness.js'
import { medicationAgent } from './medication-agent.js'

describe('medication tools', () => {
  it('Should add a medicine, schedule it, and answer what is due, with every write in the turn', async () => {
    const { tool } = agentTools(medicationAgent)
    const ctx = turn('asha')
    expect((await callTool(tool('add_medication'), { name: 'Metformin', dosage: '500 mg' }, ctx)).message).toMatch(/Added Metformin 500 mg/)
    const scheduled = await callTool(tool('set_medication_schedule'), { medication_name: 'metformin', times: ['8 am', '21:00'] }, ctx)
    expect(scheduled.message).toBe("Done: I'll remind you to take Metformin at 8:00 am and 9:00 pm every day.")
    expect(ctx.written.map((e) => e.kind)).toEqual(['medication', 'med_schedule', 'med_schedule'])
    expect((await callTool(tool('list_medications'), {}, ctx)).message).toBe('Your medicines: Metformin 500 mg at 8:00 am, 9:00 pm.')
  })

  it('Should write a retried tool call once (the tool call id is the idempotency key)', async () => {
    const { store, tool } = agentTools(medicationAgent)
    const ctx = turn('ravi')
    await callTool(tool('log_dose'), { medication_name: 'Crocin', status: 'taken' }, ctx, 'call-1')
    const again = await callTool(tool('log_dose'), { medication_name: 'Crocin', status: 'taken' }, ctx, 'call-1')
    expect(again.message).toMatch(/Marked Crocin as taken\. Crocin is not in your medicine list/)
    expect(await store.scan('ravi', { kinds: ['med_dose'] })).toHaveLength(1)
  })

  it('Should refuse a time it cannot read and ask which medicine a bare dose is, writing nothing', async () => {
    const { store, tool } = agentTools(medicationAgent)
    const ctx = turn('meena')
    await expect(callTool(tool('set_medication_schedule'), { medication_name: 'Telma', times: ['whenever'] }, ctx)).rejects.toThrow(/could not read the time "whenever"/)
    await expect(callTool(tool('log_dose'), { status: 'taken' }, ctx)).rejects.toThrow(/which medicine\? You have no medicines/)
    expect(await store.scan('meena')).toEqual([])
  })

  it('Should refuse arguments outside the payload schema before anything is written', async () => {
    const { tool } = agentTools(medicationAgent)
    await expect(callTool(tool('add_medication'), { name: '' }, turn('x'))).rejects.toThrow()
    await expect(callTool(tool('log_dose'), { medication_name: 'Telma', status: 'eaten' }, turn('x'))).rejects.toThrow()
  })

  it("Should tell the patient today's doses, never advising a double dose", async () => {
    // A schedule counts from when it was set: yesterday.
    let clock = new Date('2025-06-10T00:00:00Z')
    const { tool } = agentTools(medicationAgent, new InMemoryEventStore(() => clock))
    await callTool(tool('set_medication_schedule'), { medication_name: 'Amlodipine', times: ['07:00'] }, turn('lata', clock))
    clock = NOW
    const today = await callTool(tool('get_doses_today'), {}, turn('lata', NOW))
    expect(today.message).toMatch(/taken 0 of 1 doses\. Amlodipine at 7:00 am: missed\. If you missed a dose, ask your doctor or pharmacist/)
  })
})

describe('dose history', () => {
  it('Should say when a medicine was last taken and which doses were missed', async () => {
    let clock = new Date('2025-06-09T00:00:00Z')
    const { tool } = agentTools(medicationAgent, new InMemoryEventStore(() => clock))
    await callTool(tool('add_medication'), { name: 'Metformin', dosage: '500 mg', times: ['8 am', '8 pm'] }, turn('anil', clock))
    clock = NOW
    const ctx = turn('anil', NOW)
    await callTool(tool('log_dose'), { medication_name: 'Glycomet', status: 'taken', when: 'yesterday 8:10 am' }, ctx)
    expect((await callTool(tool('get_dose_history'), { question: 'last_taken', medication_name: 'metformin' }, ctx)).message).toBe('You last took Metformin yesterday at 8:10 am.')
    const yesterday = await callTool(tool('get_dose_history'), { question: 'doses', period: 'yesterday' }, ctx)
    expect(yesterday.message).toMatch(/^Yesterday you took 1 of 2 doses\. You missed 1 dose\. Missed or skipped: Metformin 8:00 pm \(missed\)/)
    expect((await callTool(tool('get_dose_history'), { question: 'times', medication_name: 'Metformin' }, ctx)).message).toBe('You take Metformin at 8:00 am and 8:00 pm.')
  })
})

describe('dose history', () => {
  it('Should say when a dose was actually taken, not only its slot, and find it by a brand name', async () => {
    const { tool } = agentTools(medicationAgent)
    const ctx = turn('vimla')
    // Set up a week ago, so yesterday had its 9 pm dose.
    await callTool(tool('add_medication'), { name: 'Rosuvastatin', dosage: '10 mg', times: ['9 pm'] }, turn('vimla', new Date(NOW.getTime() - 7 * 86_400_000)))
    await callTool(tool('log_dose'), { medication_name: 'Rozavel', status: 'taken', when: 'yesterday 9:40 pm' }, ctx)
    const answer = await callTool(tool('get_dose_history'), { question: 'doses', medication_name: 'rozavel', period: 'yesterday' }, ctx)
    expect(answer.message).toMatch(/Rosuvastatin (?:\w+, \d+ \w+ )?9:40 pm/)
  })

  it('Should list the doses taken, with their times, when no schedule says which were due', async () => {
    const { tool } = agentTools(medicationAgent)
    const ctx = turn('hemant')
    await callTool(tool('log_dose'), { medication_name: 'Dolo', status: 'taken', when: 'yesterday 2 pm' }, ctx)
    const answer = await callTool(tool('get_dose_history'), { question: 'doses', period: 'yesterday' }, ctx)
    expect(answer.message).toMatch(/Taken: Dolo .*2:00 pm/)
  })
})
