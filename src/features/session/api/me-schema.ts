import { z } from 'zod'

/** `GET /auth/me`: who is signed in, and with which token (its `id` matches `tokens[].id`). */
export const meSchema = z.looseObject({
  actor: z.looseObject({
    userId: z.string(),
    email: z.string().nullable().optional().default(null),
    firstName: z.string().nullable().optional().default(null),
    lastName: z.string().nullable().optional().default(null),
    fullName: z.string().nullable().optional().default(null),
    userType: z.string().optional(),
  }),
  token: z.looseObject({
    id: z.string().min(1),
    label: z.string().nullable().optional().default(null),
    scopes: z.array(z.string()).default([]),
    ownerOrganizationId: z.string().nullable().optional().default(null),
  }),
  account: z
    .looseObject({
      kind: z.string().optional(),
      organizationId: z.string().nullable().optional(),
      ownerUserId: z.string().nullable().optional(),
      memberRole: z.string().nullable().optional(),
    })
    .optional(),
})

export type Me = z.infer<typeof meSchema>
