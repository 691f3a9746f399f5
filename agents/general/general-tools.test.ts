import { describe, expect, it } from 'vitest'
import { agentTools, callTool, turn } from '../../test/agent-harness.js'
import { generalAgent } from './general-agent.js'

describe('general tools', () => {
  it('Should merge profile changes said in chat through the profile service', async () => {
    const { store, tool } = agentTools(generalAgent)
    const ctx = turn('asha')
    await callTool(tool('update_profile'), { allergies: ['penicillin'] }, ctx)
    const answer = await callTool(tool('update_profile'), { allergies: ['sulfa'], language: 'hi-IN' }, ctx)
    expect(answer.message).toBe('Updated your profile (allergies, language).')
    expect((await store.latest('asha', 'profile'))!.payload).toMatchObject({ allergies: ['penicillin', 'sulfa'], language: 'hi-IN' })
    expect(ctx.written.map((e) => e.context_id)).toEqual(['profile:asha', 'profile:asha'])
  })

  it('Should log a symptom in the patient words, with a doctor nudge when severe', async () => {
    const { tool } = agentTools(generalAgent)
    const answer = await callTool(tool('log_symptom'), { name: 'knee pain', severity: 'severe', when: 'yesterday evening' }, turn('ravi'))
    expect(answer.message).toMatch(/^Noted: knee pain \(severe\)\. Because it is severe, please contact your doctor today/)
  })

  it('Should refuse sleep with nothing to record (the payload rule), writing nothing', async () => {
    const { store, tool } = agentTools(generalAgent)
    await expect(callTool(tool('log_sleep'), {}, turn('meena'))).rejects.toThrow(/could not save this/)
    expect(await store.scan('meena')).toEqual([])
  })

  it('Should save an appointment at a future date read from the words', async () => {
    const { tool } = agentTools(generalAgent)
    const answer = await callTool(tool('add_appointment'), { title: 'Eye check-up', when: 'next Monday 10 am' }, turn('lata'))
    expect(answer.message).toBe('Saved: Eye check-up on Mon, 16 Jun at 10:00 am.')
  })
})
