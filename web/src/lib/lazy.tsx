import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { t } from '../i18n'

/** A screen whose code loads the first time it is shown (a separate chunk of the build). */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<void> | undefined
  return function LazyScreen(props: P) {
    const [, setReady] = useState(false)
    useEffect(() => {
      if (loaded) return
      loading ??= load().then((c) => void (loaded = c))
      let live = true
      void loading.then(() => live && setReady(true))
      return () => void (live = false)
    }, [])
    const Loaded = loaded
    return Loaded ? <Loaded {...props} /> : <p class="loading" role="status">{t('state.loading')}</p>
  }
}
