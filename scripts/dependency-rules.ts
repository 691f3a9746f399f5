/**
 * The dependency rules of DESIGN.md, checked over the import graph (`npm run check:deps`, run by
 * `.ci/run`). Every `import`/`export … from`/`import()` of every TypeScript file counts, type-only
 * imports included: a type from `src/http` ties domain code to HTTP as much as a value does.
 *
 * - `core/` is the lowest layer: it imports nothing of the project.
 * - `language/` (the patient's words) imports nothing of the project but `core/`.
 * - `memory/`, `tools/` and `agents/` import nothing from `src/`.
 * - `src/care`, `src/voice` and `src/graph` import `src/http` only from their route and socket
 *   files (`*-routes.ts`, `*-socket.ts`) and tests: domain code knows no HTTP.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Rule {
  name: string
  /** Files (repo-relative, `/`-separated) the rule applies to. */
  from: (file: string) => boolean
  /** Imported files (repo-relative) the rule forbids. */
  forbidden: (target: string) => boolean
  /** Files the rule lets through. */
  except?: (file: string) => boolean
}

export interface Violation {
  rule: string
  file: string
  imports: string
}

const under = (...dirs: string[]) => (file: string) => dirs.some((d) => file.startsWith(`${d}/`))
const isTest = (file: string) => /\.test\.ts$/.test(file)
const PROJECT_DIRS = ['src', 'language', 'memory', 'tools', 'agents', 'evals', 'bench', 'test', 'prompts', 'scripts', 'web']

export const RULES: Rule[] = [
  { name: 'core/ imports nothing of the project', from: under('core'), forbidden: under(...PROJECT_DIRS) },
  {
    name: 'language/ imports nothing of the project but core/',
    from: under('language'),
    forbidden: under(...PROJECT_DIRS.filter((d) => d !== 'language')),
  },
  { name: 'memory/, tools/ and agents/ import nothing from src/', from: under('memory', 'tools', 'agents'), forbidden: under('src') },
  {
    name: 'domain code (src/care, src/voice, src/graph) imports src/http only in route and socket files',
    from: under('src/care', 'src/voice', 'src/graph'),
    forbidden: under('src/http'),
    except: (file) => /-(routes|socket)\.ts$/.test(file) || isTest(file),
  },
]

const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', 'coverage', '.git'])

function sourceFiles(root: string, dir = ''): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue
    const rel = dir ? `${dir}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...sourceFiles(root, rel))
    else if (/\.(ts|mts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel)
  }
  return out
}

/**
 * The source without comments, strings and template literals kept whole: a commented-out import
 * is no import, and a URL like 'http://x' is no comment.
 */
export function stripComments(source: string): string {
  let out = ''
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!
    const next = source[i + 1]
    if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++
      out += '\n'
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2)
      i = end < 0 ? source.length : end + 1
      out += ' '
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1
      while (j < source.length && source[j] !== ch) j += source[j] === '\\' ? 2 : 1
      out += source.slice(i, j + 1)
      i = j
    } else {
      out += ch
    }
  }
  return out
}

const IMPORT_PATTERNS = [
  /\b(?:import|export)\s+(?:type\s+)?[\w*{}\s,$]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
]

/** The relative module specifiers a file imports. */
export function importSpecifiers(source: string): string[] {
  const code = stripComments(source)
  const found = new Set<string>()
  for (const pattern of IMPORT_PATTERNS) for (const m of code.matchAll(pattern)) found.add(m[1]!)
  return [...found].filter((s) => s.startsWith('.'))
}

/** A relative specifier as a repo-relative path (`../core/errors.js` from `memory/x.ts` → `core/errors.js`). */
function resolve(file: string, specifier: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
}

export function checkDependencies(root: string, rules: Rule[] = RULES): Violation[] {
  const violations: Violation[] = []
  for (const file of sourceFiles(root)) {
    const applicable = rules.filter((r) => r.from(file) && !r.except?.(file))
    if (applicable.length === 0) continue
    for (const spec of importSpecifiers(fs.readFileSync(path.join(root, file), 'utf8'))) {
      const target = resolve(file, spec)
      for (const rule of applicable) if (rule.forbidden(target)) violations.push({ rule: rule.name, file, imports: target })
    }
  }
  return violations
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const violations = checkDependencies(root)
  for (const v of violations) console.error(`${v.file} imports ${v.imports}: ${v.rule}`)
  console.log(violations.length === 0 ? 'dependency rules: ok' : `dependency rules: ${violations.length} violation(s)`)
  process.exit(violations.length === 0 ? 0 : 1)
}
