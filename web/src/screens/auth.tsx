import { useState } from 'preact/hooks'
import { currentUser, register, SessionError, signIn } from '../api/session'
import { errorText, FormError } from '../components/notices'
import { t } from '../i18n'
import { navigate } from '../router'
import { useTitle } from '../lib/use-title'

/** Sign in, or create a patient or caregiver account. */
export function AuthScreen({ mode }: { mode: 'sign-in' | 'register' }) {
  const registering = mode === 'register'
  useTitle(registering ? t('auth.register_title') : t('auth.sign_in_title'))
  const [role, setRole] = useState<'patient' | 'caregiver'>('patient')
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState('')
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError('')
    setFieldErrors({})
    try {
      if (registering) await register({ name, email, password, role })
      else await signIn(email, password)
      navigate(currentUser.value?.role === 'caregiver' ? '/care' : '/today', { replace: true })
    } catch (err) {
      if (err instanceof SessionError) {
        const issues = err.details?.issues ?? []
        setFieldErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])))
        setError(err.status === 401 ? t('auth.wrong_password') : err.status === 409 ? t('auth.email_taken') : err.message)
      } else setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  const describedBy = (field: string, hint?: string) =>
    [fieldErrors[field] ? `${field}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined

  return (
    <div class="auth">
      <section class="card welcome">
        <h1>{registering ? t('auth.register_title') : t('auth.sign_in_title')}</h1>
        <p class="lead">{t('auth.intro')}</p>
      </section>
      <form class="card form" onSubmit={submit} noValidate>
        {registering && (
          <fieldset class="choice">
            <legend>{t('auth.role_question')}</legend>
            <label class="option">
              <input type="radio" name="role" value="patient" checked={role === 'patient'} onChange={() => setRole('patient')} />
              <span>
                <strong>{t('auth.role_patient')}</strong>
                <small>{t('auth.role_patient_hint')}</small>
              </span>
            </label>
            <label class="option">
              <input type="radio" name="role" value="caregiver" checked={role === 'caregiver'} onChange={() => setRole('caregiver')} />
              <span>
                <strong>{t('auth.role_caregiver')}</strong>
                <small>{t('auth.role_caregiver_hint')}</small>
              </span>
            </label>
          </fieldset>
        )}
        {registering && (
          <div class="field">
            <label for="name">{t('field.name')}</label>
            <input id="name" autocomplete="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} aria-describedby={describedBy('name')} />
            {fieldErrors.name && <p id="name-error" class="field-error">{fieldErrors.name}</p>}
          </div>
        )}
        <div class="field">
          <label for="email">{t('field.email')}</label>
          <input
            id="email"
            type="email"
            autocomplete={registering ? 'email' : 'username'}
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            aria-describedby={describedBy('email')}
          />
          {fieldErrors.email && <p id="email-error" class="field-error">{fieldErrors.email}</p>}
        </div>
        <div class="field">
          <label for="password">{t('field.password')}</label>
          <input
            id="password"
            type="password"
            autocomplete={registering ? 'new-password' : 'current-password'}
            required
            minLength={registering ? 10 : undefined}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-describedby={describedBy('password', registering ? 'password-hint' : undefined)}
          />
          {registering && <p id="password-hint" class="hint">{t('auth.password_hint')}</p>}
          {fieldErrors.password && <p id="password-error" class="field-error">{fieldErrors.password}</p>}
        </div>
        <FormError text={error} />
        <button class="button primary wide" type="submit" disabled={busy}>
          {registering ? t('auth.create_account') : t('auth.sign_in')}
        </button>
        <p class="switch-mode">
          {registering ? t('auth.have_account') : t('auth.new_here')}{' '}
          <a href={registering ? '/sign-in' : '/register'}>{registering ? t('auth.sign_in') : t('auth.create_account')}</a>
        </p>
      </form>
    </div>
  )
}
