import { z } from 'zod'

/** A date-time string the browser can read. Lenient on purpose: the real API may differ in precision. */
export const isoDateSchema = z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
  message: 'Expected an ISO-8601 date-time',
})
