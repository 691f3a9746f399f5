import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../test/helpers.js'
import { checkDependencies, importSpecifiers } from './dependency-rules.js'

function repo(files: Record<string, string>): string {
  const root = tempDir('podd-deps-')
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), text)
  }
  return root
}

describe('dependency rules', () => {
  it('Should find every import form, type-only and multi-line ones included, and no commented one', () => {
    const source = [
      "import type { A } from '../http/app-env.js'",
      'import {\n  b,\n  type C,\n} from "./b.js"',
      "export { d } from './d.js'",
      "export * from './e.js'",
      "import './side-effect.js'",
      "const f = await import('./f.js')",
      "// import { g } from './g.js'",
      "/* import { h } from './h.js' */",
      "const url = 'http://example.com' // import { i } from './i.js'",
      "import { z } from 'zod'",
    ].join('\n')
    expect(importSpecifiers(source).sort()).toEqual(['../http/app-env.js', './b.js', './d.js', './e.js', './f.js', './side-effect.js'])
  })

  it('Should fail memory/ and tools/ importing src/, core/ importing the project, and domain code importing src/http', () => {
    const root = repo({
      'memory/store.ts': "import { newId } from '../src/ids.js'\nimport { PoddError } from '../core/errors.js'",
      'memory/recall/index.ts': "import type { Config } from '../../src/config.js'",
      'tools/tool.ts': "import { x } from '../src/graph/x.js'",
      'core/errors.ts': "import type { Logger } from '../src/logger.js'",
      'src/care/links.ts': "import { AppError } from '../http/errors.js'",
      'src/voice/session.ts': "import type { AuthUser } from '../http/app-env.js'",
      'src/graph/service.ts': "import { PoddError } from '../../core/errors.js'",
      'src/care/care-routes.ts': "import { validationHook } from '../http/openapi.js'",
      'src/voice/voice-socket.ts': "import type { AuthUser } from '../http/app-env.js'",
      'src/voice/speech.test.ts': "import { httpStatusOf } from '../http/error-status.js'",
      'src/auth/auth-routes.ts': "import { clientIp } from '../http/client-ip.js'",
    })
    const found = checkDependencies(root).map((v) => `${v.file} -> ${v.imports}`)
    expect(found.sort()).toEqual([
      'core/errors.ts -> src/logger.js',
      'memory/recall/index.ts -> src/config.js',
      'memory/store.ts -> src/ids.js',
      'src/care/links.ts -> src/http/errors.js',
      'src/voice/session.ts -> src/http/app-env.js',
      'tools/tool.ts -> src/graph/x.js',
    ])
  })

  it('Should hold for this repository', () => {
    expect(checkDependencies(path.resolve(import.meta.dirname, '..'))).toEqual([])
  })
})
