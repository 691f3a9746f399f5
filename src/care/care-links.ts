import { z } from 'zod'
import type { AuthDb, CaregiverInvitationsTable } from '../auth/auth-db.js'
import { LoginThrottle } from '../auth/login-throttle.js'
import type { AuthUser } from '../auth/auth-user.js'
import { PoddError, badRequest, conflict, forbidden, notFound, tooManyRequests } from '../../core/errors.js'
import { newId } from '../../core/ids.js'
import { decodeCursor, encodeCursor } from './cursor.js'
import { hashInvitationCode, newInvitationCode } from './invitation-code.js'
import { SELF, parseSharing, type ReadScope, type SharingCategory } from './sharing.js'

/** What a caregiver may read of a patient's data; each read is written to the access log. */
export const CARE_RESOURCES = ['events', 'insights', 'alerts', 'summaries', 'activity', 'report'] as const
export type CareResource = (typeof CARE_RESOURCES)[number]

export const INVITATION_TTL_MS = 72 * 3_600_000
// Bounds that keep the unpaged lists short and a patient's inbox free of invitation spam.
export const MAX_OPEN_INVITATIONS = 10
export const MAX_CAREGIVERS_PER_PATIENT = 10

export interface PersonRef {
  id: string
  name: string
}

export interface CareLink {
  id: string
  patient: PersonRef
  caregiver: PersonRef
  created_at: string
}

export interface NewInvitation {
  id: string
  /** Shown once: only its hash is stored. */
  code: string
  expires_at: string
}

export interface OpenInvitation {
  id: string
  created_at: string
  expires_at: string
}

export interface LinkedPatient extends PersonRef {
  link_id: string
  linked_at: string
  /** What the patient shares over this link. */
  sharing: SharingCategory[]
}

export interface SharingChange {
  categories: SharingCategory[]
  changed_at: string
}

export interface LinkSharing {
  link_id: string
  categories: SharingCategory[]
  /** Every change the patient made, newest first (none while the link has the default). */
  changes: SharingChange[]
}

export interface LinkedCaregiver extends LinkedPatient {
  email: string
}

/** What came of a caregiver's attempt: the data was read, or the patient's sharing refused it. */
export const ACCESS_OUTCOMES = ['read', 'refused'] as const
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number]

export interface AccessLogEntry {
  id: number
  caregiver: { id: string; name: string | null }
  resource: CareResource
  accessed_at: string
  request_id: string | null
  outcome: AccessOutcome
}

export interface AccessLogPage {
  entries: AccessLogEntry[]
  next_cursor: string | null
}

type Unusable = 'unknown' | 'expired' | 'used' | 'cancelled'
type Redemption = { unusable: Unusable } | { linkId: string }

// 404 for every unusable code: the error envelope has no 410, and the reason is in details.
const UNUSABLE_MESSAGES: Record<Unusable, string> = {
  unknown: 'No invitation matches this code; check it with the patient',
  expired: 'This invitation code has expired; ask the patient for a new one',
  used: 'This invitation code has already been used',
  cancelled: 'The patient cancelled this invitation',
}

function unusableReason(inv: CaregiverInvitationsTable, now: Date): Unusable | undefined {
  if (inv.accepted_at) return 'used'
  if (inv.revoked_at) return 'cancelled'
  if (new Date(inv.expires_at) <= now) return 'expired'
  return undefined
}

const AccessLogPosition = z.object({ at: z.iso.datetime(), id: z.number().int().positive() })

/**
 * Caregiver invitations and links, and the one place that decides whether someone may read a
 * patient's data. All of it lives in SQLite next to the accounts.
 */
export class CareLinks {
  private readonly codeThrottle: LoginThrottle

  constructor(
    private readonly db: AuthDb,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Wrong codes are the only way to guess at someone else's invitation, so they are rationed.
    this.codeThrottle = new LoginThrottle(
      { perAccountAndIp: 10, perAccount: 10, perIp: 100, windowMs: 15 * 60_000 },
      () => this.now().getTime(),
    )
  }

  async createInvitation(patientId: string): Promise<NewInvitation> {
    if ((await this.listOpenInvitations(patientId)).length >= MAX_OPEN_INVITATIONS) {
      throw conflict(`At most ${MAX_OPEN_INVITATIONS} invitations can be open; cancel one first`)
    }
    const now = this.now()
    const code = newInvitationCode()
    const invitation = {
      id: newId(),
      patient_id: patientId,
      code_hash: hashInvitationCode(code),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    }
    await this.db.insertInto('caregiver_invitations').values(invitation).execute()
    return { id: invitation.id, code, expires_at: invitation.expires_at }
  }

