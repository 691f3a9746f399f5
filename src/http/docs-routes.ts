import fs from 'node:fs/promises'
import path from 'node:path'
import { createRequire } from 'node:module'
import { Hono } from 'hono'
import type { AppEnv } from './app-env.js'
import { notFound } from '../../core/errors.js'

const require = createRequire(import.meta.url)
const SWAGGER_DIR: string = require('swagger-ui-dist').getAbsoluteFSPath()

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Podd API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" href="/docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>`

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', persistAuthorization: false })`

/** The API docs page, served from the swagger-ui-dist package so it works offline. */
export function docsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/docs', (c) => c.html(PAGE))
  app.get('/docs/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file')
    const type = ASSETS[file]
    if (!type) throw notFound('Asset')
    const body = await fs.readFile(path.join(SWAGGER_DIR, file))
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' })
  })
  return app
}
