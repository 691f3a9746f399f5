export type Role = 'patient' | 'caregiver' | 'admin'

/** The caller, as proven by a verified access token. */
export interface AuthUser {
  id: string
  role: Role
}
