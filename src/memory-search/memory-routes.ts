import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { MAX_RECALL_LIMIT } from '../../memory/recall/recall-service.js'
import { EventListQuery, HealthEventSchema } from '../events/event-schemas.js'
import type { AppEnv } from '../http/app-env.js'
import { errorResponses, jsonContent, validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'

const SearchQuery = EventListQuery.pick({ kind: true, from: true, to: true }).extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .openapi({ example: 'what did the doctor say about salt' })
    .describe('What to look for'),
  limit: z.coerce.number().int().min(1).max(MAX_RECALL_LIMIT).default(10),
})

const SearchResponse = z
  .object({
    results: z.array(
      z.object({
        event: HealthEventSchema,
        score: z.number().describe('Similarity to the query, higher is closer'),
        snippet: z.string().describe('The words that were searched: what the patient said'),
      }),
    ),
  })
  .openapi('MemorySearchResults')

const search = createRoute({
  method: 'get',
  path: '/search',
  security: [{ Bearer: [] }],
  tags: ['memory'],
  summary: "Search the caller's own history by what was said (chat, symptoms, appointments, notes)",
  request: { query: SearchQuery },
  responses: { 200: jsonContent(SearchResponse, 'The best matches, best first'), ...errorResponses(400, 401) },
})

/** `GET /memory/search`: recall over the caller's own history; nobody else's is ever searched. */
export function memoryRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('/*', s.requireAuth)

  app.openapi(search, async (c) => {
    const q = c.req.valid('query')
    const results = await s.recall.search(c.get('user').id, {
      query: q.q,
      kinds: q.kind,
      from: q.from,
      to: q.to,
      limit: q.limit,
    })
    return c.json({ results }, 200)
  })

  return app
}
