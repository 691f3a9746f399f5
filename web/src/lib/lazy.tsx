import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { t } from '../i18n'

/** A screen whose code loads the first time it is shown (a separate chunk of the build). */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<void> | undefined
  return function LazyScreen(props: P) {
    const [failed, setFailed] = useState(false)
    const [, setReady] = useState(false)
    const start = () => {
      setFailed(false)
      loading ??= load().then((c) => void (loaded = c))
      let live = true
      loading.then(
        () => live && setReady(true),
        () => {
          // Offline, or a new build replaced the chunk: the next attempt loads it again.
          loading = undefined
          if (live) setFailed(true)
        },
      )
      return () => void (live = false)
    }
    useEffect(() => (loaded ? undefined : start()), [])
    const Loaded = loaded
    if (Loaded) return <Loaded {...props} />
    if (failed) {
      return (
        <div class="form-error" role="alert">
          <p>{t('state.load_failed')}</p>
          <button type="button" class="button secondary" onClick={() => location.reload()}>
            {t('action.retry')}
          </button>
        </div>
      )
    }
    return <p class="loading" role="status">{t('state.loading')}</p>
  }
}
