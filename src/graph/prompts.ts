import fs from 'node:fs'
import path from 'node:path'

/** The project root: where package.json is, from src/ or from dist/src/. */
function projectRoot(): string {
  let dir = import.meta.dirname
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('cannot find the project root (package.json)')
    dir = parent
  }
  return dir
}

const cache = new Map<string, string>()

/**
 * A prompt, read once; prompts are versioned with the code. A bare name is a shared prompt in
 * prompts/<name>.md; a path ("agents/food/food-prompt.md") is an agent's own, from the root.
 */
export function loadPrompt(name: string): string {
  let text = cache.get(name)
  if (text === undefined) {
    const file = name.endsWith('.md') ? name : path.join('prompts', `${name}.md`)
    text = fs.readFileSync(path.join(projectRoot(), file), 'utf8').trim()
    cache.set(name, text)
  }
  return text
}
