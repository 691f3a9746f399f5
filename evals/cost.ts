/**
 * Estimated USD per 1K tokens by model name (list prices; edit when they change). The longest
 * matching prefix wins, so "gpt-4o-mini-2024-07-18" is priced as gpt-4o-mini. Unknown models
 * get no estimate rather than a wrong one.
 */
export const PRICES_PER_1K: Record<string, { input: number; output: number }> = {
  offline: { input: 0, output: 0 },
  'gpt-4o-mini': { input: 0.00015, output: 0.0006 },
  'gpt-4o': { input: 0.0025, output: 0.01 },
  'gpt-4.1-nano': { input: 0.0001, output: 0.0004 },
  'gpt-4.1-mini': { input: 0.0004, output: 0.0016 },
  'gpt-4.1': { input: 0.002, output: 0.008 },
  'gpt-5-nano': { input: 0.00005, output: 0.0004 },
  'gpt-5-mini': { input: 0.00025, output: 0.002 },
  'gpt-5': { input: 0.00125, output: 0.01 },
  'sarvam-m': { input: 0, output: 0 },
}

export function priceOf(model: string): { input: number; output: number } | undefined {
  const name = model.toLowerCase()
  const key = Object.keys(PRICES_PER_1K)
    .filter((k) => name === k || name.startsWith(`${k}-`) || name.endsWith(`/${k}`))
    .sort((a, b) => b.length - a.length)[0]
  return key ? PRICES_PER_1K[key] : undefined
}

/** USD for a call's tokens, or undefined when the model has no price. */
export function costOf(model: string, inputTokens: number, outputTokens: number): number | undefined {
  const p = priceOf(model)
  return p ? (inputTokens / 1000) * p.input + (outputTokens / 1000) * p.output : undefined
}
