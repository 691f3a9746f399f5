import { currentUser, signOut } from '../api/session'
import { t } from '../i18n'
import { navigate } from '../router'
import { Icon } from './icons'

/** Who is signed in, and the way out (on phones the only sign-out button). */
export function AccountCard() {
  return (
    <section class="card" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('profile.account')}</h2>
      <p>{t('profile.signed_in_as', { email: currentUser.value?.email ?? '' })}</p>
      <button type="button" class="button secondary" onClick={() => void signOut().then(() => navigate('/sign-in'))}>
        <Icon name="signout" /> {t('action.sign_out')}
      </button>
    </section>
  )
}
