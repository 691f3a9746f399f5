import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/helpers.js'

type Schema = Record<string, any>
type Doc = { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } }

// Actions whose only input is the path and the caller (or the session cookie): they take no body.
const BODILESS = new Set([
  'POST /api/v1/caregivers/invitations',
  'POST /api/v1/alerts/{id}/ack',
  'POST /api/v1/auth/session/refresh',
  'POST /api/v1/auth/session/logout',
])
const SHAPES = ['type', 'oneOf', 'anyOf', 'allOf', 'enum', 'const', 'properties', 'items']

let t: TestApp
let doc: Doc

beforeAll(async () => {
  t = await createTestApp()
  doc = (await (await t.request('/api/v1/openapi.json')).json()) as Doc
})
afterAll(() => t.close())

function resolve(schema: Schema): Schema {
  const ref = schema.$ref as string | undefined
  return ref ? resolve(doc.components.schemas[ref.replace('#/components/schemas/', '')]!) : schema
}

/** Why a request or response body schema says nothing about its shape, or undefined. */
function emptiness(raw: Schema | undefined): string | undefined {
  if (!raw) return 'no schema'
  const schema = resolve(raw)
  if (!SHAPES.some((k) => k in schema)) return 'an empty schema'
  const openObject = schema.type === 'object' && !schema.properties && (!schema.additionalProperties || Object.keys(schema.additionalProperties).length === 0)
  if (openObject) return 'an object with no properties'
  return undefined
}

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })))

describe('the OpenAPI document', () => {
  it('Should describe every request and response body of every route', () => {
    const problems: string[] = []
    expect(operations().length).toBeGreaterThan(30)
    for (const { route, op } of operations()) {
      const body = op.requestBody?.content as Record<string, Schema> | undefined
      if (['POST', 'PUT', 'PATCH'].some((m) => route.startsWith(m)) && !body && !BODILESS.has(route)) problems.push(`${route}: no request body`)
      for (const [type, content] of Object.entries(body ?? {})) {
        const why = type.startsWith('audio/') || type === 'multipart/form-data' ? undefined : emptiness(content.schema)
        if (why) problems.push(`${route} request ${type}: ${why}`)
      }
      const responses = Object.entries(op.responses as Record<string, Schema>)
      if (!responses.some(([status]) => status.startsWith('2'))) problems.push(`${route}: no success response`)
      for (const [status, response] of responses) {
        if (status === '204') continue
        if (!response.content) problems.push(`${route} ${status}: no content`)
        for (const [type, content] of Object.entries((response.content ?? {}) as Record<string, Schema>)) {
          const why = type.startsWith('audio/') || type === 'text/event-stream' ? undefined : emptiness(content.schema)
          if (why) problems.push(`${route} ${status} ${type}: ${why}`)
        }
      }
      for (const param of (op.parameters ?? []) as Schema[]) {
        if (!param.schema || Object.keys(param.schema).length === 0) problems.push(`${route}: parameter ${param.name} has no schema`)
      }
    }
    expect(problems).toEqual([])
  })
})
