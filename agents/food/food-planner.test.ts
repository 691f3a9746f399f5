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
})
