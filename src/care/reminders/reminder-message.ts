import type { DeliveryMessage } from '../delivery/channel.js'
import { clip, escapeHtml } from '../delivery/messages.js'
import type { PatientNotification } from './patient-inbox.js'
import { actionTitles, type Lang } from './reminder-texts.js'

const FOOTER: Record<Lang, string> = {
  en: 'Podd never changes a medicine or a dose; ask your doctor about doses.',
  hi: 'Podd कभी दवा या खुराक नहीं बदलता; खुराक के बारे में अपने डॉक्टर से पूछें।',
}
const ANSWER: Record<Lang, string> = {
  en: 'Answer it in the Podd app: Taken, Skip or Snooze.',
  hi: 'Podd ऐप में जवाब दें: ले ली, छोड़ें या बाद में।',
}

/**
 * A patient's notification on their outward channels: the push a service worker shows (with
 * Taken / Skip / Snooze buttons for a dose), an SMS and an e-mail. The words were written in
 * the patient's language when it was created; only the buttons are rendered here.
 */
export function reminderMessage(n: PatientNotification, lang: Lang): DeliveryMessage {
  const dose = n.kind === 'dose_reminder'
  const answer = n.actions.length ? `\n\n${ANSWER[lang]}` : ''
  return {
    kind: 'reminder',
    subject: n.title,
    text: `${n.title}\n\n${n.body}${answer}\n\n${FOOTER[lang]}\n`,
    html:
      `<p><strong>${escapeHtml(n.title)}</strong></p><p>${escapeHtml(n.body)}</p>` +
      (answer ? `<p>${escapeHtml(ANSWER[lang])}</p>` : '') +
      `<p><small>${escapeHtml(FOOTER[lang])}</small></p>`,
    sms: clip(`Podd: ${n.title}. ${n.body}`),
    data: { type: 'notification', notification: n },
    push: {
      title: n.title,
      body: n.body,
      // A repeat or a snoozed reminder of the same dose replaces the one still showing.
      tag: dose && n.slot ? `dose-${n.medication_id}-${n.slot}` : `notification-${n.id}`,
      data: {
        type: 'notification',
        notification_id: n.id,
        kind: n.kind,
        actions: n.actions,
        ...(n.medication_id ? { medication_id: n.medication_id } : {}),
        ...(n.slot ? { slot: n.slot } : {}),
      },
      ...(n.actions.length ? { actions: actionTitles(lang).filter((a) => n.actions.includes(a.action)) } : {}),
      urgency: dose ? 'high' : 'normal',
      // A dose reminder an hour old is worse than none; an appointment or a refill keeps a day.
      ttl_seconds: dose ? 3600 : 24 * 3600,
    },
  }
}
