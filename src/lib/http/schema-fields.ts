import { z } from 'zod/mini'

/** A date-time string the browser can read. Lenient on purpose: the real API may differ in precision. */
export const isoDateSchema = z
  .string()
  .check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'Expected an ISO-8601 date-time'))

/** A field the API may leave out or send as `null`: `null` either way. */
export const orNull = <T extends z.ZodMiniType>(schema: T) => z._default(z.nullish(schema), null)
