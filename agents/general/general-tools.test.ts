import { describe, expect, it } from 'vitest'
import { agentTools, callTool, turn } from '../../test/agent-harness.js'
import { generalAgent } from './general-agent.js'

describe('general tools', () => {
  it('Should move the appointment named through a correction, keeping its hour for "same time", and ask when unsure', async () => {
    const { store, tool } = agentTools(generalAgent)
    const ctx = turn('meera')
    await callTool(tool('add_appointment'), { title: 'Kidney check', doctor: 'Dr Iyer', when: '13 June 4 pm' }, ctx)
    await callTool(tool('add_appointment'), { title: 'Dental cleaning', doctor: 'Dr Shah', when: '20 June 10 am' }, ctx)
    const moved = await callTool(tool('reschedule_appointment'), { which: 'Dr Iyer', to: 'next Monday, same time' }, turn('meera'))
    expect(moved.message).toMatch(/^Moved: Kidney check is now on Mon, 16 Jun at 4:00 pm/)
    const all = await store.scan('meera', { kinds: ['appointment'] })
    expect(all).toHaveLength(2)
    expect(all.find((a) => a.payload.doctor === 'Dr Iyer')).toMatchObject({ payload: { scheduled_for: '2025-06-16T10:30:00.000Z' }, supersedes: expect.any(String) })
    expect(await callTool(tool('reschedule_appointment'), { to: 'Friday 9 am' }, turn('meera'))).toMatchObject({ asked: true, message: expect.stringMatching(/^Which appointment should move\?/) })
  })

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

describe('day history', () => {
  it('Should answer sleep, walks and the next appointment from the record', async () => {
    const { tool } = agentTools(generalAgent)
    const ctx = turn('gita')
    await callTool(tool('log_sleep'), { duration_hours: 5, when: 'monday 7 am' }, ctx)
    await callTool(tool('log_sleep'), { duration_hours: 7, when: 'today 7 am' }, ctx)
    await callTool(tool('log_exercise'), { activity: 'walk', duration_minutes: 30, steps: 4000, when: 'sunday 6 pm' }, ctx)
    const sleep = await callTool(tool('get_day_history'), { topic: 'sleep' }, ctx)
    expect(sleep.message).toMatch(/On average you slept 6 hours a night \(from 5 to 7 hours\)/)
    expect((await callTool(tool('get_day_history'), { topic: 'exercise', question: 'last', activity: 'walk' }, ctx)).message).toMatch(/walk for 30 minutes, 4000 steps, Sun, 8 Jun/)
    expect((await callTool(tool('get_day_history'), { topic: 'appointments' }, ctx)).message).toMatch(/no upcoming appointments/)
    await callTool(tool('add_appointment'), { title: 'Eye check-up', doctor: 'Dr Iyer', when: 'friday 11 am' }, ctx)
    expect((await callTool(tool('get_day_history'), { topic: 'appointments' }, ctx)).message).toBe('Your next appointment is Eye check-up with Dr Iyer, Fri, 13 Jun at 11:00 am.')
  })
})
