import { z } from 'zod/mini'
import { orNull } from '../../../lib/http/schema-fields'

/** `GET /auth/me`: who is signed in, and with which token (its `id` matches `tokens[].id`). */
export const meSchema = z.looseObject({
  actor: z.looseObject({
    userId: z.string(),
    email: orNull(z.string()),
    firstName: orNull(z.string()),
    lastName: orNull(z.string()),
    fullName: orNull(z.string()),
    userType: z.optional(z.string()),
  }),
  token: z.looseObject({
    id: z.string().check(z.minLength(1)),
    label: orNull(z.string()),
    scopes: z._default(z.array(z.string()), []),
    ownerOrganizationId: orNull(z.string()),
  }),
  account: z.optional(
    z.looseObject({
      kind: z.optional(z.string()),
      organizationId: z.nullish(z.string()),
      ownerUserId: z.nullish(z.string()),
      memberRole: z.nullish(z.string()),
    }),
  ),
})

export type Me = z.infer<typeof meSchema>
