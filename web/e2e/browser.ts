import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Config } from '../../src/config.js'
import { startServer, type RunningServer } from '../../src/server.js'
import type { ServiceOptions } from '../../src/services.js'
import { testConfig } from '../../test/helpers.js'
import { buildWeb } from '../build.mjs'

/**
 * What the browser tests share: Debian's Chromium driven by playwright-core (npm cannot download
 * browsers here), a real Podd server on a temp data dir serving the built app, axe-core run in
 * the page, and screenshots at phone and desktop size.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const present = fs.existsSync(CHROMIUM)
/** For `describe.skipIf(needsChromium.missing)(\`…${needsChromium.note}\`)`: vitest shows a skipped test's name, not a reason. */
export const needsChromium = {
  missing: !present,
  note: present ? '' : ` [skipped: needs Chromium at ${CHROMIUM}: apt-get install chromium]`,
}

const ROOT = path.resolve(import.meta.dirname, '..', '..')
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? path.join(ROOT, 'dist', 'screenshots')
export const PHONE = { width: 360, height: 800 }
export const DESKTOP = { width: 1280, height: 800 }

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...extraArgs], headless: true })
}

/** Builds the web app if its sources changed, then starts a real server on a temp data dir. */
export async function startAppServer(env: Record<string, string> = {}, opts: ServiceOptions = {}): Promise<{ server: RunningServer; config: Config; close: () => Promise<void> }> {
  await buildWeb({ quiet: true })
  const config = testConfig(env)
  const server = await startServer(config, opts)
  return {
    server,
    config,
    close: async () => {
      await server.close()
      fs.rmSync(config.DATA_DIR, { recursive: true, force: true })
    },
  }
}

/** A context at phone size that fails the test on any CSP violation or uncaught page error. */
export async function phoneContext(browser: Browser, baseURL: string, opts: { permissions?: string[] } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'en-IN', timezoneId: 'Asia/Kolkata' })
  if (opts.permissions) await context.grantPermissions(opts.permissions, { origin: baseURL })
  // A step that cannot happen fails in seconds, saying what it waited for.
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (m) => {
    if (process.env.E2E_CONSOLE) console.log(`[browser ${m.type()}] ${m.text()}`)
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text())
  })
  page.on('pageerror', (err) => problems.push(`page error: ${err.stack ?? err.message}`))
  return { context, page, problems }
}

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeResult {
  screen: string
  violations: { id: string; impact: string; nodes: number; help: string }[]
}
/** Every screen's axe result, for the report the test files write. */
export const axeResults: AxeResult[] = []

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, which the page's CSP does
 * not govern) and expects no serious or critical violation.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[]; help: string }[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }))
  })
  axeResults.push({ screen, violations })
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad, `${screen}: ${JSON.stringify(bad)}`).toEqual([])
}

/**
 * Screenshots of what a person sees, at phone size and at desktop size (the viewport, not the
 * whole page: fixed bars would land mid-page in a full-page capture). Passing notices are
 * dismissed first, as a person would.
 */
export async function screenshots(page: Page, name: string, opts: ShotOptions = {}): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const before = page.viewportSize() ?? PHONE
  for (const dismiss of await page.locator('.notices button').all()) await dismiss.click().catch(() => undefined)
  await page.setViewportSize(PHONE)
  if (!opts.keepScroll) await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForTimeout(100)
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-phone.png`) })
  await page.setViewportSize(DESKTOP)
  if (!opts.keepScroll) await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForTimeout(150)
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-desktop.png`) })
  await page.setViewportSize(before)
}

/** Screenshots start at the top of the page, unless the point is further down (a conversation). */
export interface ShotOptions {
  keepScroll?: boolean
}

/** A 1280×800 screen at 200 % zoom: the page sees a 640×400 viewport. */
export const ZOOM_200 = { width: 640, height: 400 }

/** At 200 % zoom nothing may need scrolling sideways (WCAG 1.4.10 reflow). */
export async function expectReflow(page: Page, screen: string): Promise<void> {
  await page.setViewportSize(ZOOM_200)
  // Charts follow their container through a ResizeObserver, a frame or two later.
  await page.waitForTimeout(250)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, `${screen} scrolls sideways at 200 % zoom`).toBeLessThanOrEqual(0)
}

/**
 * Text at 18 px or more, and every control a finger can hit at least 44×44 px (links inside a
 * sentence are exempt, as in WCAG 2.5.8; a checkbox counts by its label).
 */
export async function expectLargeTargets(page: Page, screen: string): Promise<void> {
  const { fontSize, small } = await page.evaluate(() => {
    const targets = document.querySelectorAll<HTMLElement>(
      'button, select, textarea, input:not([type=checkbox]):not([type=radio]), a.button, a.tel, a.tab, nav a, summary, label.check, label.option',
    )
    const small: string[] = []
    for (const el of targets) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || el.closest('.visually-hidden, [hidden]')) continue
      if (box.height < 44 - 0.5 || box.width < 44 - 0.5) small.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`)
    }
    return { fontSize: parseFloat(getComputedStyle(document.body).fontSize), small }
  })
  expect(fontSize, `${screen}: base font`).toBeGreaterThanOrEqual(18)
  expect(small, `${screen}: tap targets under 44 px`).toEqual([])
}

/** Axe at both sizes, tap targets, reflow at 200 % zoom and both screenshots: what every screen of the tests gets. */
export async function checkScreen(page: Page, name: string, opts: ShotOptions = {}): Promise<void> {
  await expectAccessible(page, `${name} (phone)`)
  await expectLargeTargets(page, name)
  await screenshots(page, name, opts)
  await page.setViewportSize(DESKTOP)
  await expectAccessible(page, `${name} (desktop)`)
  await expectReflow(page, name)
  await page.setViewportSize(PHONE)
}

/** Writes the axe results of a test file beside the screenshots. */
export function writeAxeReport(file: string): void {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  fs.writeFileSync(path.join(SCREENSHOT_DIR, `axe-${file}.json`), JSON.stringify(axeResults, null, 2))
}

let counter = 0
export function uniqueEmail(who: string): string {
  return `${who}-${process.pid}-${Date.now()}-${counter++}@example.com`
}
export const PASSWORD = 'a sturdy passphrase 42'

/** Registers through the app's own form; lands on the role's home screen. */
export async function registerInApp(page: Page, opts: { name: string; email: string; role: 'patient' | 'caregiver' }): Promise<void> {
  await page.goto('/register')
  if (opts.role === 'caregiver') await page.getByRole('radio', { name: /someone I care for/i }).check()
  await page.getByLabel('Name').fill(opts.name)
  await page.getByLabel('Email').fill(opts.email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.waitForURL(opts.role === 'caregiver' ? '**/care' : '**/today')
}
