import { apiRequest } from './api-request'
import { meSchema, type Me } from './me-schema'

/** `token` verifies a candidate before it becomes the session's; omitted, the session's is used. */
export function getMe({
  signal,
  token,
}: { signal?: AbortSignal; token?: string } = {}): Promise<Me> {
  return apiRequest({ path: '/auth/me', schema: meSchema, signal, token })
}
