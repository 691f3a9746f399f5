import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { api, ApiError } from '../api/client'
import { currentUser, signOut } from '../api/session'
import { t } from '../i18n'
import { navigate } from '../router'
import { Icon } from './icons'
import { errorText, FormError, notify } from './notices'

/** Erasing the account for good (DELETE /auth/me, the password entered again). No undo. */
function DeleteAccount() {
  const [open, setOpen] = useState(false)
  const [password, setPassword] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const erase = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError('')
    try {
      await api('/auth/me', { method: 'DELETE', json: { password } })
      await signOut().catch(() => undefined)
      notify(t('account.deleted'))
      navigate('/sign-in', { replace: true })
    } catch (err) {
      // 403: the password was not right (the session itself is fine).
      setError(err instanceof ApiError && err.status === 403 ? t('account.wrong_password') : errorText(err))
      setBusy(false)
    }
  }
  if (!open) {
    return (
      <button type="button" class="button danger-outline" onClick={() => setOpen(true)}>
        {t('account.delete')}
      </button>
    )
  }
  return (
    <form class="form delete-account" onSubmit={erase}>
      <p>{t(currentUser.value?.role === 'caregiver' ? 'account.delete_caregiver_explain' : 'account.delete_explain')}</p>
      <label class="field">
        <span>{t('field.password')}</span>
        <input type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <FormError text={error} />
      <div class="actions">
        <button type="submit" class="button danger" disabled={busy || !password}>
          {t('account.delete_confirm')}
        </button>
        <button type="button" class="button ghost" onClick={() => setOpen(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  )
}

/**
 * Who is signed in, the way out (on phones the only sign-out button), and their data: what the
 * screen adds (a patient's downloads) and erasure.
 */
export function AccountCard({ children }: { children?: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('profile.account')}</h2>
      <p>{t('profile.signed_in_as', { email: currentUser.value?.email ?? '' })}</p>
      <div class="actions">
        <button type="button" class="button secondary" onClick={() => void signOut().then(() => navigate('/sign-in'))}>
          <Icon name="signout" /> {t('action.sign_out')}
        </button>
      </div>
      <h3 class="spaced">{t('account.your_data')}</h3>
      {children}
      <DeleteAccount />
    </section>
  )
}
