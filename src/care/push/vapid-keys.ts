import fs from 'node:fs'
import path from 'node:path'
import webpush from 'web-push'
import type { Config } from '../../config.js'
import type { Logger } from '../../logger.js'

/** The application server's VAPID identity (RFC 8292): the key pair push services check. */
export interface VapidKeys {
  publicKey: string
  privateKey: string
  subject: string
}

/**
 * VAPID keys from config, or in development a pair generated once into the data dir (mode 600)
 * so browsers' subscriptions survive restarts, as the JWT secret is. A production service
 * without configured keys has no Web Push (a new pair would silently orphan every subscription).
 */
export function resolveVapidKeys(config: Config, logger: Logger): VapidKeys | undefined {
  const subject = config.VAPID_SUBJECT
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) {
    return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject }
  }
  if (config.NODE_ENV === 'production') {
    logger.warn('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set: Web Push is off')
    return undefined
  }
  const file = path.join(config.DATA_DIR, 'vapid-keys.json')
  fs.mkdirSync(config.DATA_DIR, { recursive: true })
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600, flag: 'wx' })
    logger.warn({ file }, 'VAPID keys are not set: generated a development pair in the data dir')
  }
  const keys = JSON.parse(fs.readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string }
  return { ...keys, subject }
}
