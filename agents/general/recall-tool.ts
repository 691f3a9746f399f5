import { tool, type ToolRuntime } from '@langchain/core/tools'
import { z } from 'zod'
import { localDate, localTime } from '../../memory/local-time.js'
import { RECALLED_KINDS } from '../../memory/recall/memory-text.js'
import type { RecallResult, RecallService } from '../../memory/recall/recall-service.js'
import { turnContext } from '../../tools/tool-context.js'

const DEFAULT_MATCHES = 5

/**
 * The `recall` tool of the general agent: searches what the patient told Podd before and
 * lists each match with its local date and time and the patient's words, so the answer can
 * cite them, or says plainly that nothing was found. The patient is the turn's (from the
 * runtime context); the schema has no user id.
 *
 * @example
 * const recallTool = makeRecallTool(services.recall)
 * await recallTool.invoke({ query: 'doctor salt' }, { context: turnContext })
 * // From your history, most relevant first:
 * // - 2026-11-12 10:05 (appointment): "Cardiology review with Dr Rao: cut salt to 5 g a day"
 */
export function makeRecallTool(recall: RecallService) {
  return tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const limit = input.limit ?? DEFAULT_MATCHES
      // A few more than asked: the patient's own earlier questions are set aside below.
      const results = await recall.search(ctx.userId, { query: input.query, kinds: input.kinds, limit: limit + 5 })
      const memories = results.filter((r) => !isQuestionToPodd(r)).slice(0, limit)
      if (memories.length === 0) return `I found nothing in your history about "${input.query}".`
      const lines = memories.map((r) => {
        const at = r.event.occurred_at
        return `- ${localDate(at, ctx.timezone)} ${localTime(at, ctx.timezone)} (${r.event.kind}): "${r.snippet}"`
      })
      return ['From your history, most relevant first:', ...lines].join('\n')
    },
    {
      name: 'recall',
      description:
        'Search what the patient told Podd before: chat messages, symptoms, appointments and what the doctor said, ' +
        'meals, mood, sleep and exercise notes. Returns matches with their local date, time and words; answer only ' +
        'from them and cite the date and the words. Matching is by words when no embeddings model is configured: ' +
        'put the distinctive words in the query (e.g. "salt doctor", "knee pain").',
      schema: z.object({
        query: z.string().trim().min(1).max(500).describe('What to look for, in a few distinctive words'),
        kinds: z
          .array(z.enum(RECALLED_KINDS))
          .max(RECALLED_KINDS.length)
          .optional()
          .describe('Only these kinds of memory'),
        limit: z.number().int().min(1).max(20).optional().describe(`How many matches, default ${DEFAULT_MATCHES}`),
      }),
    },
  )
}

/**
 * A chat message that is itself a question ("when did my knee start hurting?") is the patient
 * asking, not telling: citing it back as a memory would answer a question with itself.
 */
function isQuestionToPodd(r: RecallResult): boolean {
  return r.event.kind === 'chat' && String(r.event.payload.text).trim().endsWith('?')
}
