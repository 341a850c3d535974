import { apiRequest } from './api-request'
import { meSchema, type Me } from './me-schema'

/** `/auth/me` for the session's token, through the serve command's cookie. */
export function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me> {
  return apiRequest({ path: '/auth/me', schema: meSchema, signal })
}
