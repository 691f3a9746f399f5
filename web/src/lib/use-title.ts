import { useEffect } from 'preact/hooks'

/** The page title names the screen, so tabs, history and screen readers say where you are. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Podd`
  }, [title])
}
