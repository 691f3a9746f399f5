import { signal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { liveSocket } from '../api/live'
import { subscribePush } from '../api/push'
import { notify } from '../components/notices'
import { t } from '../i18n'
import { showBrowserNotification } from './patient-live'

/** An alert as the care socket pushes it: the alert event's id, time and payload, and whose it is. */
export interface LiveAlert {
  patient: { id: string; name: string }
  alert: {
    id: string
    occurred_at: string
    tier: 'emergency' | 'urgent' | 'attention' | 'info'
    title: string
    message: string
    acknowledged_by?: string
    acknowledged_at?: string
  }
}

/** Alerts pushed since the page opened, newest first; screens merge them with what they load. */
export const liveAlerts = signal<LiveAlert[]>([])
/** Acknowledgements made on this page, by alert id: every list shows them at once. */
export const acknowledgements = signal<Record<string, { acknowledged_by?: string; acknowledged_at?: string }>>({})
/** Bumped when a summary arrives, so an open summary view reloads. */
export const summaryArrived = signal(0)
export const careSocketOpen = signal(false)

/** The caregiver's live connection: `/api/v1/care/ws`. What waited while they were away arrives first. */
export function CareLive() {
  useEffect(() => {
    const stop = liveSocket(
      '/care/ws',
      (frame) => {
        if (frame.type === 'alert' && frame.alert && frame.patient) {
          const item = frame as unknown as LiveAlert
          if (liveAlerts.value.some((a) => a.alert.id === item.alert.id)) return
          liveAlerts.value = [item, ...liveAlerts.value]
          notify(t('care.new_alert', { name: item.patient.name, title: item.alert.title }))
          showBrowserNotification(`${item.patient.name}: ${item.alert.title}`, item.alert.message, item.alert.id)
        } else if (frame.type === 'summary') {
          summaryArrived.value++
        }
      },
      (open) => (careSocketOpen.value = open),
    )
    void subscribePush()
    return () => {
      stop()
      liveAlerts.value = []
    }
  }, [])
  return null
}
