/**
 * Probabilities for a JSGF grammar's choices. Unweighted, every alternative of a JSGF rule has
 * probability one in PocketSphinx's search: a path through three foods from a list of three hundred
 * costs the same as "yes", while the silence between words costs its -silprob. The decoder then
 * fills pauses and noise with food names. Here each alternative of an n-way choice gets
 * probability 1/n and an optional part costs a half to take (nothing to skip), so a long list is a
 * long shot and an extra word has a price, as in a language model.
 *
 * PocketSphinx scales silence and word penalties by the language weight (-lw) but takes JSGF
 * weights as they are written, so a probability p is written as p^lw for the two to weigh alike.
 */

/** PocketSphinx's default -lw, used for JSGF (fsg) search too. */
export const LANGUAGE_WEIGHT = 6.5

/** The probability of taking an optional part `[...]`. */
const OPTIONAL_TAKEN = 0.5

type Node = { kind: 'token'; text: string } | { kind: 'group'; optional: boolean; alternatives: Node[][] }

const TOKEN = /<[^>]+>|\/[^/]*\/|[()[\]|]|[^\s()[\]|<>/]+/g

/** Every rule body of `jsgf` with its choices weighted; the header and rule names unchanged. */
export function weighGrammar(jsgf: string, languageWeight = LANGUAGE_WEIGHT): string {
  return jsgf
    .split(';')
    .map((statement) => {
      const eq = statement.indexOf('=')
      if (eq < 0 || !/<[^>]+>\s*$/.test(statement.slice(0, eq))) return statement
      return `${statement.slice(0, eq)}= ${weighBody(statement.slice(eq + 1), languageWeight)}`
    })
    .join(';')
}

/** One rule body (what follows `=`), weighted. Existing weights are an error: this owns them. */
export function weighBody(body: string, languageWeight = LANGUAGE_WEIGHT): string {
  const tokens = body.match(TOKEN) ?? []
  if (tokens.some((t) => t.startsWith('/'))) throw new Error('weighBody: the grammar already has weights')
  let at = 0
  const parse = (close: string | undefined): Node[][] => {
    const alternatives: Node[][] = [[]]
    while (at < tokens.length) {
      const t = tokens[at++]!
      if (t === close) return alternatives
      if (t === '(' || t === '[') {
        alternatives.at(-1)!.push({ kind: 'group', optional: t === '[', alternatives: parse(t === '(' ? ')' : ']') })
      } else if (t === '|') alternatives.push([])
      else if (t === ')' || t === ']') throw new Error(`weighBody: unbalanced "${t}"`)
      else alternatives.at(-1)!.push({ kind: 'token', text: t })
    }
    if (close) throw new Error(`weighBody: "${close}" missing`)
    return alternatives
  }
  const weight = (p: number) => `/${formatWeight(p ** languageWeight)}/`
  const render = (alternatives: Node[][]): string => {
    const seq = (nodes: Node[]) => nodes.map(renderNode).join(' ')
    if (alternatives.length === 1) return seq(alternatives[0]!)
    return alternatives.map((a) => `${weight(1 / alternatives.length)} ${seq(a)}`).join(' | ')
  }
  const renderNode = (n: Node): string => {
    if (n.kind === 'token') return n.text
    if (!n.optional) return `(${render(n.alternatives)})`
    // Skipping is free; taking the part costs OPTIONAL_TAKEN, then its own choices.
    return `(/1/ <NULL> | ${weight(OPTIONAL_TAKEN)} (${render(n.alternatives)}))`
  }
  return render(parse(undefined))
}

/** A weight as JSGF reads it: plain decimals (no exponent), enough digits to keep it positive. */
export function formatWeight(w: number): string {
  if (w >= 1) return '1'
  const digits = Math.max(6, Math.ceil(-Math.log10(w)) + 6)
  return w.toFixed(digits).replace(/0+$/, '')
}
