import { signal } from '@preact/signals'
import { ApiError } from '../api/client'
import { t } from '../i18n'

/** Short confirmations and errors, announced to screen readers and gone after a while. */
interface Notice {
  id: number
  text: string
  tone: 'ok' | 'error'
}
const notices = signal<Notice[]>([])
let next = 1

export function notify(text: string, tone: Notice['tone'] = 'ok'): void {
  const id = next++
  notices.value = [...notices.value, { id, text, tone }]
  setTimeout(() => dismiss(id), tone === 'error' ? 10_000 : 5_000)
}

const dismiss = (id: number) => (notices.value = notices.value.filter((n) => n.id !== id))

export function Notices() {
  return (
    <div class="notices" role="status" aria-live="polite">
      {notices.value.map((n) => (
        <div key={n.id} class={`notice ${n.tone}`}>
          <span>{n.text}</span>
          <button type="button" class="button ghost small" onClick={() => dismiss(n.id)}>
            {t('action.dismiss')}
          </button>
        </div>
      ))}
    </div>
  )
}

/** The words to show for a failed call: the server's message when it gave one. */
export function errorText(err: unknown): string {
  if (err instanceof Error && err.message && err.name !== 'TypeError') return err.message
  return t('error.network')
}

/** For a form: each validation issue the server named, or the error's own words. */
export function formErrorText(err: unknown): string {
  const issues = err instanceof ApiError ? (err.details?.issues as { message: string }[] | undefined) : undefined
  return issues?.length ? issues.map((i) => i.message).join('; ') : errorText(err)
}

/** A form's error, announced as it appears; nothing when there is none. */
export function FormError({ text }: { text: string }) {
  return text ? (
    <p class="form-error" role="alert">
      {text}
    </p>
  ) : null
}
