/**
 * The API paths the console's proxy forwards, with the methods the API has on each (§3, §4, §5.4,
 * D12). A path matches whole and as sent, so `..;/`, a double-encoded `%252e%252e` or full-width
 * dots (`%ef%bc%8e`) match nothing and never reach the upstream.
 */
const ROUTES: readonly { pattern: RegExp; methods: readonly string[] }[] = [
  { pattern: /^\/api\/public\/v1\/auth\/me$/, methods: ['GET', 'HEAD'] },
  { pattern: /^\/api\/public\/v1\/tokens$/, methods: ['GET', 'HEAD', 'POST'] },
  // The emulator's ids (D10) and any plausible real one; nothing that decodes to another path.
  { pattern: /^\/api\/public\/v1\/tokens\/[A-Za-z0-9_-]{1,64}$/, methods: ['DELETE'] },
  { pattern: /^\/api\/agent\/oauth\/revoke$/, methods: ['POST'] },
]

/** The methods `pathname` is forwarded with, or `null` when it is not one of the API's paths. */
export function proxiedMethods(pathname: string): readonly string[] | null {
  return ROUTES.find(({ pattern }) => pattern.test(pathname))?.methods ?? null
}
