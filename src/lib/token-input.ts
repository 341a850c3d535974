import { PERSONAL_TOKEN, PERSONAL_TOKEN_PREFIX } from './token-format'

/*
 * Sign-in's check of a pasted token, apart from token-format.ts so that its messages load with the
 * sign-in page, not with every page's first render.
 */

export type TokenInputProblem = 'empty' | 'wrong-prefix' | 'malformed'

const TOKEN_INPUT_MESSAGES: Record<TokenInputProblem, string> = {
  empty: 'Paste a personal API token to sign in.',
  'wrong-prefix':
    'Personal API tokens start with “ot_pat_”. Check that you copied the whole token.',
  malformed:
    'This does not look like a complete personal API token (ot_pat_…_…). Check for missing characters or spaces.',
}

/** A pasted value that cannot be a personal API token; its message says what to fix. */
export class TokenFormatError extends Error {
  override readonly name = 'TokenFormatError'
  readonly problem: TokenInputProblem

  constructor(problem: TokenInputProblem) {
    super(TOKEN_INPUT_MESSAGES[problem])
    this.problem = problem
  }
}

/**
 * The token in a pasted value, trimmed of what a paste adds; throws a TokenFormatError for a
 * value that cannot be one, so typos get a clear message and cost no request.
 */
export function parseTokenInput(raw: string): string {
  const token = raw.trim()
  if (token === '') throw new TokenFormatError('empty')
  if (!token.startsWith(PERSONAL_TOKEN_PREFIX)) throw new TokenFormatError('wrong-prefix')
  if (!PERSONAL_TOKEN.test(token)) throw new TokenFormatError('malformed')
  return token
}
