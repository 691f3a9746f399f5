import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkScreen, launch, needsChromium, PASSWORD, phoneContext, registerInApp, startAppServer, uniqueEmail, writeAxeReport } from './browser.js'

/**
 * A caregiver and a patient in two browser contexts against one real server: the caregiver links
 * with the patient's code, gets an alert live when the patient logs a crisis reading,
 * acknowledges it, reads the daily summary and the patient's charts and history, read-only.
 */
describe.skipIf(needsChromium.missing)(`the caregiver's app in Chromium${needsChromium.note}`, () => {
  let app: Awaited<ReturnType<typeof startAppServer>>
  let browser: Browser
  let patient: Page
  let caregiver: Page
  const problems: string[][] = []
  let code = ''
  const caregiverEmail = uniqueEmail('priya')

  beforeAll(async () => {
    app = await startAppServer()
    browser = await launch()
    const a = await phoneContext(browser, app.server.url)
    const b = await phoneContext(browser, app.server.url)
    patient = a.page
    caregiver = b.page
    problems.push(a.problems, b.problems)
  })

  afterAll(async () => {
    writeAxeReport('caregiver')
    await browser?.close()
    await app?.close()
  })

  it('Should let the patient create an invitation code', async () => {
    await registerInApp(patient, { name: 'Ramesh Iyer', email: uniqueEmail('ramesh'), role: 'patient' })
    await patient.getByRole('link', { name: 'Profile' }).click()
    await patient.getByRole('button', { name: 'Invite a caregiver' }).click()
    code = (await patient.getByTestId('invitation-code').textContent())!.trim()
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  })

  it('Should register a caregiver, refuse a wrong code and link with the right one', async () => {
    await registerInApp(caregiver, { name: 'Priya Iyer', email: caregiverEmail, role: 'caregiver' })
    await caregiver.getByRole('heading', { name: 'Nobody linked yet' }).waitFor()
    await caregiver.getByLabel('Invitation code').fill('AAAA-BBBB-CCCC')
    await caregiver.getByRole('button', { name: 'Link', exact: true }).click()
    await caregiver.getByText('No invitation matches this code').waitFor()
    await caregiver.getByLabel('Invitation code').fill(code)
    await caregiver.getByRole('button', { name: 'Link', exact: true }).click()
    await caregiver.getByRole('heading', { name: 'Ramesh Iyer' }).waitFor()
    await caregiver.getByText('Alerts arrive here as they happen').waitFor()
    await checkScreen(caregiver, 'care-home')
  })

  it('Should save the caregiver’s preferences (quiet hours off, so an urgent alert comes at once)', async () => {
    await caregiver.getByRole('link', { name: 'Settings' }).click()
    const quiet = caregiver.getByLabel(/Hold alerts at night/)
    await quiet.waitFor()
    await quiet.uncheck()
    await caregiver.getByLabel('Which alerts to send').selectOption('attention')
    await caregiver.getByLabel('Daily summary at').fill('19:30')
    await caregiver.getByRole('button', { name: 'Save settings' }).click()
    await caregiver.getByText('Settings saved').waitFor()
    await checkScreen(caregiver, 'care-settings')
    await caregiver.reload()
    await expect.poll(() => caregiver.getByLabel('Which alerts to send').inputValue()).toBe('attention')
    expect(await caregiver.getByLabel(/Hold alerts at night/).isChecked()).toBe(false)
  })

  it('Should push the alert live when the patient logs a crisis reading, and acknowledge it', async () => {
    await caregiver.getByRole('link', { name: 'People' }).click()
    await caregiver.getByText('Alerts arrive here as they happen').waitFor()
    expect(await caregiver.locator('.alert-card').count()).toBe(0)

    await patient.getByRole('link', { name: 'Today' }).click()
    await patient.getByRole('button', { name: 'Blood pressure' }).click()
    await patient.getByLabel('Upper number (systolic)').fill('192')
    await patient.getByLabel('Lower number (diastolic)').fill('124')
    await patient.getByRole('button', { name: 'Save reading' }).click()
    await patient.getByText(/BP 192\/124 saved/).waitFor()

    // No reload: the alert arrives on the caregiver's socket.
    const card = caregiver.locator('.alert-card').first()
    await card.waitFor({ timeout: 20_000 })
    expect(await card.textContent()).toMatch(/Ramesh Iyer/)
    expect(await card.locator('.tier-badge').textContent()).toMatch(/Urgent|Emergency/)
    await checkScreen(caregiver, 'care-alert')
    await card.getByRole('button', { name: /acknowledge/i }).click()
    await caregiver.getByText(/You acknowledged this at/).waitFor()
  })

  it('Should show the patient’s status and make and read the daily summary', async () => {
    await caregiver.getByRole('link', { name: 'Open Ramesh Iyer' }).click()
    await caregiver.getByRole('heading', { name: 'Today at a glance' }).waitFor()
    await expect.poll(() => caregiver.locator('.status-grid').textContent()).toMatch(/192\/124/)
    // The patient's app has been open (heartbeat) and logged a reading: they were active today.
    expect(await caregiver.locator('.status-grid').textContent()).toMatch(/Last active\s*\d/)
    const summary = caregiver.locator('section', { has: caregiver.getByRole('heading', { name: 'Daily summary' }) })
    await summary.getByRole('button', { name: 'Show summary' }).click()
    await summary.getByRole('button', { name: 'Make the summary now' }).click()
    const narrative = summary.locator('.narrative')
    await narrative.waitFor()
    expect((await narrative.textContent())!.length).toBeGreaterThan(20)
    await checkScreen(caregiver, 'care-patient')
  })

  it('Should show the patient’s charts and history read-only', async () => {
    await caregiver.getByRole('link', { name: 'Trends' }).click()
    const bp = caregiver.locator('section', { has: caregiver.getByRole('heading', { name: 'Blood pressure' }) })
    await bp.locator('canvas').first().waitFor()
    expect(await bp.locator('figcaption').textContent()).toMatch(/192\/124/)
    await checkScreen(caregiver, 'care-trends')
    await caregiver.getByRole('link', { name: 'History', exact: true }).click()
    await caregiver.getByText('BP 192/124', { exact: true }).waitFor()
    expect(await caregiver.getByRole('button', { name: /^Edit/ }).count()).toBe(0)
    await checkScreen(caregiver, 'care-history')
  })

  it('Should show the patient who read their records', async () => {
    await patient.getByRole('link', { name: 'History' }).click()
    const log = patient.locator('section', { has: patient.getByRole('heading', { name: 'Who looked at your records' }) })
    await log.getByText('Priya Iyer').first().waitFor()
    expect(await log.textContent()).toMatch(/read your (records|trends|alerts|daily summaries)/)
  })

  it('Should let the patient choose what the caregiver sees (chats off by default)', async () => {
    await patient.getByRole('link', { name: 'Profile' }).click()
    await patient.getByText('What Priya Iyer sees').click()
    const readings = patient.getByLabel('Readings (blood pressure, sugar, weight…)')
    expect(await readings.isChecked()).toBe(true)
    expect(await patient.getByLabel('Your chats with Podd').isChecked()).toBe(false)
    expect(await patient.getByLabel('The report for the doctor').isChecked()).toBe(true)
    await readings.uncheck()
    await patient.getByText('Saved: Priya Iyer now sees only what is ticked').waitFor()
    await patient.getByText('What Priya Iyer sees').scrollIntoViewIfNeeded()
    await checkScreen(patient, 'profile-sharing', { keepScroll: true })
    // Stored on the link, which every caregiver read and push checks.
    const link = await app.server.services.authDb.selectFrom('caregiver_links as l').innerJoin('users as u', 'u.id', 'l.caregiver_id').select('l.sharing').where('u.email', '=', caregiverEmail).where('l.revoked_at', 'is', null).executeTakeFirstOrThrow()
    expect(JSON.parse(link.sharing as string)).toEqual(['food_and_water', 'medicines_and_doses', 'symptoms_and_mood', 'alerts', 'daily_summaries', 'doctor_report'])
    // The report is shared on its own: the caregiver downloads it without the readings.
    await caregiver.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click()
    await caregiver.getByRole('link', { name: 'Open Ramesh Iyer' }).click()
    const [file] = await Promise.all([caregiver.waitForEvent('download'), caregiver.getByRole('button', { name: 'Download the report' }).click()])
    expect(fs.readFileSync((await file.path())!).subarray(0, 5).toString()).toBe('%PDF-')
    await patient.reload()
    await patient.getByText('What Priya Iyer sees').click()
    expect(await patient.getByLabel('Readings (blood pressure, sugar, weight…)').isChecked()).toBe(false)
  })

  it('Should let the patient remove the caregiver', async () => {
    await patient.getByRole('link', { name: 'Profile' }).click()
    await patient.getByRole('button', { name: 'Remove Priya Iyer as caregiver' }).click()
    await patient.getByRole('button', { name: 'Yes, remove Priya Iyer' }).click()
    await patient.getByText('No caregiver is linked yet.').waitFor()
    await caregiver.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click()
    await caregiver.getByRole('heading', { name: 'Nobody linked yet' }).waitFor()
  })

  it('Should erase the caregiver’s account with the password entered again', async () => {
    await caregiver.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await caregiver.getByRole('button', { name: 'Delete my account and all my data' }).click()
    await caregiver.getByLabel('Password').fill('not my password at all')
    await caregiver.getByRole('button', { name: 'Delete everything for good' }).click()
    await caregiver.getByText('That password is not right. Nothing was deleted.').waitFor()
    await caregiver.getByLabel('Password').fill(PASSWORD)
    await caregiver.getByRole('button', { name: 'Delete everything for good' }).click()
    await caregiver.waitForURL('**/sign-in')
    await caregiver.getByText('Your account and its data were deleted.').waitFor()
    await caregiver.getByLabel('Email').fill(caregiverEmail)
    await caregiver.getByLabel('Password').fill(PASSWORD)
    await caregiver.getByRole('button', { name: 'Sign in' }).click()
    await caregiver.getByText('That e-mail and password do not match').waitFor()
  })

  it('Should have broken no Content-Security-Policy rule and thrown no page error', () => {
    expect(problems.flat()).toEqual([])
  })
})
