import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../lib/http/api-error'
import { buildToken } from '../../../testing/token-fixture'
import { holdsHiddenCharacters } from '../common/hidden-name-characters'
import {
  INITIAL_ROTATION,
  currentStepIndex,
  keptExpiry,
  replacementName,
  replacementRequest,
  rotationReducer,
  runRotationStage,
  sessionTokenIn,
  stoppedAt,
  type RotationStage,
  type RotationState,
} from './rotation'
import { DAY_MS } from '../common/token-state'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'

/**
 * A model of what matters here: which secrets the server accepts, and which one the console
 * signs its requests with. The steps act on it as the real ones act on the API and the session.
 */
function modelRotation(failing: RotationStage | null) {
  const server = { working: new Set(['old-secret']) }
  const console = { secret: 'old-secret' }
  let state: RotationState = INITIAL_ROTATION
  const fail = (stage: RotationStage) => {
    if (stage === failing) throw new ApiError({ status: 503, code: 'UNAVAILABLE', message: 'Down' })
  }
  const steps = {
    create: () => {
      fail('create')
      server.working.add('new-secret')
      return Promise.resolve()
    },
    switchSession: () => {
      fail('switch')
      // Verified before the switch: the console only ever takes a secret the server accepts.
      if (!server.working.has('new-secret')) throw new Error('not verified')
      console.secret = 'new-secret'
      return Promise.resolve()
    },
    revokeOld: () => {
      fail('revoke-old')
      server.working.delete('old-secret')
      return Promise.resolve()
    },
  }
  const run = (stage: RotationStage) =>
    runRotationStage(stage, state, true, steps, (event) => {
      state = rotationReducer(state, event, true)
    })
  return {
    run,
    state: () => state,
    consoleWorks: () => server.working.has(console.secret),
    consoleSecret: () => console.secret,
    working: () => [...server.working].sort(),
    healed: () => {
      failing = null
    },
  }
}

/** The session's flow, driven as the person does: create, then switch, then revoke the old one. */
async function rotateSession(model: ReturnType<typeof modelRotation>) {
  for (const stage of ['create', 'switch', 'revoke-old'] as const) {
    await model.run(stage)
    expect(model.consoleWorks()).toBe(true)
    if (model.state().step === 'failed') return
  }
}

describe('rotating the session’s own token', () => {
  it('switches the console to the replacement, then revokes the old token', async () => {
    const model = modelRotation(null)
    await model.run('create')
    expect(model.state()).toEqual({ step: 'secret' })
    expect(sessionTokenIn(model.state())).toBe('old')
    await rotateSession(model)
    expect(model.state()).toEqual({ step: 'done' })
    expect(model.consoleSecret()).toBe('new-secret')
    expect(model.working()).toEqual(['new-secret'])
    expect(sessionTokenIn(model.state())).toBe('replacement')
  })

  it.each([
    ['create', 'old', ['old-secret']],
    ['switch', 'old', ['new-secret', 'old-secret']],
    ['revoke-old', 'replacement', ['new-secret', 'old-secret']],
  ] as const)(
    'when %s fails, the console keeps a working token (the %s one) and the retry finishes',
    async (stage, holder, working) => {
      const model = modelRotation(stage)
      await rotateSession(model)
      const state = model.state()
      expect(state).toMatchObject({ step: 'failed', stage })
      expect(model.consoleWorks()).toBe(true)
      expect(sessionTokenIn(state)).toBe(holder)
      expect(model.consoleSecret()).toBe(holder === 'old' ? 'old-secret' : 'new-secret')
      expect(model.working()).toEqual(working)
      // Nothing after the failed step can start; the failed step itself can be tried again.
      const later = ['create', 'switch', 'revoke-old'].slice(
        ['create', 'switch', 'revoke-old'].indexOf(stage) + 1,
      ) as RotationStage[]
      for (const next of later) await model.run(next)
      expect(model.state()).toBe(state)

      model.healed()
      await model.run(stage)
      await rotateSession(model)
      expect(model.state()).toEqual({ step: 'done' })
      expect(model.working()).toEqual(['new-secret'])
    },
  )

  it('keeps the error a failed step threw, for its message and request id', async () => {
    const model = modelRotation('switch')
    await rotateSession(model)
    const state = model.state()
    expect(state.step === 'failed' && state.error).toBeInstanceOf(ApiError)
  })
})

describe('rotationReducer', () => {
  it('runs a plain rotation as create, secret, then replaced: the usual dialog revokes', () => {
    let state = rotationReducer(INITIAL_ROTATION, { type: 'run', stage: 'create' }, false)
    expect(state).toEqual({ step: 'running', stage: 'create' })
    state = rotationReducer(state, { type: 'succeeded', stage: 'create' }, false)
    expect(state).toEqual({ step: 'secret' })
    // No switch for a token the console does not use.
    expect(rotationReducer(state, { type: 'run', stage: 'switch' }, false)).toBe(state)
    state = rotationReducer(state, { type: 'secret-saved' }, false)
    expect(state).toEqual({ step: 'replaced' })
    expect(currentStepIndex(state)).toBe(2)
  })

  it('ignores events that do not fit: a second click, a late answer', () => {
    const running: RotationState = { step: 'running', stage: 'create' }
    expect(rotationReducer(running, { type: 'run', stage: 'create' }, true)).toBe(running)
    expect(rotationReducer(running, { type: 'succeeded', stage: 'switch' }, true)).toBe(running)
    const review: RotationState = { step: 'review' }
    expect(rotationReducer(review, { type: 'run', stage: 'revoke-old' }, true)).toBe(review)
    expect(rotationReducer(review, { type: 'failed', stage: 'create', error: 1 }, true)).toBe(
      review,
    )
  })

  it('numbers the step the person is at, a failed one included', () => {
    expect(currentStepIndex({ step: 'review' })).toBe(0)
    expect(currentStepIndex({ step: 'secret' })).toBe(1)
    expect(currentStepIndex({ step: 'failed', stage: 'switch', error: null })).toBe(2)
    expect(currentStepIndex({ step: 'running', stage: 'revoke-old' })).toBe(3)
  })
})

