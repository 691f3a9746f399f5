import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseMasterKey, type MasterKey } from '../../memory/encryption/master-key.js'
import { PatientKeys } from '../../memory/encryption/patient-keys.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { AuthDb } from './auth-db.js'
import { SqliteWrappedKeyStore } from './data-key-store.js'

/** The development master key's file in the data dir (never used when DATA_ENCRYPTION_KEY is set). */
export const DEV_KEY_FILE = 'data-encryption-key'

/**
 * The master keys: DATA_ENCRYPTION_KEY (and DATA_ENCRYPTION_KEY_PREVIOUS during a rotation), or
 * outside production a key generated into the data dir (mode 600) like the JWT secret. A
 * development key found beside a configured one stands in as the previous key, so moving to a
 * configured key is one `npm run keys:rotate`.
 */
export function resolveMasterKeys(config: Config, logger: Logger): { master: MasterKey; previous?: MasterKey } {
  const file = path.join(config.DATA_DIR, DEV_KEY_FILE)
  const devKey = () => parseMasterKey(fs.readFileSync(file, 'utf8'))
  const previous = config.DATA_ENCRYPTION_KEY_PREVIOUS
    ? parseMasterKey(config.DATA_ENCRYPTION_KEY_PREVIOUS)
    : config.DATA_ENCRYPTION_KEY && fs.existsSync(file)
      ? devKey()
      : undefined
  if (config.DATA_ENCRYPTION_KEY) return { master: parseMasterKey(config.DATA_ENCRYPTION_KEY), previous }
  fs.mkdirSync(config.DATA_DIR, { recursive: true })
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' })
    logger.warn({ file }, 'DATA_ENCRYPTION_KEY is not set: generated a development key in the data dir (it protects nothing there)')
  }
  return { master: devKey(), previous }
}

/** Patients' data keys, wrapped in the auth database under the configured master key. */
export function createPatientKeys(config: Config, authDb: AuthDb, logger: Logger, now?: () => Date): PatientKeys {
  return new PatientKeys(new SqliteWrappedKeyStore(authDb, now), resolveMasterKeys(config, logger))
}
