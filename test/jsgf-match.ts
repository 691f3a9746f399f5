/**
 * Does a JSGF grammar (as the health grammar writes it: rules, `|`, `( )`, `[ ]`, `+`, `*`,
 * `/weights/`) say a sentence word for word? The decoder can only ever answer with what its
 * grammar says, so this is how a test states that a way of saying something is covered, without
 * audio. Matching is by sets of word positions with each rule memoised per start position.
 */

type Node =
  | { kind: 'word'; word: string }
  | { kind: 'rule'; name: string }
  | { kind: 'null' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'opt'; inner: Node }
  | { kind: 'repeat'; inner: Node; min: 0 | 1 }

const TOKEN = /<[^>]+>|\/[^/]*\/|[()[\]|*+]|[^\s()[\]|<>/*+]+/g

function parseBody(body: string): Node {
  const tokens = (body.match(TOKEN) ?? []).filter((t) => !t.startsWith('/'))
  let at = 0
  const alternatives = (close?: string): Node => {
    const options: Node[] = []
    let items: Node[] = []
    while (at < tokens.length) {
      const t = tokens[at++]!
      if (t === close) break
      if (t === '|') {
        options.push({ kind: 'seq', items })
        items = []
      } else if (t === '(') items.push(alternatives(')'))
      else if (t === '[') items.push({ kind: 'opt', inner: alternatives(']') })
      else if (t === '+' || t === '*') items.push({ kind: 'repeat', inner: items.pop()!, min: t === '+' ? 1 : 0 })
      else if (t === '<NULL>') items.push({ kind: 'null' })
      else if (t.startsWith('<')) items.push({ kind: 'rule', name: t.slice(1, -1) })
      else items.push({ kind: 'word', word: t })
    }
    options.push({ kind: 'seq', items })
    return options.length === 1 ? options[0]! : { kind: 'alt', options }
  }
  return alternatives()
}

/** The rules of a grammar, by name, and its public rules. */
export function parseJsgf(jsgf: string): { rules: Map<string, Node>; publics: string[] } {
  const rules = new Map<string, Node>()
  const publics: string[] = []
  const body = jsgf
    .split('\n')
    .filter((l) => !l.startsWith('#') && !/^grammar\s/.test(l))
    .join('\n')
  for (const statement of body.split(';')) {
    const m = /^\s*(public\s+)?<([^>]+)>\s*=([\s\S]*)$/.exec(statement)
    if (!m) continue
    rules.set(m[2]!, parseBody(m[3]!))
    if (m[1]) publics.push(m[2]!)
  }
  return { rules, publics }
}

/** A matcher for one grammar: `matches(sentence)` is true when a public rule says exactly its words. */
export function jsgfMatcher(jsgf: string): (sentence: string) => boolean {
  const { rules, publics } = parseJsgf(jsgf)
  return (sentence) => {
    const words = sentence.toLowerCase().split(/\s+/).filter(Boolean)
    const memo = new Map<string, Set<number>>()
    const ends = (node: Node, from: number): Set<number> => {
      switch (node.kind) {
        case 'word':
          return new Set(words[from] === node.word ? [from + 1] : [])
        case 'null':
          return new Set([from])
        case 'rule': {
          const key = `${node.name}@${from}`
          const known = memo.get(key)
          if (known) return known
          const rule = rules.get(node.name)
          if (!rule) throw new Error(`jsgf: no rule <${node.name}>`)
          memo.set(key, new Set()) // no left recursion in these grammars; a cycle matches nothing
          const found = ends(rule, from)
          memo.set(key, found)
          return found
        }
        case 'seq': {
          let at = new Set([from])
          for (const item of node.items) {
            const next = new Set<number>()
            for (const p of at) for (const e of ends(item, p)) next.add(e)
            at = next
            if (!at.size) break
          }
          return at
        }
        case 'alt': {
          const out = new Set<number>()
          for (const o of node.options) for (const e of ends(o, from)) out.add(e)
          return out
        }
        case 'opt':
          return new Set([from, ...ends(node.inner, from)])
        case 'repeat': {
          const out = new Set<number>(node.min === 0 ? [from] : [])
          let frontier = new Set([from])
          while (frontier.size) {
            const next = new Set<number>()
            for (const p of frontier) for (const e of ends(node.inner, p)) if (!out.has(e) && e > p) next.add(e)
            for (const e of next) out.add(e)
            frontier = next
          }
          return out
        }
      }
    }
    return publics.some((p) => ends({ kind: 'rule', name: p }, 0).has(words.length))
  }
}
