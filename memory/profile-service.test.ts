import { describe, expect, it } from 'vitest'
import { InMemoryEventStore } from './in-memory-event-store.js'
import { saveProfile } from './profile-service.js'

const w = (userId: string) => ({ userId, source: 'api' as const })

describe('profile service', () => {
  it('Should keep one profile entity: the first save appends, later ones correct it', async () => {
    const store = new InMemoryEventStore()
    const first = await saveProfile(store, w('asha'), { name: 'Asha', allergies: ['penicillin'] }, 'replace')
    const second = await saveProfile(store, w('asha'), { name: 'Asha K' }, 'replace')
    expect(first.context_id).toBe('profile:asha')
    expect(second).toMatchObject({ context_id: 'profile:asha', supersedes: first.id })
    // Replace means replace: allergies not given are gone.
    expect(second.payload.allergies).toEqual([])
    expect((await store.history('asha', 'profile:asha')).length).toBe(2)
  })

  it('Should merge a chat change, adding allergies and conditions to those known', async () => {
    const store = new InMemoryEventStore()
    await saveProfile(store, w('ravi'), { name: 'Ravi', allergies: ['penicillin'], medical_conditions: ['diabetes'] }, 'replace')
    const merged = await saveProfile(store, w('ravi'), { allergies: ['sulfa', 'penicillin'], height_cm: 170 }, 'merge')
    expect(merged.payload).toMatchObject({ name: 'Ravi', allergies: ['penicillin', 'sulfa'], medical_conditions: ['diabetes'], height_cm: 170 })
  })

  it('Should refuse an invalid profile and write nothing', async () => {
    const store = new InMemoryEventStore()
    await expect(saveProfile(store, w('meena'), { timezone: 'Mars/Olympus' }, 'replace')).rejects.toMatchObject({ code: 'VALIDATION_ERROR' })
    expect(await store.latest('meena', 'profile')).toBeUndefined()
  })
})
