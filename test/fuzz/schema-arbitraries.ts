import fc from 'fast-check'

/**
 * Values for the fuzz suite, drawn from an OpenAPI (JSON Schema) description: mostly the right
 * shape, so requests get past the first check and reach the code behind it, with every part
 * liable to be replaced by something hostile — the wrong type, a huge or empty string, NUL, a
 * lone surrogate, emoji, right-to-left text, deep nesting, an extreme number, an impossible date.
 */

export type Schema = Record<string, any>
export type Resolve = (schema: Schema) => Schema

/** Strings that have broken services before. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'bp 141/91 \u0000',
  '\ud800',
  'a\udfffb',
  '\ud83d',
  '😀🏥💊👩‍⚕️',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'नमस्ते दवा ली',
  'a\u0301\u0302\u0303',
  '\ufeffbom',
  '\u200b\u200d',
  '\r\n\t',
  '../../../etc/passwd',
  '%00%ff%2e%2e',
  "'; drop table health_events; --",
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  'null',
  'undefined',
  '-1',
  '1e309',
  'x'.repeat(5000),
  'y'.repeat(200_000),
]

export const NASTY_DATES = [
  '9999-12-31',
  '10000-01-01',
  '0000-01-01',
  '0050-06-15',
  '1899-12-31',
  '2101-01-01',
  '2024-02-30',
  '2023-13-01',
  '-271821-04-20',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '-271821-04-20T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '2024-02-30T25:61:61Z',
  '2024-01-01T00:00:00+25:00',
  'yesterday',
  '1970-01-01T00:00:00Z',
]

export const NASTY_NUMBERS = [0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 53) - 1, 1e308, -1e308, 5e-324, 123456789012345678901234567890]

/** Nested arrays and objects, deeper than any schema expects. */
export const deepNesting = (depth: number): unknown => {
  let v: unknown = 'bottom'
  for (let i = 0; i < depth; i++) v = i % 2 ? { nest: v } : [v]
  return v
}

export const nastyString = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constantFrom(...NASTY_DATES), weight: 1 },
)

/** Anything at all, of any type: what a careless or hostile client sends. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyString, weight: 4 },
  { arbitrary: fc.constantFrom(...NASTY_NUMBERS), weight: 2 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 2 },
  { arbitrary: fc.constantFrom(deepNesting(64), deepNesting(2000)), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
)

function typesOf(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type
  if (typeof schema.type === 'string') return [schema.type]
  return []
}

function stringFor(schema: Schema): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]))
  const max = Math.min(schema.maxLength ?? 60, 60)
  const min = Math.min(schema.minLength ?? 0, max)
  switch (schema.format) {
    case 'uuid':
      return fc.uuid()
    case 'date':
      return fc.oneof(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom(...NASTY_DATES))
    case 'date-time':
      return fc.oneof(fc.date({ min: new Date('1990-01-01'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom(...NASTY_DATES))
    case 'email':
      return fc.oneof(fc.emailAddress(), nastyString)
    case 'uri':
      return fc.oneof(fc.webUrl(), fc.constantFrom('https://169.254.169.254/', 'http://localhost:5432/', 'https://[::1]/', 'javascript:alert(1)'))
  }
  if (schema.pattern) return fc.oneof(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 200), nastyString)
  return fc.oneof(fc.string({ unit: 'grapheme', minLength: min, maxLength: max }), fc.string({ minLength: min, maxLength: max }))
}

function numberFor(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e6
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1e6
  const inRange = integer
    ? fc.integer({ min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
  return fc.oneof({ arbitrary: inRange, weight: 3 }, { arbitrary: fc.constantFrom(...NASTY_NUMBERS), weight: 1 })
}

/**
 * A value for a schema: well-shaped most of the time (depth-limited), hostile some of the time.
 * `chaos` is the weight of the hostile branch at each level.
 */
export function valueFor(raw: Schema | undefined, resolve: Resolve, depth = 0, chaos = 1): fc.Arbitrary<unknown> {
  if (!raw || depth > 6) return nastyValue
  const schema = resolve(raw)
  const shaped = shapedValue(schema, resolve, depth, chaos)
  return fc.oneof({ arbitrary: shaped, weight: 8 }, { arbitrary: nastyValue, weight: chaos })
}

function shapedValue(schema: Schema, resolve: Resolve, depth: number, chaos: number): fc.Arbitrary<unknown> {
  const variants = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined
  if (variants?.length) return fc.oneof(...variants.map((v) => valueFor(v, resolve, depth + 1, chaos)))
  if ('const' in schema) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]))
  const types = typesOf(schema)
  const arbs: fc.Arbitrary<unknown>[] = []
  for (const type of types) {
    if (type === 'null') arbs.push(fc.constant(null))
    else if (type === 'string') arbs.push(stringFor(schema))
    else if (type === 'integer') arbs.push(numberFor(schema, true))
    else if (type === 'number') arbs.push(numberFor(schema, false))
    else if (type === 'boolean') arbs.push(fc.boolean())
    else if (type === 'array') arbs.push(fc.array(valueFor(schema.items, resolve, depth + 1, chaos), { maxLength: Math.min(schema.maxItems ?? 4, 4) }))
    else if (type === 'object') arbs.push(objectFor(schema, resolve, depth, chaos))
  }
  if (arbs.length === 0) return schema.properties ? objectFor(schema, resolve, depth, chaos) : nastyValue
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs)
}

function objectFor(schema: Schema, resolve: Resolve, depth: number, chaos: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>
  const required = new Set<string>(schema.required ?? [])
  const fields = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, valueFor(v, resolve, depth + 1, chaos)]))
  const known = fc.record(fields, { requiredKeys: Object.keys(fields).filter((k) => required.has(k)) })
  // Keys nobody declared, some of them hostile themselves.
  const extra = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', '\u0000', '\ud800')), nastyValue, { maxKeys: 2 })
  return fc.oneof({ arbitrary: known, weight: 6 }, { arbitrary: fc.tuple(known, extra).map(([a, b]) => ({ ...b, ...(a as object) })), weight: 1 })
}
