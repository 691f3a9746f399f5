/**
 * The web app's first render on localhost, in Debian's Chromium: first contentful paint of the
 * sign-in page with an empty cache and with the service worker's cached shell, and the time
 * until a signed-in patient sees Today's content (session refresh and two API reads included).
 * Also the gzipped JavaScript each role can load. Prints figures; asserts nothing.
 *
 *   npm run bench:web            (BENCH_ROUNDS=10)
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Browser } from 'playwright-core'
import { OUT } from '../build.mjs'
import { CHROMIUM, launch, registerInApp, startAppServer, uniqueEmail } from './browser.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10)

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms (n=${xs.length})`

function bundleSizes(): void {
  const assets = path.join(OUT, 'assets')
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(assets, f)), { level: 9 }).length
  const files = fs.readdirSync(assets).filter((f) => f.endsWith('.js'))
  const sum = (pick: (f: string) => boolean) => files.filter(pick).reduce((a, f) => a + gz(f), 0) / 1024
  const initial = sum((f) => f.startsWith('index-'))
  const patient = sum((f) => !/^care-/.test(f))
  const caregiver = sum((f) => !/^(talk|profile|capture-worklet)-/.test(f))
  console.log(`JavaScript, gzipped: first load ${initial.toFixed(1)} KB; everything a patient can load ${patient.toFixed(1)} KB; a caregiver ${caregiver.toFixed(1)} KB`)
  for (const f of files.sort()) console.log(`  ${f.padEnd(34)} ${(gz(f) / 1024).toFixed(1)} KB`)
}

async function firstPaint(browser: Browser, url: string, warm: boolean): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  if (warm) {
    // A first visit installs the service worker and fills the HTTP cache.
    await page.goto(url)
    await page.evaluate(() => navigator.serviceWorker.ready)
  }
  await page.goto(url)
  await page.getByRole('heading', { level: 1 }).waitFor()
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)
  await context.close()
  return fcp
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`no Chromium at ${CHROMIUM}: apt-get install chromium`)
    return
  }
  const app = await startAppServer({ LOG_LEVEL: 'silent' })
  const browser = await launch()
  try {
    bundleSizes()
    const url = `${app.server.url}/sign-in`
    const cold: number[] = []
    const warm: number[] = []
    for (let i = 0; i < ROUNDS; i++) cold.push(await firstPaint(browser, url, false))
    for (let i = 0; i < ROUNDS; i++) warm.push(await firstPaint(browser, url, true))
    console.log(`sign-in page, first contentful paint, empty cache:       ${fmt(cold)}`)
    console.log(`sign-in page, first contentful paint, cached shell (SW): ${fmt(warm)}`)

    const context = await browser.newContext({ baseURL: app.server.url })
    const page = await context.newPage()
    await registerInApp(page, { name: 'Bench Patient', email: uniqueEmail('bench'), role: 'patient' })
    const today: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      await page.goto('/today')
      await page.getByRole('heading', { name: 'Today so far' }).waitFor()
      await page.locator('.totals').waitFor()
      today.push(await page.evaluate(() => performance.now()))
    }
    console.log(`signed-in Today, navigation to its totals on screen:    ${fmt(today)}`)
    await context.close()
  } finally {
    await browser.close()
    await app.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
