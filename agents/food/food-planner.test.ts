import { describe, expect, it } from 'vitest'
import { firstCall, plan } from '../../test/agent-harness.js'
import { foodAgent } from './food-agent.js'

const call = (text: string, opts?: Parameters<typeof plan>[2]) => firstCall(plan(foodAgent, text, opts))

describe('food planner', () => {
  it('Should log foods with their quantities and the meal', () => {
    expect(call('had 2 roti and a bowl of dal for lunch')).toEqual({
      name: 'log_meal',
      args: { description: '2 roti, bowl dal', items: [{ name: 'roti', quantity: 2, unit: undefined }, { name: 'dal', quantity: 1, unit: 'bowl' }], meal_type: 'lunch' },
    })
  })

  it('Should log water in glasses or millilitres', () => {
    expect(call('drank 2 glasses of water')).toEqual({ name: 'log_water', args: { amount: 2, unit: 'glass' } })
    expect(call('500 ml pani piya')).toEqual({ name: 'log_water', args: { amount_ml: 500 } })
  })

  it('Should ask what was eaten when only the meal is named', () => {
    expect(call('I had lunch')).toEqual({ reply: 'What did you have for lunch?' })
  })

  it("Should read the day's totals for a question", () => {
    expect(call('how many calories did i eat yesterday?')).toEqual({ name: 'get_food_totals', args: { day: 'yesterday' } })
  })

  it('Should log each meal of a message that names two', () => {
    expect(plan(foodAgent, 'breakfast poha and tea lunch rice dal').calls.map((c) => [c.args.meal_type, (c.args.items as { name: string }[]).map((i) => i.name)])).toEqual([
      ['breakfast', ['poha', 'tea']],
      ['lunch', ['rice', 'dal']],
    ])
  })

  it('Should read "too glasses" as a speech recogniser\'s "two glasses"', () => {
    expect(call('i drank too glasses of water')).toEqual({ name: 'log_water', args: { amount: 2, unit: 'glass' } })
  })

  it('Should take one food out of a meal, or swap the food said to be wrong, instead of removing the meal', () => {
    const meal = [{ id: 'f1', kind: 'food', at: '2025-06-11T13:00:00Z', payload: { description: 'kachori, lassi', items: [{ name: 'kachori' }, { name: 'lassi' }] } }]
    expect(plan(foodAgent, 'delete the kachori, only had lassi', { recent: meal }).calls).toEqual([{ name: 'correct_entry', args: { kind: 'food', changes: { remove_items: ['kachori'] } } }])
    expect(plan(foodAgent, 'lassi hatao, sirf kachori khayi', { recent: meal }).calls).toEqual([{ name: 'correct_entry', args: { kind: 'food', changes: { remove_items: ['lassi'] } } }])
    // Every food named: the meal goes.
    expect(plan(foodAgent, 'remove the kachori and lassi entry', { recent: meal }).calls[0]?.name).toBe('remove_entry')
    const swapped = plan(foodAgent, 'the snack was dhokla and lassi, not kachori', { recent: meal }).calls[0]
    expect(swapped).toMatchObject({ name: 'correct_entry', args: { changes: { remove_items: ['kachori'] } } })
    expect(JSON.stringify(swapped?.args)).toMatch(/dhokla/)
  })

  it('Should log water, not a dish, when it answers another agent\'s question', () => {
    const answering = { question: 'which medicine? open doses today: metformin at 8:00 am', previous: 'took my tablet' }
    expect(plan(foodAgent, 'had 1 bottle of water', { answering }).calls).toEqual([{ name: 'log_water', args: { amount_ml: 1000 } }])
  })

  it('Should remove every water entry of a day when told "both"', () => {
    expect(plan(foodAgent, 'delete both the water entries from yesterday').calls).toEqual([{ name: 'remove_entry', args: { kind: 'water', day: 'yesterday', all: true } }])
  })
})
