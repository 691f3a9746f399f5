import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { t } from '../i18n'

/**
 * A modal dialog on the native <dialog>: the browser traps focus, Escape closes it, and focus
 * returns to what opened it.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current!
    const opener = document.activeElement as HTMLElement | null
    dialog.showModal()
    const closed = () => onClose()
    dialog.addEventListener('close', closed)
    return () => {
      dialog.removeEventListener('close', closed)
      if (dialog.open) dialog.close()
      opener?.focus?.()
    }
  }, [])
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="dialog-title">
      <div class="dialog-head">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" class="button ghost" onClick={() => ref.current?.close()}>
          {t('action.close')}
        </button>
      </div>
      {children}
    </dialog>
  )
}