  /** Invitations not yet accepted, cancelled or expired, oldest first. */
  async listOpenInvitations(patientId: string): Promise<OpenInvitation[]> {
    return this.db
      .selectFrom('caregiver_invitations')
      .select(['id', 'created_at', 'expires_at'])
      .where('patient_id', '=', patientId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.now().toISOString())
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  }

  async cancelInvitation(patientId: string, invitationId: string): Promise<void> {
    const result = await this.db
      .updateTable('caregiver_invitations')
      .set({ revoked_at: this.now().toISOString() })
      .where('id', '=', invitationId)
      .where('patient_id', '=', patientId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.now().toISOString())
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) throw notFound('Open invitation')
  }

  /** Redeems a code for a link between its patient and this caregiver; the code is then spent. */
  async acceptInvitation(caregiverId: string, code: string, ip: string): Promise<CareLink> {
    const wait = this.codeThrottle.retryAfter(caregiverId, ip)
    if (wait > 0) throw tooManyRequests(wait, 'Too many wrong invitation codes, try again later')
    const now = this.now()
    const outcome = await this.db.transaction().execute(async (trx): Promise<Redemption> => {
      const inv = await trx
        .selectFrom('caregiver_invitations')
        .selectAll()
        .where('code_hash', '=', hashInvitationCode(code))
        .executeTakeFirst()
      if (!inv) return { unusable: 'unknown' }
      const unusable = unusableReason(inv, now)
      if (unusable) return { unusable }
      if (inv.patient_id === caregiverId) throw badRequest('You cannot link to your own account')
      const live = await trx
        .selectFrom('caregiver_links')
        .select(['caregiver_id'])
        .where('patient_id', '=', inv.patient_id)
        .where('revoked_at', 'is', null)
        .execute()
      // Checked before the code is spent, so the patient's invitation survives the refusal.
      if (live.some((l) => l.caregiver_id === caregiverId)) throw conflict('You are already linked to this patient')
      if (live.length >= MAX_CAREGIVERS_PER_PATIENT) {
        throw conflict(`This patient already has ${MAX_CAREGIVERS_PER_PATIENT} caregivers`)
      }
      await trx
        .updateTable('caregiver_invitations')
        .set({ accepted_at: now.toISOString(), accepted_by: caregiverId })
        .where('id', '=', inv.id)
        .execute()
      const linkId = newId()
      await trx
        .insertInto('caregiver_links')
        .values({
          id: linkId,
          patient_id: inv.patient_id,
          caregiver_id: caregiverId,
          invitation_id: inv.id,
          created_at: now.toISOString(),
          revoked_at: null,
          revoked_by: null,
        })
        .execute()
      return { linkId }
    })
    if ('unusable' in outcome) {
      if (outcome.unusable === 'unknown') this.codeThrottle.recordFailure(caregiverId, ip)
      throw new PoddError('NOT_FOUND', UNUSABLE_MESSAGES[outcome.unusable], { reason: outcome.unusable })
    }
    return this.link(outcome.linkId)
  }

  /** Either side may end a link; to anyone else it does not exist. */
  async revokeLink(userId: string, linkId: string): Promise<void> {
    const result = await this.db
      .updateTable('caregiver_links')
      .set({ revoked_at: this.now().toISOString(), revoked_by: userId })
      .where('id', '=', linkId)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('patient_id', '=', userId), eb('caregiver_id', '=', userId)]))
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) throw notFound('Caregiver link')
  }

  async listLinkedPatients(caregiverId: string): Promise<LinkedPatient[]> {
    const people = await this.liveLinkPeople('caregiver', caregiverId)
    return people.map(({ email: _email, ...patient }) => patient)
  }

  /** The caregivers alerts and summaries of this patient go to, with the address to reach them. */
  async listLinkedCaregivers(patientId: string): Promise<LinkedCaregiver[]> {
    return this.liveLinkPeople('patient', patientId)
  }

  /** Every live link, for the care scheduler's rounds (summaries, check-ins, missed doses). */
  async listLiveLinks(): Promise<{ patient_id: string; caregiver_id: string; linked_at: string; sharing: SharingCategory[] }[]> {
    const rows = await this.db
      .selectFrom('caregiver_links')
      .select(['patient_id', 'caregiver_id', 'created_at as linked_at', 'sharing'])
      .where('revoked_at', 'is', null)
      .orderBy('created_at')
      .execute()
    return rows.map((r) => ({ ...r, sharing: parseSharing(r.sharing) }))
  }

  /** Both people of a live link, or undefined once it was revoked: deliveries check it before each send. */
  async liveLink(
    patientId: string,
    caregiverId: string,
  ): Promise<{ patient: PersonRef; caregiver: PersonRef; sharing: SharingCategory[] } | undefined> {
    const row = await this.db
      .selectFrom('caregiver_links as l')
      .innerJoin('users as p', 'p.id', 'l.patient_id')
      .innerJoin('users as c', 'c.id', 'l.caregiver_id')
      .select(['p.name as patient_name', 'c.name as caregiver_name', 'l.sharing'])
      .where('l.patient_id', '=', patientId)
      .where('l.caregiver_id', '=', caregiverId)
      .where('l.revoked_at', 'is', null)
      .executeTakeFirst()
    if (!row) return undefined
    return {
      patient: { id: patientId, name: row.patient_name },
      caregiver: { id: caregiverId, name: row.caregiver_name },
      sharing: parseSharing(row.sharing),
    }
  }

  /**
   * Resolves when the viewer may read this patient's data: the patient themself, or a caregiver
   * with a live link (that read is logged). A patient asking for someone else, an unlinked
   * caregiver and a patient who does not exist all get the same 404.
   */
  async assertCanRead(viewer: AuthUser, patientId: string, resource: CareResource, requestId?: string): Promise<void> {
    await this.readScope(viewer, patientId, resource, requestId)
  }

  /**
   * What the viewer may read of this patient: everything (the patient themself), or what the
   * patient shares over a caregiver's live link, read now so a change applies to the next read.
   * Refused as `assertCanRead` refuses. `allowed` is the route's own check of the scope (the
   * category it needs; it throws when that is not shared): the caregiver's attempt is logged as
   * a read, or as refused when that check throws, so the log never claims a read that was not.
   */
  async readScope(viewer: AuthUser, patientId: string, resource: CareResource, requestId?: string, allowed?: (scope: ReadScope) => void): Promise<ReadScope> {
    if (viewer.role === 'patient' && viewer.id === patientId) return SELF
    if (viewer.role === 'admin') throw forbidden('Admin accounts do not read patient health data')
    const link =
      viewer.role === 'caregiver'
        ? await this.db
            .selectFrom('caregiver_links')
            .select('sharing')
            .where('patient_id', '=', patientId)
            .where('caregiver_id', '=', viewer.id)
            .where('revoked_at', 'is', null)
            .executeTakeFirst()
        : undefined
    if (!link) throw notFound('Patient')
    const scope: ReadScope = { self: false, shared: new Set(parseSharing(link.sharing)) }
    let refusal: unknown
    try {
      allowed?.(scope)
    } catch (err) {
      refusal = err
    }
    await this.db
      .insertInto('caregiver_access_log')
      .values({
        caregiver_id: viewer.id,
        patient_id: patientId,
        resource,
        accessed_at: this.now().toISOString(),
        request_id: requestId ?? null,
        outcome: refusal === undefined ? 'read' : 'refused',
      })
      .execute()
    if (refusal !== undefined) throw refusal
    return scope
  }

  /**
   * Sets what the patient shares over one of their live links; it applies to the caregiver's next
   * read and to every push not yet sent. Each change is kept (`sharingOf` lists them).
   */
  async setSharing(patientId: string, linkId: string, categories: SharingCategory[]): Promise<LinkSharing> {
    const changedAt = this.now().toISOString()
    const stored = JSON.stringify([...new Set(categories)])
    await this.db.transaction().execute(async (trx) => {
      const link = await trx
        .selectFrom('caregiver_links')
        .select(['id', 'caregiver_id'])
        .where('id', '=', linkId)
        .where('patient_id', '=', patientId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      if (!link) throw notFound('Caregiver link')
      await trx.updateTable('caregiver_links').set({ sharing: stored }).where('id', '=', linkId).execute()
      await trx
        .insertInto('caregiver_sharing_changes')
        .values({ link_id: linkId, patient_id: patientId, caregiver_id: link.caregiver_id, categories: stored, changed_at: changedAt })
        .execute()
    })
    return this.sharingOf(patientId, linkId)
  }

  /** What a live link shares and its changes; either side of the link may ask. */
  async sharingOf(userId: string, linkId: string): Promise<LinkSharing> {
    const link = await this.db
      .selectFrom('caregiver_links')
      .select(['id', 'sharing'])
      .where('id', '=', linkId)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('patient_id', '=', userId), eb('caregiver_id', '=', userId)]))
      .executeTakeFirst()
    if (!link) throw notFound('Caregiver link')
    const changes = await this.db
      .selectFrom('caregiver_sharing_changes')
      .select(['categories', 'changed_at'])
      .where('link_id', '=', linkId)
      .orderBy('id', 'desc')
      .limit(100)
      .execute()
    return {
      link_id: link.id,
      categories: parseSharing(link.sharing),
      changes: changes.map((c) => ({ categories: parseSharing(c.categories), changed_at: c.changed_at })),
    }
  }

  /** For writes of health data: only the patient writes their own; caregivers only ever read. */
  assertIsPatientSelf(viewer: AuthUser, patientId: string): void {
    if (viewer.role !== 'patient') throw forbidden('Only the patient can record or change their health data')
    if (viewer.id !== patientId) throw notFound('Patient')
  }

  /** Caregiver reads of this patient's data, newest first. */
  async listAccessLog(patientId: string, page: { limit: number; cursor?: string }): Promise<AccessLogPage> {
    const after = page.cursor === undefined ? undefined : decodeCursor(AccessLogPosition, page.cursor)
    let query = this.db
      .selectFrom('caregiver_access_log as a')
      .leftJoin('users as u', 'u.id', 'a.caregiver_id')
      .select(['a.id', 'a.caregiver_id', 'u.name', 'a.resource', 'a.accessed_at', 'a.request_id', 'a.outcome'])
      .where('a.patient_id', '=', patientId)
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('a.accessed_at', '<', after.at),
          eb.and([eb('a.accessed_at', '=', after.at), eb('a.id', '<', after.id)]),
        ]),
      )
    }
    const rows = await query.orderBy('a.accessed_at', 'desc').orderBy('a.id', 'desc').limit(page.limit + 1).execute()
    const entries = rows.slice(0, page.limit).map((r) => ({
      id: r.id,
      caregiver: { id: r.caregiver_id, name: r.name },
      resource: r.resource as CareResource,
      accessed_at: r.accessed_at,
      request_id: r.request_id,
      outcome: r.outcome as AccessOutcome,
    }))
    const last = entries.at(-1)
    const more = rows.length > page.limit && last
    return { entries, next_cursor: more ? encodeCursor({ at: last.accessed_at, id: last.id }) : null }
  }

  /** The people on the other side of a user's live links, in the order they were linked. */
  private async liveLinkPeople(side: 'patient' | 'caregiver', userId: string): Promise<LinkedCaregiver[]> {
    const [mine, theirs] =
      side === 'patient' ? (['l.patient_id', 'l.caregiver_id'] as const) : (['l.caregiver_id', 'l.patient_id'] as const)
    const rows = await this.db
      .selectFrom('caregiver_links as l')
      .innerJoin('users as u', 'u.id', theirs)
      .select(['l.id as link_id', 'u.id', 'u.name', 'u.email', 'l.created_at as linked_at', 'l.sharing'])
      .where(mine, '=', userId)
      .where('l.revoked_at', 'is', null)
      .orderBy('l.created_at')
      .orderBy('l.id')
      .execute()
    return rows.map((r) => ({ ...r, sharing: parseSharing(r.sharing) }))
  }

  private async link(id: string): Promise<CareLink> {
    const row = await this.db
      .selectFrom('caregiver_links as l')
      .innerJoin('users as p', 'p.id', 'l.patient_id')
      .innerJoin('users as c', 'c.id', 'l.caregiver_id')
      .select(['l.id', 'l.created_at', 'p.id as patient_id', 'p.name as patient_name', 'c.id as caregiver_id'])
      .select('c.name as caregiver_name')
      .where('l.id', '=', id)
      .executeTakeFirstOrThrow()
    return {
      id: row.id,
      patient: { id: row.patient_id, name: row.patient_name },
      caregiver: { id: row.caregiver_id, name: row.caregiver_name },
      created_at: row.created_at,
    }
  }
}
