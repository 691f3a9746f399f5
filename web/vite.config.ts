import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { defineConfig, type Plugin } from 'vite'

const WEB = import.meta.dirname

/**
 * Emits the service worker with the list of files that make up this build's app shell (and a
 * version derived from them), so a new build replaces the old shell and nothing else is cached.
 */
function serviceWorker(): Plugin {
  return {
    name: 'podd-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map') && f !== 'index.html')
        .map((f) => `/${f}`)
      const shell = ['/', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png', ...files].sort()
      const version = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12)
      const source = fs
        .readFileSync(path.join(WEB, 'src', 'service-worker.js'), 'utf8')
        .replace('const SHELL = __SHELL__', `const SHELL = ${JSON.stringify(shell)}`)
        .replace('__VERSION__', version)
      this.emitFile({ type: 'asset', fileName: 'sw.js', source })
    },
  }
}

export default defineConfig({
  root: WEB,
  base: '/',
  publicDir: path.join(WEB, 'public'),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [serviceWorker()],
  build: {
    outDir: path.join(WEB, '..', 'dist', 'web'),
    emptyOutDir: true,
    target: 'es2022',
    // Every supported browser preloads modules itself; the polyfill would be inline-able code.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
})
