import { z } from 'zod/mini'
import { isoDateSchema, orNull } from '../../../lib/http/schema-fields'

/**
 * A token record as `GET /tokens` and `DELETE /tokens/{id}` return it. Unknown fields are kept (D2);
 * `status` stays a free string because the API may add states (D1).
 */
const tokenSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  preview: z.string(),
  scopes: z.array(z.string()),
  status: z.string(),
  organizationId: orNull(z.string()),
  createdAt: isoDateSchema,
  lastUsedAt: orNull(isoDateSchema),
  expiresAt: orNull(isoDateSchema),
  revokedAt: orNull(isoDateSchema),
})

export type Token = z.infer<typeof tokenSchema>

export const tokenListSchema = z.object({ tokens: z.array(tokenSchema) })

export const revokedTokenSchema = z.object({ token: tokenSchema })

/**
 * `POST /tokens`'s 201 (§3.2): the secret, shown once, and the new record. The secret must look
 * like a personal token; a failed check names only the field, never its value (api-client).
 */
export const createdTokenSchema = z.looseObject({
  token: z.string().check(z.startsWith('ot_pat_')),
  metadata: tokenSchema,
})
