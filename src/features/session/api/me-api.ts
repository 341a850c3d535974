import { apiRequest } from './api-request'
import type { Me } from './me-schema'

/** `me`'s schema (and zod) load while a request is on its way: not in the first download. */
export const loadMeSchema = () => import('./me-schema').then((module) => module.meSchema)

/** `/auth/me` for the session's token, through the serve command's cookie. */
export function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me> {
  return apiRequest({ path: '/auth/me', schema: loadMeSchema, signal })
}
