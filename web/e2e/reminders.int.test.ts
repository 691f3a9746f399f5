import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkScreen, launch, needsChromium, phoneContext, registerInApp, startAppServer, uniqueEmail, writeAxeReport } from './browser.js'

/**
 * A dose reminder reaching the open app: pushed on the patient's socket as the server's
 * scheduler reaches the slot, shown as a card with Taken / Skip / Snooze, answered from the card.
 * The server's clock is moved to just before the slot, so the test waits seconds, not a minute.
 */
describe.skipIf(needsChromium.missing)(`reminders in the patient's app in Chromium${needsChromium.note}`, () => {
  let offsetMs = 0
  let app: Awaited<ReturnType<typeof startAppServer>>
  let browser: Browser
  let page: Page
  let problems: string[]
  const email = uniqueEmail('kamala')

  beforeAll(async () => {
    app = await startAppServer({}, { now: () => new Date(Date.now() + offsetMs) })
    browser = await launch()
    ;({ page, problems } = await phoneContext(browser, app.server.url))
  })

  afterAll(async () => {
    writeAxeReport('reminders')
    await browser?.close()
    await app?.close()
  })

  const userId = async () => (await app.server.services.authDb.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id

  it('Should show a dose reminder as it is pushed, and record the answer from it', async () => {
    await registerInApp(page, { name: 'Kamala Devi', email, role: 'patient' })
    // A medicine due two minutes from now on the patient's clock (Asia/Kolkata, the default).
    const slot = new Date(Math.ceil((Date.now() + 120_000) / 60_000) * 60_000)
    const hhmm = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Kolkata' }).format(slot)
    const id = await userId()
    const since = new Date(Date.now() - 86_400_000)
    const { event: med } = await app.server.services.events.append(id, { kind: 'medication', payload: { name: 'Metformin', dosage: '500 mg' }, occurred_at: since, source: 'api' })
    await app.server.services.events.append(id, { kind: 'med_schedule', payload: { medication_id: med.context_id, time_of_day: hhmm }, occurred_at: since, source: 'api' })
    offsetMs = slot.getTime() - Date.now() - 2_000

    const card = page.locator('.live-card', { hasText: 'Metformin' })
    await card.waitFor({ timeout: 30_000 })
    expect(await card.getByRole('button', { name: 'Taken' }).isVisible()).toBe(true)
    expect(await card.getByRole('button', { name: 'Remind me in 10 min' }).isVisible()).toBe(true)
    await checkScreen(page, 'reminder')
    await card.getByRole('button', { name: 'Taken' }).click()
    await page.getByText('Marked as taken').waitFor()
    expect(await page.locator('.live-card').count()).toBe(0)

    const doses = await app.server.services.events.list(id, { kinds: ['med_dose'] })
    expect(doses.events.map((e) => e.payload)).toEqual([expect.objectContaining({ medication_name: expect.stringMatching(/Metformin/), status: 'taken', scheduled_for: slot.toISOString() })])
  })

  it('Should take an answer given on a push notification (the worker opens the app with it)', async () => {
    const id = await userId()
    const { notifications } = await app.server.services.caregiving.inbox.list(id, { status: 'all', limit: 5 })
    await page.goto(`/today?respond=${notifications[0]!.id}&action=skip`)
    await page.getByText('Marked as skipped').waitFor()
    expect(new URL(page.url()).search).toBe('')
    const doses = await app.server.services.events.list(id, { kinds: ['med_dose'] })
    expect(doses.events.map((e) => e.payload.status)).toEqual(['skipped'])
  })

  it('Should show a Web Push message as a system notification from the service worker', async () => {
    await page.context().grantPermissions(['notifications'], { origin: app.server.url })
    await page.evaluate(() => navigator.serviceWorker.ready)
    const cdp = await page.context().newCDPSession(page)
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const mine = registrations.find((r) => r.scopeURL.startsWith(app.server.url) && !r.isDeleted)
        if (mine) resolve(mine.registrationId)
      }),
    )
    await cdp.send('ServiceWorker.enable')
    const message = { title: 'Time for Amlodipine 5 mg', body: 'Your 21:00 dose.', tag: 'dose-test', data: { type: 'notification', notification_id: 'n-1' }, actions: [{ action: 'taken', title: 'Taken' }] }
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(app.server.url).origin, registrationId: await registration, data: JSON.stringify(message) })
    const shown = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag })))
    await expect.poll(shown).toEqual([{ title: 'Time for Amlodipine 5 mg', body: 'Your 21:00 dose.', tag: 'dose-test' }])
  })

  it('Should tell the server the app is open (heartbeat)', async () => {
    const id = await userId()
    const activity = await app.server.services.caregiving.activity.activity(id, app.server.services.caregiving.now())
    expect(activity.last_heartbeat).toMatchObject({ device: 'web', app_version: expect.any(String) })
  })

  it('Should have broken no Content-Security-Policy rule and thrown no page error', () => {
    expect(problems).toEqual([])
  })
})
