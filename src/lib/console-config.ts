import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'

/**
 * What the serve command tells the app about its upstream: `demo` when it offers a demo sign-in
 * (emulator mode, this machine); never the token. Missing (e.g. under `npm run dev`): no demo.
 */
const consoleConfigSchema = z.object({
  demo: z.catch(z.optional(z.boolean()), undefined),
})

export type ConsoleConfig = z.infer<typeof consoleConfigSchema>

const FALLBACK: ConsoleConfig = {}

async function fetchConsoleConfig(signal: AbortSignal): Promise<ConsoleConfig> {
  try {
    const response = await fetch('/console-config.json', { signal, cache: 'no-store' })
    if (!response.ok) return FALLBACK
    const parsed = consoleConfigSchema.safeParse(await response.json())
    return parsed.success ? parsed.data : FALLBACK
  } catch (error) {
    if (signal.aborted) throw error
    return FALLBACK
  }
}

export const consoleConfigQueries = {
  config: () =>
    queryOptions({
      queryKey: ['console-config'] as const,
      queryFn: ({ signal }) => fetchConsoleConfig(signal),
      // Read again each time the sign-in page shows: the emulator mints a new demo token once the
      // printed one is revoked (by this console's own self-revoke, say).
      staleTime: 0,
      retry: false,
    }),
}
