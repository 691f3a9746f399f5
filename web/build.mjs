#!/usr/bin/env node
/**
 * Builds the web app into dist/web, unless nothing it is made of changed since the last build
 * (its sources, its Vite config and the installed dependency versions): `npm start` then costs
 * no web build at all. `--force` builds anyway. Each compressible file gets a gzip twin that the
 * server sends to browsers that accept it.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import zlib from 'node:zlib'

const WEB = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.dirname(WEB)
export const OUT = path.join(ROOT, 'dist', 'web')
const STAMP = path.join(OUT, '.source-hash')
const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json)$/

function listFiles(dir) {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

/** A hash of everything the build reads. */
export function sourceHash() {
  const inputs = [
    path.join(WEB, 'index.html'),
    path.join(WEB, 'vite.config.ts'),
    path.join(WEB, 'build.mjs'),
    path.join(ROOT, 'package-lock.json'),
    ...listFiles(path.join(WEB, 'src')),
    ...listFiles(path.join(WEB, 'public')),
  ].sort()
  const hash = createHash('sha256')
  for (const file of inputs) {
    hash.update(path.relative(ROOT, file)).update('\0')
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file))
  }
  return hash.digest('hex')
}

export function isBuildCurrent(hash = sourceHash()) {
  return fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === hash && fs.existsSync(path.join(OUT, 'index.html'))
}

const LOCK = path.join(ROOT, 'dist', '.web-build.lock')

/** One build at a time (test files build in parallel processes); a lock older than 5 minutes is stale. */
async function withLock(fn) {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true })
  for (;;) {
    try {
      fs.mkdirSync(LOCK)
      break
    } catch (err) {
      if (err.code !== 'EEXIST') throw err
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > 5 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true })
      else await new Promise((r) => setTimeout(r, 200))
    }
  }
  try {
    return await fn()
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true })
  }
}

/** Builds when needed; resolves with whether it built. */
export async function buildWeb({ force = false, quiet = false } = {}) {
  const hash = sourceHash()
  if (!force && isBuildCurrent(hash)) {
    if (!quiet) console.log('web app unchanged since the last build (dist/web)')
    return false
  }
  return withLock(async () => {
    if (!force && isBuildCurrent(hash)) return false
    const { build } = await import('vite')
    // Always a production build: Vite follows NODE_ENV, which the test runner sets to "test"
    // (that would give development JSX and no service worker).
    const nodeEnv = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      await build({ configFile: path.join(WEB, 'vite.config.ts'), mode: 'production', logLevel: quiet ? 'warn' : 'info' })
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV
      else process.env.NODE_ENV = nodeEnv
    }
    for (const file of listFiles(OUT)) {
      if (COMPRESSIBLE.test(file)) fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file), { level: 9 }))
    }
    fs.writeFileSync(STAMP, `${hash}\n`)
    return true
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildWeb({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
