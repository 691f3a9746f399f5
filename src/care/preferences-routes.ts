import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import type { AppEnv } from '../http/app-env.js'
import { errorResponses, jsonBody, jsonContent, validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'
import { PreferencesPatchSchema, PreferencesSchema } from './preferences.js'

const PreferencesBody = z.object({ preferences: PreferencesSchema })
const common = { tags: ['auth'], security: [{ Bearer: [] }], path: '/' }

const getPreferences = createRoute({
  ...common,
  method: 'get',
  summary: 'Notification and delivery preferences of the signed-in account',
  responses: { 200: jsonContent(PreferencesBody, 'Preferences, defaults filled in'), ...errorResponses(401) },
})

const patchPreferences = createRoute({
  ...common,
  method: 'patch',
  summary: 'Change some preferences; nested objects merge, unknown keys are refused',
  request: { body: jsonBody(PreferencesPatchSchema) },
  responses: { 200: jsonContent(PreferencesBody, 'Preferences after the change'), ...errorResponses(400, 401) },
})

/** Mounted at `/api/v1/auth/me/preferences`. */
export function preferencesRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('*', s.requireAuth)

  app.openapi(getPreferences, async (c) =>
    c.json({ preferences: await s.preferences.getPreferences(c.get('user').id) }, 200),
  )

  app.openapi(patchPreferences, async (c) => {
    const preferences = await s.preferences.updatePreferences(c.get('user').id, c.req.valid('json'))
    return c.json({ preferences }, 200)
  })

  return app
}
