import { render } from 'preact'
import { leavePush } from './api/push'
import { onSignOut, restoreSession } from './api/session'
import { App } from './app'
import './styles.css'

render(<App />, document.getElementById('app')!)
void restoreSession()
onSignOut(leavePush)

// The app shell works offline and the app can be installed; health data is never cached.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined))
}
