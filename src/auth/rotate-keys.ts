import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import { openAuthDb } from './auth-db.js'
import { createPatientKeys } from './data-encryption-key.js'

/**
 * Re-wraps every patient's data key that is still under DATA_ENCRYPTION_KEY_PREVIOUS (or the
 * generated development key) under DATA_ENCRYPTION_KEY. Only the auth database is opened: the
 * events, checkpoints and vectors are sealed with the data keys, which do not change. Safe to run
 * while the service runs with both keys configured, and again after an interruption.
 */
export async function rotateDataKeys(config: Config, logger: Logger, onProgress?: (n: number) => void): Promise<{ rewrapped: number }> {
  const authDb = await openAuthDb(config.DATA_DIR)
  try {
    const keys = createPatientKeys(config, authDb, logger)
    await keys.assertMasterKeys()
    return await keys.rewrapAll(onProgress)
  } finally {
    await authDb.destroy()
  }
}
