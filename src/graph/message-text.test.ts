import { AIMessage, HumanMessage } from '@langchain/core/messages'
import { describe, expect, it } from 'vitest'
import { lastHumanText, withAnsweredRequest } from './message-text.js'

describe('a request completed by its answer', () => {
  it('Should read "the idli one" after "which entry do you mean?" together with the request', () => {
    const messages = [new HumanMessage('remove that meal'), new AIMessage('Which entry do you mean? breakfast: 2 idli; lunch: rice'), new HumanMessage('the idli one')]
    expect(lastHumanText(withAnsweredRequest(messages))).toBe('remove that meal, the idli one')
    const moved = [new HumanMessage('shift my evening reminder to 8 pm'), new AIMessage('Kis dawa ka samay badalna hai, aur kis samay par?'), new HumanMessage('telma')]
    expect(lastHumanText(withAnsweredRequest(moved))).toBe('shift my evening reminder to 8 pm, telma')
  })

  it('Should leave a new subject, a question, or an answer to another question as it is', () => {
    const asked = [new HumanMessage('delete the wrong reading'), new AIMessage('Which entry do you mean? BP 141/89; sugar 109')]
    for (const text of ['sugar now 132', 'what was my bp yesterday?']) expect(withAnsweredRequest([...asked, new HumanMessage(text)]).at(-1)!.content).toBe(text)
    const other = [new HumanMessage('I slept'), new AIMessage('How many hours did you sleep?'), new HumanMessage('7 hours')]
    expect(withAnsweredRequest(other)).toBe(other)
  })
})
