import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, tempDir, type TestApp } from '../../test/helpers.js'
import { buildWeb, OUT } from '../../web/build.mjs'
import type { AppEnv } from './app-env.js'
import { APP_CSP, webAppRoutes } from './web-app.js'

type Json = Record<string, any>

describe('the web app served beside the API', () => {
  let t: TestApp
  let asset: string

  beforeAll(async () => {
    await buildWeb({ quiet: true })
    asset = fs.readdirSync(path.join(OUT, 'assets')).find((f) => f.endsWith('.js') && f.startsWith('index-'))!
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const html = { accept: 'text/html,application/xhtml+xml' }

  it('Should serve the shell at / with the app’s strict CSP and no long cache', async () => {
    const res = await t.request('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toBe(APP_CSP)
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/)
    const page = await res.text()
    expect(page).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/)
    // No inline script: every <script> has a src.
    expect(page.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull()
    expect(res.headers.get('x-request-id')).toBeTruthy()
  })

  it('Should serve the shell for the app’s own paths when a browser asks for a page', async () => {
    for (const p of ['/today', '/chat/0b2c1a57-5a0e-4f1e-9a44-6c1c2a4e1d10', '/care/patients/abc/trends']) {
      const res = await t.request(p, { headers: html })
      expect(res.status, p).toBe(200)
      expect(await res.text()).toMatch(/<div id="app">/)
    }
  })

  it('Should cache hashed assets for a year and send them gzipped to browsers that accept it', async () => {
    const plain = await t.request(`/assets/${asset}`)
    expect(plain.status).toBe(200)
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(plain.headers.get('content-type')).toMatch(/text\/javascript/)
    const body = Buffer.from(await plain.arrayBuffer())
    const gz = await t.request(`/assets/${asset}`, { headers: { 'accept-encoding': 'gzip, br' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gz.headers.get('vary')).toMatch(/Accept-Encoding/)
    expect(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(body)).toBe(true)
  })

  it('Should be a production build even when the tests build it (NODE_ENV=test)', () => {
    const code = fs.readFileSync(path.join(OUT, 'assets', asset), 'utf8')
    expect(code).not.toMatch(/lineNumber:/)
    expect(code).toMatch(/serviceWorker\.register\(/)
  })

  it('Should serve the service worker and the manifest fresh on every load', async () => {
    const sw = await t.request('/sw.js')
    expect(sw.status).toBe(200)
    expect(sw.headers.get('cache-control')).toBe('no-cache')
    const source = await sw.text()
    expect(source).toMatch(/const SHELL = \[/)
    expect(source).not.toMatch(/__SHELL__|__VERSION__/)
    const manifest = await t.request('/manifest.webmanifest')
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json')
    expect(((await manifest.json()) as Json).icons.length).toBeGreaterThan(0)
  })

  it('Should leave the API’s answers alone: JSON 404s, 405s and the docs page’s own CSP', async () => {
    const unknownApi = await t.request('/api/v1/nothing-here', { headers: html })
    expect(unknownApi.status).toBe(404)
    expect(((await unknownApi.json()) as Json).error.code).toBe('NOT_FOUND')
    const missingAsset = await t.request('/assets/missing-123.js')
    expect(missingAsset.status).toBe(404)
    expect(((await missingAsset.json()) as Json).status).toBe('error')
    const notAPage = await t.request('/some/where')
    expect(notAPage.status).toBe(404)
    const post = await t.request('/today', { method: 'POST', json: {} })
    expect(post.status).toBe(404)
    const wrongMethod = await t.request('/api/v1/auth/login', { method: 'GET' })
    expect(wrongMethod.status).toBe(405)
    const docs = await t.request('/docs')
    expect(docs.headers.get('content-security-policy')).toMatch(/style-src 'self' 'unsafe-inline'/)
    expect(docs.headers.get('content-security-policy')).not.toBe(APP_CSP)
  })
})

describe('the web app before it is built', () => {
  const dir = tempDir('podd-web-')
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('Should say how to build it instead of failing', async () => {
    const app = new Hono<AppEnv>().route('/', webAppRoutes(path.join(dir, 'absent')))
    const res = await app.request('/')
    expect(res.status).toBe(503)
    expect(await res.text()).toMatch(/npm run build/)
  })

  it('Should serve only files of the build, never a path outside it', async () => {
    fs.mkdirSync(path.join(dir, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="app"></div>')
    fs.writeFileSync(path.join(dir, 'assets', 'a-1.js'), 'export {}')
    const app = new Hono<AppEnv>().route('/', webAppRoutes(dir))
    expect((await app.request('/assets/a-1.js')).status).toBe(200)
    expect((await app.request('/assets/../../package.json')).status).toBe(404)
    expect((await app.request('/assets/%2e%2e/%2e%2e/package.json')).status).toBe(404)
  })
})
