import { describe, expect, it } from 'vitest'
import type { AgentName, TurnFrame } from '../graph/turn-types.js'
import { ReplySpeaker, unspoken } from './reply-speaker.js'
import type { SpeechProvider, SynthesizeOptions } from './speech-provider.js'

/** A speech engine that "speaks" each sentence as its text in a buffer, recording what it was asked. */
function recordingSpeech() {
  const said: { text: string; language: string; speaker?: string }[] = []
  const speech = {
    async *synthesizeStream(sentences: AsyncIterable<string>, opts: SynthesizeOptions) {
      for await (const text of sentences) {
        said.push({ text, language: opts.language, speaker: opts.speaker })
        yield Buffer.from(text)
      }
    },
  } as unknown as SpeechProvider
  return { speech, said }
}

function speakerFor(speech: SpeechProvider, language: string | null = 'en-IN', controller = new AbortController()) {
  const heard: string[] = []
  const speaker = new ReplySpeaker({
    speech,
    language,
    speaker: 'ritu',
    signal: controller.signal,
    onAudio: (wav) => heard.push(wav.toString()),
  })
  return { speaker, heard, controller }
}

const route = (routes: AgentName[], emergency = false): TurnFrame => ({ type: 'route', routes, emergency })
const token = (agent: AgentName | 'safety', text: string): TurnFrame => ({ type: 'token', agent, text })

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(check()).toBe(true)
}

describe('ReplySpeaker', () => {
  it('speaks the first sentence while the rest of the reply is still being written', async () => {
    const { speech, said } = recordingSpeech()
    const { speaker, heard } = speakerFor(speech)
    speaker.frame(route(['vitals']))
    for (const w of ['Logged ', 'BP ', '140/90. ', 'That ', 'is ']) speaker.frame(token('vitals', w))
    // The turn is not done, and the first sentence is already audio.
    await until(() => heard.length === 1)
    expect(heard).toEqual(['Logged BP one forty over ninety.'])
    speaker.frame(token('vitals', 'high.'))
    const result = await speaker.finish('Logged BP 140/90. That is high.')
    expect(heard).toEqual(['Logged BP one forty over ninety.', 'That is high.'])
    expect(said.every((s) => s.language === 'en-IN' && s.speaker === 'ritu')).toBe(true)
    expect(result.sentences).toBe(2)
    expect(result.firstAudioAt).toBeGreaterThanOrEqual(result.firstSentenceAt!)
  })

  it('speaks parallel agents in the order of the final reply, not the order their tokens came', async () => {
    const { speech } = recordingSpeech()
    const { speaker, heard } = speakerFor(speech)
    speaker.frame(route(['food', 'vitals']))
    speaker.frame(token('vitals', 'Logged sugar 120 mg/dL. '))
    speaker.frame(token('food', 'Logged your lunch. '))
    speaker.frame(token('food', 'About 380 kcal.'))
    await speaker.finish('Logged your lunch. About 380 kcal.\n\nLogged sugar 120 mg/dL.')
    // Each agent's first sentence, in the reply's order: both things logged are heard.
    expect(heard).toEqual(['Logged your lunch.', 'Logged sugar one twenty milligrams per decilitre.'])
  })

  it('keeps a long reply to what suits speech, and says all of it when asked for more', async () => {
    const long =
      "I'm running on the offline model. I can log meals, water, readings, medicines, doses, symptoms, mood, sleep and exercise, and remind you. Could you say it another way?"
    const { speech } = recordingSpeech()
    const short = speakerFor(speech)
    short.speaker.frame(route(['general']))
    short.speaker.frame(token('general', long))
    await short.speaker.finish(long)
    expect(short.heard).toEqual(["I'm running on the offline model.", 'Could you say it another way?'])

    const heard: string[] = []
    const all = new ReplySpeaker({
      speech,
      language: 'en-IN',
      transcript: 'tell me more',
      signal: new AbortController().signal,
      onAudio: (wav) => heard.push(wav.toString()),
    })
    all.frame(route(['general']))
    await all.finish(long)
    expect(heard).toHaveLength(3)
  })

  it('speaks an emergency as the fixed text, whatever else was streamed', async () => {
    const { speech } = recordingSpeech()
    const { speaker, heard } = speakerFor(speech)
    const fixed = 'This could be a medical emergency. Call 112 or 108 for an ambulance now.'
    speaker.frame(route([], true))
    speaker.frame(token('general', 'Generated words. '))
    speaker.frame(token('safety', fixed))
    await speaker.finish(fixed)
    expect(heard.join(' ')).toBe('This could be a medical emergency. Call one one two or one zero eight for an ambulance now.')
  })

  it('when the stream and the final reply differ, speaks what of the reply was not said', async () => {
    const { speech } = recordingSpeech()
    const { speaker, heard } = speakerFor(speech)
    speaker.frame(route(['general']))
    speaker.frame(token('general', 'Your last reading was normal. '))
    await speaker.finish('Your last reading was normal. Keep it up.')
    expect(heard).toEqual(['Your last reading was normal.', 'Keep it up.'])
  })

  it('picks the voice from the script of the reply', async () => {
    const { speech, said } = recordingSpeech()
    const { speaker } = speakerFor(speech, 'mr-IN')
    speaker.frame(route(['general']))
    await speaker.finish('तुमचा रक्तदाब सामान्य आहे.')
    expect(said[0]!.language).toBe('mr-IN')
  })

  it('stops at barge-in: nothing more is heard, and finish returns at once', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const speech = {
      async *synthesizeStream(sentences: AsyncIterable<string>) {
        for await (const text of sentences) {
          await gate
          yield Buffer.from(text)
        }
      },
    } as unknown as SpeechProvider
    const { speaker, heard, controller } = speakerFor(speech)
    speaker.frame(route(['general']))
    speaker.frame(token('general', 'One. Two. '))
    controller.abort()
    await speaker.finish('One. Two. Three.')
    release()
    await new Promise((r) => setTimeout(r, 10))
    expect(heard).toEqual([])
  })

  it('reports a synthesis failure instead of throwing it', async () => {
    const speech = {
      async *synthesizeStream() {
        throw new Error('engine down')
      },
    } as unknown as SpeechProvider
    const { speaker } = speakerFor(speech)
    speaker.frame(route(['general']))
    const result = await speaker.finish('Hello there.')
    expect((result.error as Error).message).toBe('engine down')
  })
})

describe('unspoken', () => {
  it('counts each spoken sentence once', () => {
    expect(unspoken(['Yes.', 'No.', 'Yes.'], ['Yes.'])).toEqual(['No.', 'Yes.'])
    expect(unspoken(['A  b.'], ['A b.'])).toEqual([])
  })
})
