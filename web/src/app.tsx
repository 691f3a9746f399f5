import { useEffect, useRef } from 'preact/hooks'
import { lazyScreen } from './lib/lazy'
import { currentUser, sessionState, signOut } from './api/session'
import { Icon, type IconName } from './components/icons'
import { Notices } from './components/notices'
import { SafetyStrip } from './components/safety'
import { lang, setLang, t, type MessageKey } from './i18n'
import { match, navigate, path } from './router'
import { CareLive } from './screens/care-live'
import { PatientLive } from './screens/patient-live'
import { AuthScreen } from './screens/auth'
import { TodayScreen } from './screens/today'
import { ChatScreen } from './screens/chat'

// Screens opened less often load when first visited (Trends brings the chart library).
const TalkScreen = lazyScreen(() => import('./screens/talk').then((m) => m.TalkScreen))
const TrendsScreen = lazyScreen(() => import('./screens/trends').then((m) => m.TrendsScreen))
const HistoryScreen = lazyScreen(() => import('./screens/history').then((m) => m.HistoryScreen))
const ProfileScreen = lazyScreen(() => import('./screens/profile').then((m) => m.ProfileScreen))
const CareHome = lazyScreen(() => import('./screens/care-home').then((m) => m.CareHome))
const CarePatient = lazyScreen(() => import('./screens/care-patient').then((m) => m.CarePatient))
const CareSettings = lazyScreen(() => import('./screens/care-settings').then((m) => m.CareSettings))

interface NavItem {
  href: string
  icon: IconName
  label: MessageKey
}

const PATIENT_NAV: NavItem[] = [
  { href: '/today', icon: 'today', label: 'nav.today' },
  { href: '/chat', icon: 'chat', label: 'nav.chat' },
  { href: '/talk', icon: 'talk', label: 'nav.talk' },
  { href: '/trends', icon: 'trends', label: 'nav.trends' },
  { href: '/history', icon: 'history', label: 'nav.history' },
  { href: '/profile', icon: 'profile', label: 'nav.profile' },
]

const CAREGIVER_NAV: NavItem[] = [
  { href: '/care', icon: 'people', label: 'nav.people' },
  { href: '/care/settings', icon: 'settings', label: 'nav.settings' },
]

function LanguageSwitch() {
  const other = lang.value === 'en' ? 'hi' : 'en'
  return (
    <button type="button" class="button ghost lang-switch" lang={other} onClick={() => setLang(other)}>
      {other === 'hi' ? 'हिन्दी' : 'English'}
    </button>
  )
}

function Nav({ items }: { items: NavItem[] }) {
  const current = path.value
  return (
    <nav class="nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => {
          const active = current === item.href || (item.href !== '/care' && current.startsWith(`${item.href}/`))
          return (
            <li key={item.href}>
              <a href={item.href} aria-current={active ? 'page' : undefined}>
                <Icon name={item.icon} />
                <span>{t(item.label)}</span>
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

/** The screen for the path, by role; unknown paths go to the role's home. */
function Screen() {
  const p = path.value
  const user = currentUser.value
  if (!user) {
    if (p !== '/sign-in' && p !== '/register') queueMicrotask(() => navigate('/sign-in', { replace: true }))
    return <AuthScreen mode={p === '/register' ? 'register' : 'sign-in'} />
  }
  if (user.role === 'caregiver') {
    if (p === '/care') return <CareHome />
    if (p === '/care/settings') return <CareSettings />
    const m = match('/care/patients/:id', p) ?? match('/care/patients/:id/:tab', p)
    if (m) return <CarePatient patientId={m.id!} tab={(m.tab as 'trends' | 'history' | undefined) ?? 'overview'} />
    queueMicrotask(() => navigate('/care', { replace: true }))
    return null
  }
  if (user.role !== 'patient') return <p>{t('error.role')}</p>
  if (p === '/today') return <TodayScreen />
  if (p === '/chat') return <ChatScreen />
  const thread = match('/chat/:thread', p)
  if (thread) return <ChatScreen threadId={thread.thread} />
  if (p === '/talk') return <TalkScreen />
  if (p === '/trends') return <TrendsScreen />
  if (p === '/history') return <HistoryScreen />
  if (p === '/profile') return <ProfileScreen />
  queueMicrotask(() => navigate('/today', { replace: true }))
  return null
}

export function App() {
  const state = sessionState.value
  const user = currentUser.value
  const main = useRef<HTMLElement>(null)
  const first = useRef(true)

  // After moving to another screen, keyboard and screen-reader users start at its content.
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    main.current?.focus({ preventScroll: true })
    window.scrollTo(0, 0)
  }, [path.value])

  const items = user?.role === 'caregiver' ? CAREGIVER_NAV : user?.role === 'patient' ? PATIENT_NAV : []
  return (
    <>
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="topbar">
        <a class="brand" href="/">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>Podd</span>
        </a>
        <div class="top-actions">
          <LanguageSwitch />
          {user && (
            <button type="button" class="button ghost wide-only" onClick={() => void signOut().then(() => navigate('/sign-in'))}>
              <Icon name="signout" /> {t('action.sign_out')}
            </button>
          )}
        </div>
      </header>
      <SafetyStrip />
      <div class={`layout${items.length ? ' with-nav' : ''}`}>
        {items.length > 0 && <Nav items={items} />}
        <main id="main" ref={main} tabIndex={-1}>
          {state === 'loading' ? (
            <p class="loading" role="status">
              {t('state.loading')}
            </p>
          ) : (
            <Screen />
          )}
        </main>
      </div>
      {user?.role === 'patient' && <PatientLive user={user} />}
      {user?.role === 'caregiver' && <CareLive />}
      <Notices />
    </>
  )
}
