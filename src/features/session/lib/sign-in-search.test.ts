import { describe, expect, it } from 'vitest'
import { safeRedirectPath, validateSignInSearch } from './sign-in-search'

describe('safeRedirectPath', () => {
  it('keeps in-app paths with their search', () => {
    expect(safeRedirectPath('/tokens?status=stale')).toBe('/tokens?status=stale')
  })

  it.each([
    undefined,
    '',
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/sign-in?redirect=/x',
  ])('sends %j to /tokens', (redirect) => {
    expect(safeRedirectPath(redirect)).toBe('/tokens')
  })
})

describe('validateSignInSearch', () => {
  it('drops a redirect that is not a string', () => {
    expect(
      validateSignInSearch({ redirect: 42 } as unknown as Parameters<
        typeof validateSignInSearch
      >[0]),
    ).toEqual({
      redirect: undefined,
    })
  })
})
