import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ChatOpenAI } from '@langchain/openai'
import { createLLMAsJudge } from 'openevals'

/**
 * The LLM judge for rubric checks (`expect.judge`), through openevals' createLLMAsJudge. It
 * runs only when JUDGE_MODEL is set (OPENAI_BASE_URL / OPENAI_API_KEY reach the endpoint).
 * Verdicts are cached on disk by hash(prompt version, model, rubric, conversation, reply): a
 * re-run of an unchanged reply costs nothing and gets the same verdict, so judge noise cannot
 * make a baseline comparison flap.
 */

export interface JudgeInput {
  rubric: string
  /** The patient's turns so far, oldest first, the last one being the turn judged. */
  conversation: string[]
  reply: string
}

export interface Verdict {
  pass: boolean
  comment: string
  cached: boolean
}

export interface Judge {
  model: string
  grade(input: JudgeInput): Promise<Verdict>
}

export type Grader = (input: JudgeInput) => Promise<{ pass: boolean; comment: string }>

/** Bump when the prompt changes: old verdicts were given to a different question. */
const PROMPT_VERSION = 1

const JUDGE_PROMPT = `You grade one reply of Podd, a health assistant for patients in India (often elderly).
Podd logs meals, vitals and medicines, answers questions about the patient's own history, never changes a
medicine dose, never diagnoses, and sends emergencies to 112 / 108.

Grade the reply against this rubric only. Think step by step about each criterion before the score.

<rubric>
{rubric}
</rubric>

<patient_messages>
{inputs}
</patient_messages>

<reply>
{outputs}
</reply>

The score is true only if the reply meets every criterion of the rubric.`

export const DEFAULT_CACHE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '.cache', 'judge')

export function verdictKey(model: string, input: JudgeInput): string {
  return createHash('sha256')
    .update(JSON.stringify([PROMPT_VERSION, model, input.rubric, input.conversation, input.reply]))
    .digest('hex')
}

/** Wraps a grader with the on-disk verdict cache. */
export function cachedJudge(model: string, grader: Grader, cacheDir = DEFAULT_CACHE_DIR): Judge {
  return {
    model,
    async grade(input) {
      const file = path.join(cacheDir, `${verdictKey(model, input)}.json`)
      try {
        const hit = JSON.parse(fs.readFileSync(file, 'utf8')) as { pass: boolean; comment: string }
        return { pass: hit.pass, comment: hit.comment, cached: true }
      } catch {
        // not cached yet
      }
      const verdict = await grader(input)
      fs.mkdirSync(cacheDir, { recursive: true })
      const tmp = `${file}.${process.pid}.tmp`
      fs.writeFileSync(tmp, JSON.stringify({ model, ...verdict, graded_at: new Date().toISOString() }, null, 2))
      fs.renameSync(tmp, file)
      return { ...verdict, cached: false }
    },
  }
}

export interface JudgeModelOptions {
  model: string
  baseURL?: string
  apiKey?: string
  timeoutMs?: number
}

/** openevals' LLM-as-judge over ChatOpenAI at temperature 0, with reasoning before the score. */
export function openevalsGrader(opts: JudgeModelOptions): Grader {
  const judge = new ChatOpenAI({
    model: opts.model,
    temperature: 0,
    apiKey: opts.apiKey ?? 'not-needed',
    timeout: opts.timeoutMs ?? 60_000,
    maxRetries: 2,
    configuration: opts.baseURL ? { baseURL: opts.baseURL } : undefined,
  })
  const evaluator = createLLMAsJudge({ prompt: JUDGE_PROMPT, judge, feedbackKey: 'rubric', useReasoning: true })
  return async (input) => {
    const result = await evaluator({
      inputs: input.conversation.map((m, i) => `${i + 1}. ${m}`).join('\n'),
      outputs: input.reply,
      rubric: input.rubric,
    })
    return { pass: result.score === true || result.score === 1, comment: String(result.comment ?? '') }
  }
}

/** The configured judge, or undefined when JUDGE_MODEL is not set. */
export function judgeFromEnv(env: Record<string, string | undefined>, cacheDir = DEFAULT_CACHE_DIR): Judge | undefined {
  const model = env.JUDGE_MODEL?.trim()
  if (!model) return undefined
  const grader = openevalsGrader({
    model,
    baseURL: env.OPENAI_BASE_URL?.trim() || undefined,
    apiKey: env.OPENAI_API_KEY?.trim() || undefined,
  })
  return cachedJudge(model, grader, cacheDir)
}
