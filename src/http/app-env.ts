import type { AuthUser } from '../auth/auth-user.js'
import type { Logger } from '../logger.js'

export interface AppEnv {
  Variables: {
    requestId: string
    logger: Logger
    user: AuthUser
  }
}
