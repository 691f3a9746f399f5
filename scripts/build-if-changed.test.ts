import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../test/helpers.js'
import { buildIfChanged } from './build-if-changed.mjs'

// A stand-in project: its "build" copies src/app.ts to dist/src/main.js and counts its runs.
function project() {
  const root = tempDir('podd-build-')
  fs.mkdirSync(path.join(root, 'src'))
  fs.writeFileSync(path.join(root, 'src/app.ts'), 'export const a = 1\n')
  fs.writeFileSync(path.join(root, 'src/app.test.ts'), 'test\n')
  const script = "const fs=require('fs');fs.mkdirSync('dist/src',{recursive:true});fs.copyFileSync('src/app.ts','dist/src/main.js');fs.appendFileSync('builds','x')"
  const opts = { inputs: ['src', 'package.json'], output: 'dist/src/main.js', build: [process.execPath, '-e', script] }
  const builds = () => (fs.existsSync(path.join(root, 'builds')) ? fs.readFileSync(path.join(root, 'builds'), 'utf8').length : 0)
  return { root, opts, builds }
}

describe('npm start builds only when sources changed', () => {
  it('Should build the first time, skip when nothing changed, and build again after an edit', () => {
    const { root, opts, builds } = project()
    expect(buildIfChanged(root, opts)).toBe(true)
    expect(buildIfChanged(root, opts)).toBe(false)
    expect(builds()).toBe(1)
    // A test is never built: editing one changes nothing.
    fs.writeFileSync(path.join(root, 'src/app.test.ts'), 'test 2\n')
    expect(buildIfChanged(root, opts)).toBe(false)
    fs.writeFileSync(path.join(root, 'src/app.ts'), 'export const a = 22\n')
    expect(buildIfChanged(root, opts)).toBe(true)
    fs.writeFileSync(path.join(root, 'src/new-module.ts'), 'export {}\n')
    expect(buildIfChanged(root, opts)).toBe(true)
    fs.rmSync(path.join(root, 'src/new-module.ts'))
    expect(buildIfChanged(root, opts)).toBe(true)
    fs.writeFileSync(path.join(root, 'package.json'), '{}')
    expect(buildIfChanged(root, opts)).toBe(true)
    expect(builds()).toBe(5)
  })

  it('Should build when the output is gone, and fail loudly when the build does', () => {
    const { root, opts } = project()
    buildIfChanged(root, opts)
    fs.rmSync(path.join(root, 'dist/src/main.js'))
    expect(buildIfChanged(root, opts)).toBe(true)
    fs.writeFileSync(path.join(root, 'src/app.ts'), 'changed\n')
    expect(() => buildIfChanged(root, { ...opts, build: [process.execPath, '-e', 'process.exit(3)'] })).toThrow(/failed \(3\)/)
    // The failed build left no fingerprint behind: the next start tries again.
    expect(buildIfChanged(root, opts)).toBe(true)
  })
})
