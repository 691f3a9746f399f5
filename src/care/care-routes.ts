import { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../http/app-env.js'
import { validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'
import { alertRoutes } from './alert-routes.js'
import { caregiverRoutes } from './caregiver-routes.js'
import { notificationRoutes } from './notification-routes.js'
import { patientRoutes } from './patient-routes.js'
import { preferencesRoutes } from './preferences-routes.js'
import { pushRoutes } from './push-routes.js'

/** Everything of src/care that speaks HTTP; mounted at `/api/v1`, each part under its own path. */
export function careRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.route('/caregivers', caregiverRoutes(s))
  app.route('/auth/me/preferences', preferencesRoutes(s))
  app.route('/patients', patientRoutes(s))
  app.route('/alerts', alertRoutes(s))
  app.route('/notifications', notificationRoutes(s))
  app.route('/push', pushRoutes(s))
  return app
}
