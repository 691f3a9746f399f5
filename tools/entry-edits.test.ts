import { describe, expect, it } from 'vitest'
import { foodAgent } from '../agents/food/food-agent.js'
import { vitalsAgent } from '../agents/vitals/vitals-agent.js'
import { agentTools, callTool, NOW, turn } from '../test/agent-harness.js'

/** A turn that remembers the entries of the conversation so far, as the graph gives them. */
const later = (ctx: ReturnType<typeof turn>) => ({ ...turn(ctx.userId), recent: [...ctx.written] })

describe('correct_entry and remove_entry', () => {
  it("Should correct the conversation's latest reading through the store, never logging a copy", async () => {
    const { store, tool } = agentTools(vitalsAgent)
    const first = turn('asha')
    await callTool(tool('log_vitals'), { blood_sugar: 150, blood_sugar_context: 'fasting' }, first)
    const answer = await callTool(tool('correct_entry'), { changes: { blood_sugar: 140 } }, later(first))
    expect(answer.message).toMatch(/^Corrected: sugar fasting 140 mg\/dL.*\(it was sugar fasting 150 mg\/dL/)
    const current = await store.scan('asha', { kinds: ['vitals'] })
    expect(current).toHaveLength(1)
    expect(current[0]).toMatchObject({ payload: { blood_sugar: 140, blood_sugar_context: 'fasting' }, supersedes: first.written[0]!.id })
  })

  it('Should re-read a number in the unit the patient meant ("that was in pounds")', async () => {
    const { store, tool } = agentTools(vitalsAgent)
    const first = turn('ravi')
    await callTool(tool('log_vitals'), { weight: 154 }, first)
    await callTool(tool('correct_entry'), { changes: { weight_unit: 'lb' } }, later(first))
    expect((await store.scan('ravi'))[0]!.payload).toMatchObject({ weight_kg: 69.9, reported: { weight_kg: { value: 154, unit: 'lb' } } })
  })

  it("Should move an entry to the day named, keeping its time ('that was yesterday morning')", async () => {
    const { store, tool } = agentTools(vitalsAgent)
    const first = turn('meena')
    await callTool(tool('log_vitals'), { blood_pressure_systolic: 150, blood_pressure_diastolic: 95, when: 'at 7 am' }, first)
    const answer = await callTool(tool('correct_entry'), { when: 'yesterday morning' }, later(first))
    expect(answer.message).toMatch(/yesterday at 7:00 am/)
    expect((await store.scan('meena'))[0]!.occurred_at).toBe(new Date('2025-06-10T01:30:00Z').toISOString())
  })

  it('Should find an entry named by its wrong value and day, and ask when it cannot tell which', async () => {
    const { store, tool } = agentTools(vitalsAgent)
    const setup = turn('lata')
    await callTool(tool('log_vitals'), { blood_pressure_systolic: 150, blood_pressure_diastolic: 95, when: 'yesterday 9 am' }, setup)
    await callTool(tool('log_vitals'), { blood_pressure_systolic: 132, blood_pressure_diastolic: 84, when: 'yesterday 8 pm' }, setup)
    const removed = await callTool(tool('remove_entry'), { match: { blood_pressure_systolic: 150, blood_pressure_diastolic: 95 }, day: 'yesterday' }, turn('lata'))
    expect(removed.message).toMatch(/^Removed BP 150\/95/)
    expect((await store.scan('lata')).map((e) => e.payload.blood_pressure_systolic)).toEqual([132])
    await callTool(tool('log_vitals'), { blood_pressure_systolic: 140, blood_pressure_diastolic: 90, when: 'yesterday 10 pm' }, setup)
    const asked = await callTool(tool('remove_entry'), { day: 'yesterday' }, turn('lata'))
    expect(asked).toMatchObject({ asked: true, message: expect.stringMatching(/^Which entry do you mean\? BP 132\/84.*; BP 140\/90/) })
    expect(await store.scan('lata')).toHaveLength(2)
  })

  it('Should ask in Hindi which entry is meant, and remove every entry of a day when told "both"', async () => {
    const { store, tool } = agentTools(foodAgent)
    const setup = turn('kamla')
    await callTool(tool('log_water'), { amount: 1, unit: 'glass', when: 'yesterday 9 am' }, setup)
    await callTool(tool('log_water'), { amount_ml: 300, when: 'today 9 am' }, setup)
    await callTool(tool('log_water'), { amount_ml: 400, when: 'today 10 am' }, setup)
    const asked = await callTool(tool('remove_entry'), { kind: 'water' }, { ...turn('kamla'), replyLanguage: 'hi' as const })
    expect(asked.message).toMatch(/^आपका मतलब किस एंट्री से है\?/)
    const removed = await callTool(tool('remove_entry'), { kind: 'water', all: true }, turn('kamla'))
    expect(removed.message).toMatch(/^Removed 300 ml of water .*; 400 ml of water/)
    expect((await store.scan('kamla')).map((e) => e.payload.amount_ml)).toEqual([250])
  })

  it('Should correct a meal item, estimate its calories again, and remove a meal named by its food', async () => {
    const { store, tool } = agentTools(foodAgent)
    const first = turn('asha', NOW)
    await callTool(tool('log_meal'), { description: '2 roti, dal', items: [{ name: 'rotis', quantity: 2 }, { name: 'dal' }], meal_type: 'lunch' }, first)
    const before = (await store.scan('asha'))[0]!.payload.calories as number
    await callTool(tool('correct_entry'), { changes: { items: [{ name: 'roti', quantity: 3 }] } }, later(first))
    const meal = (await store.scan('asha'))[0]!
    expect(meal.payload.items).toEqual([expect.objectContaining({ name: 'rotis', quantity: 3 }), expect.objectContaining({ name: 'dal' })])
    expect(meal.payload.calories).toBeGreaterThan(before)
    await callTool(tool('remove_entry'), { match: { items: [{ name: 'dal' }] } }, turn('asha'))
    expect(await store.scan('asha')).toEqual([])
  })

  it("Should refuse to touch another kind's entry by its id", async () => {
    const { store, tool } = agentTools(foodAgent)
    const vitals = agentTools(vitalsAgent, store)
    const ctx = turn('ravi')
    await callTool(vitals.tool('log_vitals'), { heart_rate: 70 }, ctx)
    expect(await callTool(tool('remove_entry'), { entry_id: ctx.written[0]!.id }, turn('ravi'))).toMatchObject({ asked: true, message: expect.stringMatching(/could not find that entry/) })
    expect(await store.scan('ravi')).toHaveLength(1)
  })
})
