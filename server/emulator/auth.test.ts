import { describe, expect, it } from 'vitest'
import { parseBearer } from './auth.ts'

describe('parseBearer', () => {
  it.each([
    ['Bearer ot_pat_abc', 'ot_pat_abc'],
    ['bearer ot_pat_abc', 'ot_pat_abc'],
    ['BEARER   ot_pat_abc  ', 'ot_pat_abc'],
    ['BeArEr\tot_pat_abc', 'ot_pat_abc'],
  ])('reads %j', (header, token) => {
    expect(parseBearer(header)).toBe(token)
  })

  it.each([
    null,
    undefined,
    '',
    'Bearer',
    'Bearer ',
    'Basic b3RfcGF0',
    'ot_pat_abc',
    'Bearer a b',
    'Bearerot_pat_abc',
  ])('rejects %j', (header) => {
    expect(parseBearer(header)).toBeNull()
  })
})
