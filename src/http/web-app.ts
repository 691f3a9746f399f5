import fs from 'node:fs'
import path from 'node:path'
import { Hono } from 'hono'
import type { AppEnv } from './app-env.js'

/**
 * The web app (`web/`, built into `dist/web` by `npm run build`), served from `/` by the same
 * server as the API. Hashed files under `/assets/` are cached for a year; the shell, the service
 * worker and the manifest are revalidated on every load so a new build reaches people at once.
 * Every page of the app gets its own Content-Security-Policy: scripts and styles from this origin
 * only, nothing inline, nothing from elsewhere. The API and `/docs` keep theirs.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.webmanifest', '.json'])
const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

/** Paths that are never the app, so an unknown one stays the API's JSON 404. */
const NOT_APP = /^\/(api|docs|health|ready|metrics)(\/|$)/

interface WebFile {
  file: string
  type: string
  cache: string
  /** A gzip twin written by the build, served to clients that accept it. */
  gzip?: string
}

/** The repository root: the nearest folder above this module with a package.json (src/ or dist/src/). */
function projectRoot(from = import.meta.dirname): string {
  let dir = from
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir)
    if (up === dir) return process.cwd()
    dir = up
  }
  return dir
}

export const DEFAULT_WEB_DIR = path.join(projectRoot(), 'dist', 'web')

/** Every file of the build, by URL path. Only these are ever served: no path reaches the disk. */
function indexBuild(dir: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>()
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name)
      if (entry.isDirectory()) walk(rel)
      const ext = path.extname(entry.name)
      if (!entry.isFile() || !TYPES[ext]) continue
      const file = path.join(dir, rel)
      files.set(`/${rel}`, {
        file,
        type: TYPES[ext]!,
        cache: rel.startsWith('assets/') ? IMMUTABLE : REVALIDATE,
        gzip: COMPRESSIBLE.has(ext) && fs.existsSync(`${file}.gz`) ? `${file}.gz` : undefined,
      })
    }
  }
  if (fs.existsSync(path.join(dir, 'index.html'))) walk('')
  return files
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Podd</title>
<p>The web app is not built yet. Run <code>npm run build</code> (or <code>npm start</code>), then reload.</p>
<p>The API is at <a href="/docs">/docs</a>.</p></html>`

/** The web app's files and its client-side routes (any other GET for an HTML page gets the shell). */
export function webAppRoutes(dir = DEFAULT_WEB_DIR): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const files = indexBuild(dir)
  const shell = files.get('/index.html')
  const cache = new Map<string, Buffer>()
  const read = (file: string) => {
    let body = cache.get(file)
    if (!body) cache.set(file, (body = fs.readFileSync(file)))
    return body
  }

  // A middleware, not a GET route: a catch-all route would turn every unknown POST into a 405.
  app.use('*', async function webApp(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    const urlPath = c.req.path
    let found = files.get(urlPath)
    if (!found && (NOT_APP.test(urlPath) || path.extname(urlPath))) return next()
    if (!found) {
      // A client-side route (/today, /care/…): the shell, when a browser asks for a page.
      if (urlPath !== '/' && !(c.req.header('accept') ?? '').includes('text/html')) return next()
      if (!shell) return c.html(NOT_BUILT, 503, { 'Content-Security-Policy': APP_CSP, 'Cache-Control': 'no-store' })
      found = shell
    }
    const gzip = found.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')
    c.header('Content-Type', found.type)
    c.header('Cache-Control', found.cache)
    c.header('Content-Security-Policy', APP_CSP)
    c.header('Vary', 'Accept-Encoding')
    if (gzip) c.header('Content-Encoding', 'gzip')
    return c.body(new Uint8Array(read(gzip ? found.gzip! : found.file)), 200)
  })
  return app
}
