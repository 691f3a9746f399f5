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

/** A prompt from prompts/<name>.md, read once; prompts are versioned with the code. */
export function loadPrompt(name: string): string {
  let text = cache.get(name)
  if (text === undefined) {
    text = fs.readFileSync(path.join(projectRoot(), 'prompts', `${name}.md`), 'utf8').trim()
    cache.set(name, text)
  }
  return text
}
