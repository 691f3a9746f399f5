import { AGENT_DEFINITIONS, type AgentName, type LexiconContext } from '../../../agents/registry.js'
import { romaniseHindi } from '../../../language/romanise.js'
import { escapeRegExp, normaliseText, splitClauses } from '../../../language/text.js'

/**
 * The fast deterministic router: each agent's lexicon (in its folder), applied clause by clause
 * so a turn with several intents ("bp 130/85 and I took my metformin") reaches every agent it
 * needs. Scores are 0–1; below CONFIDENT the router may ask an LLM when one is configured.
 */

export const CONFIDENT = 0.6

export interface ClauseIntent {
  text: string
  agent: AgentName | null
  score: number
}

export interface Classification {
  routes: AgentName[]
  /** The lowest top score among routed clauses; low means an LLM (if any) should decide. */
  confidence: number
  /** Per agent, the words of the turn meant for it. */
  focus: Partial<Record<AgentName, string>>
  clauses: ClauseIntent[]
}

function scoreClause(clause: string, ctx: LexiconContext): Record<AgentName, number> {
  const scores = Object.fromEntries(AGENT_DEFINITIONS.map((a) => [a.name, 0])) as Record<AgentName, number>
  for (const { name, lexicon } of AGENT_DEFINITIONS) {
    for (const [re, weight] of lexicon.patterns) if (weight > scores[name] && re.test(clause)) scores[name] = weight
  }
  for (const { lexicon } of AGENT_DEFINITIONS) lexicon.adjust?.(clause, scores, ctx)
  return scores
}

/** Routes a patient's words to the agents that should act on them. */
export function classifyIntent(text: string, opts: { medicineNames?: string[] } = {}): Classification {
  // Devanagari is read as the same words in Latin letters (language/romanise.ts).
  const normalised = normaliseText(romaniseHindi(text))
  const names = (opts.medicineNames ?? []).map((n) => n.toLowerCase().trim()).filter((n) => n.length >= 3)
  const medicineNames = names.length ? new RegExp(`\\b(?:${names.map(escapeRegExp).join('|')})\\b`) : undefined
  const clauses: ClauseIntent[] = splitClauses(normalised).map((c) => {
    const scores = scoreClause(c, { medicineNames, medicines: names, message: normalised })
    const [agent, score] = (Object.entries(scores) as [AgentName, number][]).sort((a, b) => b[1] - a[1])[0]!
    return { text: c, agent: score >= 0.5 ? agent : null, score }
  })
  // A clause with no signal of its own belongs with the one before it ("2 roti, dal and sabzi").
  for (let i = 0; i < clauses.length; i++) {
    if (clauses[i]!.agent) continue
    const neighbour = clauses.slice(0, i).reverse().find((c) => c.agent) ?? clauses.slice(i + 1).find((c) => c.agent)
    if (neighbour) clauses[i]!.agent = neighbour.agent
  }
  const routed = clauses.filter((c) => c.agent)
  // A clause of one agent's that holds another's entry in passing reaches both.
  const passing = routed.flatMap((c) => AGENT_DEFINITIONS.filter((a) => a.name !== c.agent && a.lexicon.alongside?.(c.text)).map((a) => ({ ...c, agent: a.name as AgentName })))
  const routes = [...new Set([...routed, ...passing].map((c) => c.agent!))]
  const focus: Partial<Record<AgentName, string>> = {}
  for (const agent of routes) {
    focus[agent] = routes.length === 1 ? normalised : [...routed, ...passing].filter((c) => c.agent === agent).map((c) => c.text).join(', ')
  }
  const scored = routed.filter((c) => c.score >= 0.5)
  const confidence = scored.length ? Math.min(...scored.map((c) => c.score)) : Math.max(0, ...clauses.map((c) => c.score))
  return { routes, confidence, focus, clauses }
}
