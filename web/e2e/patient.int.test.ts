import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { espeakWav, requires } from '../../test/fakes/audio-fixtures.js'
import { checkScreen, expectAccessible, launch, needsChromium, PASSWORD, phoneContext, registerInApp, startAppServer, uniqueEmail, writeAxeReport } from './browser.js'

/**
 * A patient's day in the app, in real Chromium against a real server: register, log a reading by
 * chat and see it streamed back with its chip, find it on the chart and in history, correct it,
 * take a dose, get an emergency answer, talk through a fake microphone, switch to Hindi.
 */
const speech = requires('espeak-ng', 'pocketsphinx')

describe.skipIf(needsChromium.missing)(`the patient's app in Chromium${needsChromium.note}`, () => {
  let app: Awaited<ReturnType<typeof startAppServer>>
  let browser: Browser
  let page: Page
  let problems: string[]
  const email = uniqueEmail('asha')
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-e2e-'))

  /** What a person says into the fake microphone: espeak-ng, padded with silence, at 48 kHz. */
  function microphoneFile(): string | undefined {
    if (speech.missing) return undefined
    const raw = path.join(tmp, 'raw.wav')
    const out = path.join(tmp, 'mic.wav')
    fs.writeFileSync(raw, espeakWav('my blood pressure is one forty over ninety'))
    execFileSync('sox', [raw, '-r', '48000', '-c', '1', '-b', '16', out, 'pad', '0.4', '2.5'])
    return out
  }

  beforeAll(async () => {
    app = await startAppServer()
    const mic = microphoneFile()
    browser = await launch(['--autoplay-policy=no-user-gesture-required', ...(mic ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${mic}`] : [])])
    ;({ page, problems } = await phoneContext(browser, app.server.url, { permissions: mic ? ['microphone'] : [] }))
  })

  afterAll(async () => {
    writeAxeReport('patient')
    await browser?.close()
    await app?.close()
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  /**
   * Records events for this patient straight into the server's event store: what the app has no
   * screen for (a medicine schedule) or what would take a month of days (a month of readings).
   */
  async function record(events: { kind: string; payload: Record<string, unknown>; occurred_at?: string }[]): Promise<{ event: { context_id: string } }[]> {
    const { id: userId } = await app.server.services.authDb.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    const append = (e: (typeof events)[number]) => app.server.services.events.append(userId, { kind: e.kind as never, payload: e.payload, occurred_at: e.occurred_at, source: 'api' })
    return Promise.all(events.map(append))
  }

  it('Should send a signed-out visitor to sign in, with the safety note and numbers on screen', async () => {
    await page.goto('/')
    await page.waitForURL('**/sign-in')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Podd')
    await expect.poll(() => page.getByText('Podd is not a doctor.').isVisible()).toBe(true)
    expect(await page.locator('a[href="tel:112"]').first().isVisible()).toBe(true)
    expect(await page.locator('a[href="tel:108"]').first().isVisible()).toBe(true)
    expect(await page.locator('a[href="tel:14416"]').first().isVisible()).toBe(true)
    await checkScreen(page, 'sign-in')
  })

  it('Should register a patient and open Today', async () => {
    await page.goto('/register')
    await checkScreen(page, 'register')
    await registerInApp(page, { name: 'Asha Verma', email, role: 'patient' })
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Asha/)
  })

  it('Should stream the reply to "bp 150/95" and show the event chip', async () => {
    await page.getByRole('link', { name: 'Chat' }).click()
    await page.waitForURL('**/chat')
    const streamed = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat') && (r.headers()['content-type'] ?? '').includes('text/event-stream'))
    await page.getByLabel('Message').fill('bp 150/95')
    await page.getByRole('button', { name: 'Send' }).click()
    await streamed
    const chip = page.getByRole('button', { name: 'BP 150/95 logged — edit' })
    await chip.waitFor()
    const reply = page.locator('.message.assistant .message-text').last()
    expect(await reply.textContent()).toMatch(/150\/95/)
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/)
    await checkScreen(page, 'chat', { keepScroll: true })
  })

  it('Should list the conversation among earlier ones and open it again', async () => {
    await page.getByRole('link', { name: 'New conversation' }).click()
    await page.getByText('Earlier conversations').click()
    await page.getByRole('navigation', { name: 'Earlier conversations' }).getByRole('link').first().click()
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/)
    await page.locator('.message.user', { hasText: 'bp 150/95' }).waitFor()
    expect(await page.locator('.message.assistant .message-text').first().textContent()).toMatch(/150\/95/)
  })

  it('Should show the reading on the blood pressure chart', async () => {
    await page.getByRole('link', { name: 'Trends' }).click()
    const bp = page.locator('section', { has: page.getByRole('heading', { name: 'Blood pressure' }) })
    await bp.locator('canvas').first().waitFor()
    expect(await bp.locator('figcaption').textContent()).toMatch(/Latest 150\/95/)
    await bp.getByText('Show the numbers').click()
    expect(await bp.locator('td', { hasText: '150/95' }).count()).toBe(1)
    await expectAccessible(page, 'trends, one reading')
  })

  it('Should list the reading in History and correct it there', async () => {
    await page.getByRole('link', { name: 'History' }).click()
    await page.getByText('BP 150/95').waitFor()
    await page.getByRole('button', { name: 'Edit BP 150/95' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Upper number (systolic)').fill('148')
    await expectAccessible(page, 'edit dialog')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await page.getByText('BP 148/95', { exact: true }).waitFor()
    expect(await page.getByText('BP 150/95', { exact: true }).count()).toBe(0)
    await checkScreen(page, 'history')
  })

  it('Should mark a scheduled dose as taken on Today', async () => {
    const since = new Date(Date.now() - 2 * 86_400_000).toISOString()
    const [med] = await record([{ kind: 'medication', payload: { name: 'Metformin', dosage: '500 mg' }, occurred_at: since }])
    await record(['08:00', '20:00'].map((time_of_day) => ({ kind: 'med_schedule', payload: { medication_id: med!.event.context_id, time_of_day }, occurred_at: since })))

    await page.goto('/today')
    const taken = page.getByRole('button', { name: /Mark Metformin at 8:00 am as taken/i })
    await taken.click()
    await page.getByText(/Taken at/).first().waitFor()
    await expect.poll(() => page.getByText(/1 of 2 taken/).isVisible()).toBe(true)
    await checkScreen(page, 'today')
  })

  it('Should log water and a sugar reading without typing a sentence', async () => {
    await page.getByRole('button', { name: 'Water' }).click()
    await page.getByRole('button', { name: '1 glass (250 ml)' }).click()
    await page.getByText(/250 ml \(about 1 glasses\)/).waitFor()
    await page.getByRole('button', { name: 'Sugar', exact: true }).click()
    await page.getByLabel('Sugar (mg/dL)').fill('126')
    await page.getByRole('button', { name: 'Save reading' }).click()
    await page.getByText('126 mg/dL', { exact: true }).waitFor()
  })

  it('Should delete an entry from History (a tombstone)', async () => {
    await page.getByRole('link', { name: 'History' }).click()
    await page.getByLabel('Show').selectOption('food')
    await page.getByRole('button', { name: 'Edit Water 250 ml' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await dialog.getByRole('button', { name: 'Yes, delete it' }).click()
    await page.getByText('Nothing logged yet.').waitFor()
    expect(await page.getByText('Water 250 ml', { exact: true }).count()).toBe(0)
  })

  it('Should chart a month of readings over their clinical bands', async () => {
    const day = (n: number, hour: number) => new Date(Date.now() - n * 86_400_000 - (new Date().getHours() - hour) * 3_600_000).toISOString()
    const wave = (n: number, size: number) => Math.round(size * Math.sin(n / 2.5))
    const month = Array.from({ length: 24 }, (_, i) => i + 1)
    await record([
      ...month.map((n) => ({ kind: 'vitals', payload: { blood_pressure_systolic: 138 + wave(n, 14), blood_pressure_diastolic: 86 + wave(n, 7) }, occurred_at: day(n, 8) })),
      ...month.filter((n) => n % 2 === 0).map((n) => ({ kind: 'vitals', payload: { blood_sugar: 128 + wave(n, 40), blood_sugar_context: 'fasting' }, occurred_at: day(n, 7) })),
      ...month.filter((n) => n % 4 === 0).map((n) => ({ kind: 'vitals', payload: { weight_kg: 71 + wave(n, 1) / 2 }, occurred_at: day(n, 7) })),
      ...month.map((n) => ({ kind: 'water', payload: { amount_ml: 1500 + 250 * ((n * 7) % 5) }, occurred_at: day(n, 13) })),
      ...month.map((n) => ({ kind: 'sleep', payload: { duration_hours: 6 + ((n * 3) % 5) / 2 }, occurred_at: day(n, 6) })),
    ])
    await page.getByRole('link', { name: 'Trends' }).click()
    await page.getByRole('button', { name: '30 days' }).click()
    for (const title of ['Blood pressure', 'Blood sugar', 'Weight', 'Water', 'Sleep']) {
      const card = page.locator('section', { has: page.getByRole('heading', { name: title, exact: true }) })
      await card.locator('canvas').first().waitFor()
    }
    await checkScreen(page, 'trends')
  })

  it('Should answer a red flag with the emergency card and call buttons', async () => {
    await page.getByRole('link', { name: 'Chat' }).click()
    await page.getByLabel('Message').fill('I have crushing chest pain and I am sweating')
    await page.getByRole('button', { name: 'Send' }).click()
    const card = page.getByRole('alert').filter({ hasText: 'This may be an emergency' })
    await card.waitFor()
    expect(await card.locator('a[href="tel:112"]').isVisible()).toBe(true)
    expect(await card.locator('a[href="tel:108"]').isVisible()).toBe(true)
    const width = await card.evaluate((el) => el.getBoundingClientRect().width / document.querySelector('main')!.getBoundingClientRect().width)
    expect(width).toBeGreaterThan(0.85)
    await checkScreen(page, 'chat-emergency', { keepScroll: true })
  })

  it.skipIf(speech.missing)(`Should hear a spoken turn through the microphone and answer it${speech.note}`, async () => {
    await page.getByRole('link', { name: 'Talk' }).click()
    const button = page.getByRole('button', { name: 'Press to talk' })
    await button.click()
    await page.getByRole('button', { name: 'Listening… press when done' }).waitFor()
    await page.waitForTimeout(4_000)
    await page.getByRole('button', { name: 'Listening… press when done' }).click()
    const transcript = page.getByTestId('transcript').first()
    await transcript.waitFor({ timeout: 45_000 })
    expect((await transcript.textContent())!.trim().length).toBeGreaterThan(0)
    await expect.poll(async () => ((await page.getByTestId('reply').first().textContent()) ?? '').replace('Podd is thinking…', '').trim().length, { timeout: 45_000 }).toBeGreaterThan(0)
    await checkScreen(page, 'talk', { keepScroll: true })
  })

  it('Should save the profile form', async () => {
    await page.getByRole('link', { name: 'Profile' }).click()
    await page.getByLabel('Date of birth').fill('1956-03-14')
    await page.getByLabel('Height (cm)').fill('158')
    await page.getByLabel('Health conditions').fill('diabetes, high blood pressure')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await page.getByText('Profile saved').waitFor()
    await page.reload()
    await expect.poll(() => page.getByLabel('Health conditions').inputValue()).toBe('diabetes, high blood pressure')
    expect(await page.getByLabel('Date of birth').inputValue()).toBe('1956-03-14')
    expect(await page.getByLabel('Height (cm)').inputValue()).toBe('158')
  })

  it('Should show the profile with an invitation code for a caregiver', async () => {
    await page.getByRole('link', { name: 'Profile' }).click()
    await page.getByRole('button', { name: 'Invite a caregiver' }).click()
    expect(await page.getByTestId('invitation-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    await checkScreen(page, 'profile')
  })

  it('Should download the doctor’s report, the FHIR record and the spreadsheets from Your data', async () => {
    await page.getByRole('link', { name: 'Profile' }).click()
    const downloaded = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])
      return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) }
    }
    const report = await downloaded('Download the report')
    expect(report.name).toMatch(/^podd-report-\d{4}-\d\d-\d\d\.pdf$/)
    expect(report.bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const fhir = await downloaded('Download everything (FHIR, for a doctor’s system)')
    expect(JSON.parse(fhir.bytes.toString('utf8'))).toMatchObject({ resourceType: 'Bundle', type: 'collection' })
    const csv = await downloaded('Download everything (spreadsheets, zip)')
    expect(csv.name).toMatch(/\.zip$/)
    expect(csv.bytes.subarray(0, 4).toString('hex')).toBe('504b0304')
    await page.getByRole('heading', { name: 'Your data' }).scrollIntoViewIfNeeded()
    await checkScreen(page, 'profile-data', { keepScroll: true })
  })

  it('Should switch the whole UI to Hindi and back', async () => {
    await page.getByRole('link', { name: 'Today' }).click()
    await page.getByRole('button', { name: 'हिन्दी' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('hi')
    expect(await page.getByRole('link', { name: 'बातचीत' }).isVisible()).toBe(true)
    expect(await page.getByText('Podd डॉक्टर नहीं है।').isVisible()).toBe(true)
    expect(await page.getByRole('heading', { name: 'आज की दवाइयाँ' }).isVisible()).toBe(true)
    await checkScreen(page, 'today-hindi')
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
  })

  it('Should keep the session across a reload with the token only in memory', async () => {
    await page.reload()
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(page.url()).toMatch(/\/today$/)
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)
    expect(stored).not.toMatch(/eyJ/) // no JWT anywhere script can read
    const cookies = await page.context().cookies()
    const refresh = cookies.find((c) => c.name === 'podd_refresh')!
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/session' })
  })

  it('Should keep only the app shell in the service worker’s cache, never an API response', async () => {
    const cached = await page.evaluate(async () => {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(async () => {
          const reg = await navigator.serviceWorker.getRegistration()
          reject(new Error(`no active service worker: ${JSON.stringify({ reg: !!reg, installing: reg?.installing?.state, waiting: reg?.waiting?.state, active: reg?.active?.state })}`))
        }, 10_000),
      )
      await Promise.race([navigator.serviceWorker.ready, timeout])
      const urls: string[] = []
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname)
      return urls
    })
    expect(cached).toContain('/')
    expect(cached.some((u) => u.startsWith('/assets/index-'))).toBe(true)
    expect(cached.filter((u) => u.startsWith('/api/'))).toEqual([])
  })

  it('Should sign out, and sign back in by keyboard alone', async () => {
    await page.getByRole('link', { name: 'Profile' }).click()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL('**/sign-in')
    await page.reload()
    await page.getByRole('heading', { name: 'Sign in to Podd' }).waitFor()
    // The first stop is the skip link, then the header, the safety strip's numbers, the form.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await page.keyboard.press('Enter')
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'email'; i++) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email')
    await page.keyboard.type(email)
    await page.keyboard.press('Tab')
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press('Enter')
    await page.waitForURL('**/today')
    // And a chat message sent with Enter.
    await page.getByRole('link', { name: 'Chat' }).focus()
    await page.keyboard.press('Enter')
    await page.waitForURL('**/chat')
    await page.getByLabel('Message').focus()
    await page.keyboard.type('bp 128/82')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'BP 128/82 logged — edit' }).waitFor()
  })

  it('Should have broken no Content-Security-Policy rule and thrown no page error', () => {
    expect(problems).toEqual([])
  })
})

