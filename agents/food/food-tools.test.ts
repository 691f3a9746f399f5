import { describe, expect, it } from 'vitest'
import { agentTools, callTool, turn } from '../../test/agent-harness.js'
import { foodAgent } from './food-agent.js'

describe('food tools', () => {
  it('Should log a meal with estimated calories and the day so far', async () => {
    const { tool } = agentTools(foodAgent)
    const ctx = turn('asha')
    const answer = await callTool(tool('log_meal'), { description: '2 roti, dal', items: [{ name: 'roti', quantity: 2 }, { name: 'dal' }], meal_type: 'lunch' }, ctx)
    expect(answer.message).toMatch(/^Logged your lunch: 2 roti, dal \(about \d+ kcal, estimated\)\. Total today: \d+ kcal over 1 meal\.$/)
    expect(ctx.written[0]!.payload).toMatchObject({ meal_type: 'lunch', estimated: true })
  })

  it('Should log water in millilitres and total the day', async () => {
    const { tool } = agentTools(foodAgent)
    const ctx = turn('ravi')
    await callTool(tool('log_water'), { amount: 2, unit: 'glass' }, ctx)
    expect((await callTool(tool('log_water'), { amount_ml: 300 }, ctx)).message).toBe('Logged 300 ml of water. Water today: 0.8 L.')
  })

  it('Should total water as measured, not rounded: 750 ml is 0.75 L', async () => {
    const { tool } = agentTools(foodAgent)
    expect((await callTool(tool('log_water'), { amount_ml: 750 }, turn('asha'))).message).toBe('Logged 750 ml of water. Water today: 0.75 L.')
  })

  it('Should refuse a unit the water payload does not know', async () => {
    const { tool } = agentTools(foodAgent)
    await expect(callTool(tool('log_water'), { amount: 1, unit: 'bucket' }, turn('meena'))).rejects.toThrow()
  })
})
