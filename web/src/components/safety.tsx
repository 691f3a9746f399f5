import { useId } from 'preact/hooks'
import { t } from '../i18n'
import { Icon } from './icons'

/**
 * Always on screen: Podd is not a doctor, and the numbers to call. The links dial on a phone.
 */
export function SafetyStrip() {
  return (
    <aside class="safety-strip" aria-label={t('safety.label')}>
      <p class="not-doctor">{t('safety.not_doctor')}</p>
      <p class="numbers">
        <span class="numbers-label">{t('safety.emergency')}</span>
        <a href="tel:112" class="tel">
          <span class="visually-hidden">{t('safety.call')}</span>112
        </a>
        <a href="tel:108" class="tel">
          <span class="visually-hidden">{t('safety.call')}</span>108 <span class="wide-only">{t('safety.ambulance')}</span>
        </a>
        <a href="tel:14416" class="tel">
          <span class="visually-hidden">{t('safety.call')}</span>14416 <span class="wide-only">{t('safety.telemanas')}</span>
        </a>
      </p>
    </aside>
  )
}

/**
 * An emergency reply, unmistakable: full width, red, announced at once, with buttons that call.
 * The words are the server's fixed emergency text; the buttons are always the same numbers.
 */
export function EmergencyCard({ text, lang }: { text: string; lang?: string }) {
  const mentalHealth = /14416|tele-?manas/i.test(text)
  const id = useId()
  return (
    <section class="emergency-card" role="alert" aria-labelledby={id}>
      <h2 id={id}>{t('emergency.heading')}</h2>
      <div class="emergency-actions">
        <a class="button call" href="tel:112">
          <Icon name="phone" /> {t('emergency.call_112')}
        </a>
        <a class="button call" href="tel:108">
          <Icon name="phone" /> {t('emergency.call_108')}
        </a>
        {mentalHealth && (
          <a class="button call" href="tel:14416">
            <Icon name="phone" /> {t('emergency.call_14416')}
          </a>
        )}
      </div>
      <p lang={lang}>{text}</p>
    </section>
  )
}
