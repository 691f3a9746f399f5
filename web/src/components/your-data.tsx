import { useState } from 'preact/hooks'
import { download } from '../api/client'
import { t } from '../i18n'
import { addDays, localDate } from '../lib/format'
import { errorText, notify } from './notices'

/** Runs one download, saying it started or why it could not. */
async function fetchFile(path: string, accept: string): Promise<void> {
  try {
    await download(path, accept)
    notify(t('data.downloaded'))
  } catch (err) {
    notify(errorText(err), 'error')
  }
}

/**
 * The doctor's report (PDF) of a period of days, the last 30 by default: the patient's own
 * (`/export/report`) or, for a caregiver the patient shares it with, `/patients/{id}/report`.
 */
export function ReportDownload({ path, headingLevel = 4 }: { path: string; headingLevel?: 2 | 4 }) {
  const today = localDate()
  const [from, setFrom] = useState(addDays(today, -29))
  const [to, setTo] = useState(today)
  const [busy, setBusy] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    await fetchFile(`${path}?from=${from}&to=${to}`, 'application/pdf')
    setBusy(false)
  }
  const Heading = headingLevel === 2 ? 'h2' : 'h4'
  return (
    <form class="form report-download" onSubmit={(e) => void submit(e)} aria-labelledby="report-heading">
      <Heading id="report-heading">{t('data.report')}</Heading>
      <p class="hint">{t('data.report_hint')}</p>
      <div class="row">
        <label class="field">
          <span>{t('data.from')}</span>
          <input type="date" value={from} max={to} required onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('data.to')}</span>
          <input type="date" value={to} min={from} max={today} required onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
      </div>
      <button type="submit" class="button secondary" disabled={busy}>
        {t('data.download_report')}
      </button>
    </form>
  )
}

/**
 * The patient's downloads of their own record: the doctor's report, and everything as FHIR (for
 * a doctor's system) or as spreadsheets (a zip of CSVs).
 */
export function DataDownloads() {
  const [busy, setBusy] = useState(false)
  const get = async (path: string, accept: string) => {
    setBusy(true)
    await fetchFile(path, accept)
    setBusy(false)
  }
  return (
    <div class="data-downloads">
      <p class="muted">{t('data.intro')}</p>
      <ReportDownload path="/export/report" />
      <div class="actions spaced">
        <button type="button" class="button secondary" disabled={busy} onClick={() => void get('/export/fhir', 'application/fhir+json')}>
          {t('data.download_fhir')}
        </button>
        <button type="button" class="button secondary" disabled={busy} onClick={() => void get('/export/csv', 'application/zip')}>
          {t('data.download_csv')}
        </button>
      </div>
    </div>
  )
}
