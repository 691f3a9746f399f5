import type { Logger } from '../logger.js'

export type Role = 'patient' | 'caregiver' | 'admin'

/** The caller, as proven by a verified access token. */
export interface AuthUser {
  id: string
  role: Role
}

export interface AppEnv {
  Variables: {
    requestId: string
    logger: Logger
    user: AuthUser
  }
}