describe('stoppedAt', () => {
  it('says which step stopped, what still works and what to do', () => {
    const names = { old: 'CI deploy', replacement: 'CI deploy (replaces ot_pat_ab12********cd34)' }
    expect(stoppedAt('create', names).description).toBe(
      `Nothing changed: “${bidiIsolate('CI deploy')}” still works. Try again, or close and rotate later.`,
    )
    expect(stoppedAt('switch', names).title).toMatch(/step 3.*still uses the old token/)
    expect(stoppedAt('switch', names).description).toContain('both tokens stay active')
    expect(stoppedAt('revoke-old', names).description).toMatch(
      /^This console now uses “\u2068CI deploy \(replaces .*\)\u2069”\. “\u2068CI deploy\u2069” was not revoked/,
    )
  })
})

describe('the replacement', () => {
  const preview = 'ot_pat_ab12********cd34'

  it('is named after what it replaces, by name and preview', () => {
    expect(replacementName({ name: 'CI deploy', preview })).toBe(`CI deploy (replaces ${preview})`)
  })

  it('leaves out the zero-width characters the API now refuses (D20), and keeps the joiners that draw', () => {
    const named = (name: string) => replacementName({ name, preview })
    expect(named('CI\u200Bdeploy\u2060 \uFEFF')).toBe(`CIdeploy (replaces ${preview})`)
    expect(named('CI\u200Ddeploy\u200C')).toBe(`CIdeploy (replaces ${preview})`)
    expect(named('👩\u200D💻 laptop')).toBe(`👩\u200D💻 laptop (replaces ${preview})`)
    expect(named('می\u200Cخواهم')).toBe(`می\u200Cخواهم (replaces ${preview})`)
    for (const name of ['CI\u200Bdeploy', '💻\u200D', 'a\u200D\u200Db'])
      expect(holdsHiddenCharacters(named(name))).toBe(false)
  })

  it('keeps within 120 code points, counting an emoji as one, and does not grow on re-rotation', () => {
    const long = `${'🚀'.repeat(50)}${'x'.repeat(70)}`
    const name = replacementName({ name: long, preview })
    expect([...name]).toHaveLength(120)
    expect(name).toMatch(/^🚀+x+… \(replaces ot_pat_ab12\*{8}cd34\)$/u)
    const again = replacementName({
      name: `CI deploy (replaces ${preview})`,
      preview: 'ot_pat_zz99********yy88',
    })
    expect(again).toBe('CI deploy (replaces ot_pat_zz99********yy88)')
  })

  it('has the same scopes and the same lifetime, counted from now', () => {
    const now = Date.parse('2026-11-29T10:00:00.000Z')
    const old = buildToken({
      id: 'tok_old',
      name: 'CI deploy',
      preview,
      scopes: ['tokens:read', 'datasets:write', 'datasets:read'],
      createdAt: '2026-10-30T10:00:00.000Z',
      expiresAt: '2026-11-29T10:00:00.000Z',
    })
    expect(keptExpiry(old)).toEqual({ kind: 'lifetime', ms: 30 * DAY_MS })
    expect(replacementRequest(old, keptExpiry(old), now)).toEqual({
      name: `CI deploy (replaces ${preview})`,
      scopes: ['tokens:read', 'datasets:write', 'datasets:read'],
      expiresAt: new Date(now + 30 * DAY_MS).toISOString(),
    })
  })

  it('never expires by default when the old one never did', () => {
    const old = buildToken({ id: 'tok_old', expiresAt: null, scopes: ['tokens:read'] })
    expect(keptExpiry(old)).toEqual({ kind: 'never' })
    expect(replacementRequest(old, keptExpiry(old), Date.now())).not.toHaveProperty('expiresAt')
  })

  it('takes another expiry when one is chosen: days, a date or never', () => {
    const now = Date.parse('2026-11-29T10:00:00.000Z')
    const old = buildToken({ id: 'tok_old', expiresAt: null, scopes: ['tokens:read'] })
    expect(replacementRequest(old, { kind: 'days', days: 7 }, now).expiresAt).toBe(
      new Date(now + 7 * DAY_MS).toISOString(),
    )
    expect(replacementRequest(old, { kind: 'date', date: '2027-01-15' }, now).expiresAt).toBe(
      new Date(2027, 0, 15, 23, 59, 59, 999).toISOString(),
    )
    const kept = buildToken({ id: 'tok_kept', expiresAt: '2027-01-01T00:00:00.000Z' })
    expect(replacementRequest(kept, { kind: 'never' }, now)).not.toHaveProperty('expiresAt')
  })

  it('keeps a day when the old dates cannot be read or run backwards', () => {
    const old = buildToken({
      id: 'tok_old',
      createdAt: '2026-11-29T10:00:00.000Z',
      expiresAt: '2026-11-28T10:00:00.000Z',
    })
    expect(keptExpiry(old)).toEqual({ kind: 'lifetime', ms: DAY_MS })
  })
})
