import { tool, type ToolRuntime } from '@langchain/core/tools'
import { z } from 'zod'
import { toolResult } from '../../tools/event-writer.js'
import { turnContext } from '../../tools/tool-context.js'
import { answerHealthQuestion } from './health-answers.js'

/**
 * General health questions ("how much salt can I have?"), answered from Podd's curated set in
 * the patient's language with its sources, or a brief "your doctor can answer that". The same
 * tool serves the offline model and an LLM, so neither makes up health advice.
 */
export const healthInfoTool = tool(
  async (input, runtime: ToolRuntime) => {
    const ctx = turnContext(runtime)
    const answer = answerHealthQuestion(input.question, ctx.replyLanguage ?? 'en')
    return toolResult(answer.text, { found: answer.found, topic: answer.topic ?? null, sources: answer.sources })
  },
  {
    name: 'health_info',
    description:
      "Podd's curated answer to a general health question (water, salt, sugar and sweets, fruit, rice, activity, walking after meals, " +
      'sleep, BP and sugar levels, low or high sugar, measuring BP, fever), with its sources; found=false means it is not covered.',
    schema: z.object({ question: z.string().min(1).max(500).describe("The patient's question, in their words") }),
  },
)
