import { inSecretForm, PERSONAL_TOKEN_PREFIX, personalTokensIn } from './token-format'

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
 * What a paste may bring before a token: a variable's name and `=` or `:` (`OT_API_TOKEN=`,
 * `Authorization:`, a JSON key), a quote, the `Bearer` scheme.
 */
const BEFORE_TOKEN = /^(?:export\s+)?(?:["']?[\w-]+["']?\s*[=:]\s*)?["'`‘“]?(?:bearer\s+)?$/i
/** And after it: a closing quote, then a full stop, a comma or a semicolon. */
const AFTER_TOKEN = /^["'`’”]?[.,;]?$/

/**
 * The token in a pasted value, without what a paste adds around it (white space, quotes, `Bearer`,
 * `OT_API_TOKEN=`, a full stop) or inside it (invisible format characters); throws a
 * TokenFormatError for anything else, so a typo gets a clear message and costs no request.
 */
export function parseTokenInput(raw: string): string {
  const text = inSecretForm(raw).trim()
  if (text === '') throw new TokenFormatError('empty')
  const [token, ...others] = personalTokensIn(text)
  if (token !== undefined && others.length === 0) {
    const at = text.indexOf(token)
    if (BEFORE_TOKEN.test(text.slice(0, at)) && AFTER_TOKEN.test(text.slice(at + token.length))) {
      return token
    }
  }
  throw new TokenFormatError(text.includes(PERSONAL_TOKEN_PREFIX) ? 'malformed' : 'wrong-prefix')
}
