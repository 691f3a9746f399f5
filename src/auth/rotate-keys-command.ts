/**
 * `npm run keys:rotate`: re-wraps every patient's data key under DATA_ENCRYPTION_KEY, unwrapping
 * those still under DATA_ENCRYPTION_KEY_PREVIOUS (or the generated development key in the data
 * dir). Reads the same environment as the server. See README "Encryption keys".
 */
import { loadConfig } from '../config.js'
import { createLogger } from '../logger.js'
import { rotateDataKeys } from './rotate-keys.js'

async function main(): Promise<number> {
  const config = loadConfig()
  if (!config.DATA_ENCRYPTION_KEY) {
    console.error('Set DATA_ENCRYPTION_KEY to the new master key (and DATA_ENCRYPTION_KEY_PREVIOUS to the old one).')
    return 2
  }
  const started = performance.now()
  const { rewrapped } = await rotateDataKeys(config, createLogger({ level: 'warn' }), (n) => console.log(`  ${n} re-wrapped…`))
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`re-wrapped ${rewrapped} data key(s) under the new master key in ${seconds} s`)
  console.log('Every key is now under DATA_ENCRYPTION_KEY: remove DATA_ENCRYPTION_KEY_PREVIOUS and restart.')
  return 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
