/** The token shape the docs give: `ot_pat_<publicId>_<secret>`. Lengths are not documented. */
const PERSONAL_TOKEN = /^ot_pat_[A-Za-z0-9]+_[A-Za-z0-9]+$/

export type TokenInputProblem = 'empty' | 'wrong-prefix' | 'malformed'

/** Checks a pasted token before any request, so typos get a clear message and cost no call. */
export function checkTokenInput(raw: string): { token: string } | { problem: TokenInputProblem } {
  const token = raw.trim()
  if (token === '') return { problem: 'empty' }
  if (!token.startsWith('ot_pat_')) return { problem: 'wrong-prefix' }
  if (!PERSONAL_TOKEN.test(token)) return { problem: 'malformed' }
  return { token }
}

export const TOKEN_INPUT_MESSAGES: Record<TokenInputProblem, string> = {
  empty: 'Paste a personal API token to sign in.',
  'wrong-prefix':
    'Personal API tokens start with “ot_pat_”. Check that you copied the whole token.',
  malformed:
    'This does not look like a complete personal API token (ot_pat_…_…). Check for missing characters or spaces.',
}
