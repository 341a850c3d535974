import { z } from 'zod'
import { isoDateSchema } from '../../../lib/iso-date-schema'

/**
 * A token record as `GET /tokens` and `DELETE /tokens/{id}` return it. Unknown fields are kept (D2);
 * `status` stays a free string because the API may add states (D1).
 */
const tokenSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  preview: z.string(),
  scopes: z.array(z.string()),
  status: z.string(),
  organizationId: z.string().nullable().optional().default(null),
  createdAt: isoDateSchema,
  lastUsedAt: isoDateSchema.nullable().optional().default(null),
  expiresAt: isoDateSchema.nullable().optional().default(null),
  revokedAt: isoDateSchema.nullable().optional().default(null),
})

export type Token = z.infer<typeof tokenSchema>

export const tokenListSchema = z.object({ tokens: z.array(tokenSchema) })

export const revokedTokenSchema = z.object({ token: tokenSchema })
