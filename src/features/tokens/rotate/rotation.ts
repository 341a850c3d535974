import type { CreateTokenRequest } from '../api/create-api'
import type { Token } from '../api/token-schema'
import { expiryInstant, NAME_MAX, type ExpiryChoice } from '../create/new-token-form'
import { REPLACES_MARKER } from '../common/replaces-marker'
import { DAY_MS } from '../common/token-state'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'
import { withoutHiddenCharacters } from '../common/hidden-name-characters'

/**
 * Rotation is create-then-revoke (the API has no rotate endpoint, docs/api-contract.md D19). For
 * the session's own token the session switches to the replacement in between, so at every point,
 * a failure included, the console holds a token that works.
 */
export type RotationStage = 'create' | 'switch' | 'revoke-old'

export type RotationState =
  /** Nothing sent yet: what will be created. */
  | { step: 'review' }
  | { step: 'running'; stage: RotationStage }
  /** The replacement exists; its secret is on screen, once. */
  | { step: 'secret' }
  /** The secret is put away; both tokens work until the old one is revoked. */
  | { step: 'replaced' }
  /** The session's rotation: the console now uses the replacement; the old token still works. */
  | { step: 'switched' }
  | { step: 'failed'; stage: RotationStage; error: unknown }
  /** The session's rotation: the old token is revoked. */
  | { step: 'done' }

export type RotationEvent =
  | { type: 'run'; stage: RotationStage }
  | { type: 'succeeded'; stage: RotationStage }
  | { type: 'failed'; stage: RotationStage; error: unknown }
  /** The person has seen (and, we hope, copied) the secret. */
  | { type: 'secret-saved' }

export const INITIAL_ROTATION: RotationState = { step: 'review' }

/** Which steps may start from which state: each stage only after the one before it succeeded. */
function canRun(state: RotationState, stage: RotationStage, isSessionToken: boolean): boolean {
  const retrying = state.step === 'failed' && state.stage === stage
  switch (stage) {
    case 'create':
      return state.step === 'review' || retrying
    case 'switch':
      return isSessionToken && (state.step === 'secret' || retrying)
    case 'revoke-old':
      return isSessionToken && (state.step === 'switched' || retrying)
  }
}

/**
 * The rotation’s state machine. `isSessionToken` says whether the token rotated is the console's own:
 * only then are there switch and revoke steps here (otherwise the usual revoke dialog takes over
 * after the secret). An event that does not fit the state is ignored.
 */
export function rotationReducer(
  state: RotationState,
  event: RotationEvent,
  isSessionToken: boolean,
): RotationState {
  switch (event.type) {
    case 'run':
      return canRun(state, event.stage, isSessionToken)
        ? { step: 'running', stage: event.stage }
        : state
    case 'failed':
      return isRunning(state, event.stage)
        ? { step: 'failed', stage: event.stage, error: event.error }
        : state
    case 'secret-saved':
      return state.step === 'secret' && !isSessionToken ? { step: 'replaced' } : state
    case 'succeeded':
      if (!isRunning(state, event.stage)) return state
      return { step: AFTER[event.stage] }
  }
}

/** What each stage does; the rotation flow binds them to the API and the session. */
export interface RotationSteps {
  create: () => Promise<void>
  switchSession: () => Promise<void>
  revokeOld: () => Promise<void>
}

/**
 * Runs one stage if the state allows it (a double click or a stale button does nothing), and
 * reports it to `dispatch`: never throws, a failure becomes the `failed` state.
 */
export async function runRotationStage(
  stage: RotationStage,
  state: RotationState,
  isSessionToken: boolean,
  steps: RotationSteps,
  dispatch: (event: RotationEvent) => void,
): Promise<void> {
  if (!canRun(state, stage, isSessionToken)) return
  dispatch({ type: 'run', stage })
  const step = { create: steps.create, switch: steps.switchSession, 'revoke-old': steps.revokeOld }
  try {
    await step[stage]()
    dispatch({ type: 'succeeded', stage })
  } catch (error) {
    dispatch({ type: 'failed', stage, error })
  }
}

const AFTER = { create: 'secret', switch: 'switched', 'revoke-old': 'done' } as const

function isRunning(state: RotationState, stage: RotationStage): boolean {
  return state.step === 'running' && state.stage === stage
}

/**
 * Which token the console is signed in with in this state of the session's own rotation: the old
 * one until the switch has succeeded, the replacement after. A plain rotation never touches it.
 */
export function sessionTokenIn(state: RotationState): 'old' | 'replacement' {
  const switched =
    state.step === 'switched' ||
    state.step === 'done' ||
    ((state.step === 'running' || state.step === 'failed') && state.stage === 'revoke-old')
  return switched ? 'replacement' : 'old'
}

/** The steps as the person sees them, in order. */
export function rotationSteps(isSessionToken: boolean): string[] {
  return isSessionToken
    ? [
        'Create the replacement',
        'Save its secret',
        'Switch this console to it',
        'Revoke the old token',
      ]
    : ['Create the replacement', 'Save its secret', 'Revoke the old token']
}

/** The index in `rotationSteps` of the step the person is at. */
export function currentStepIndex(state: RotationState): number {
  switch (state.step) {
    case 'review':
      return 0
    case 'secret':
      return 1
    case 'replaced':
      return 2
    case 'switched':
    case 'done':
      return 3
    case 'running':
    case 'failed':
      return { create: 0, switch: 2, 'revoke-old': 3 }[state.stage]
  }
}

/** Where a failed rotation stopped, what still works and what to do: one title, one or two sentences. */
export function stoppedAt(
  stage: RotationStage,
  names: { old: string; replacement: string | null },
): { title: string; description: string } {
  const old = `“${bidiIsolate(names.old)}”`
  const replacement =
    names.replacement === null ? 'The replacement' : `“${bidiIsolate(names.replacement)}”`
  switch (stage) {
    case 'create':
      return {
        title: 'Stopped at step 1: the replacement was not created',
        description: `Nothing changed: ${old} still works. Try again, or close and rotate later.`,
      }
    case 'switch':
      return {
        title: 'Stopped at step 3: this console still uses the old token',
        description: `${old} still works and this console is still signed in with it. ${replacement} exists and works too. Try again, or close: both tokens stay active until you revoke one.`,
      }
    case 'revoke-old':
      return {
        title: 'Stopped at step 4: the old token still works',
        description: `This console now uses ${replacement}. ${old} was not revoked: try again, or revoke it from the list later.`,
      }
  }
}

/**
 * The replacement's name: the old name, then which token it replaces, by its preview (names
 * repeat, previews do not). The old name is cut, with "…", to keep within the API's 120 code
 * points (D20); an earlier rotation's suffix is dropped first, so names do not grow.
 */
export function replacementName(old: Pick<Token, 'name' | 'preview'>): string {
  const suffix = ` (replaces ${old.preview})`
  // Without the zero-width characters the API now refuses (D20), which an older name may hold.
  const base = [...withoutHiddenCharacters(old.name.replace(REPLACES_MARKER, '')).trim()]
  const room = NAME_MAX - [...suffix].length
  const kept = base.length > room ? [...base.slice(0, room - 1), '…'].join('') : base.join('')
  return `${kept}${suffix}`
}

/**
 * The replacement's expiry unless the person picks another: the old token's lifetime counted from
 * now (a token made to last 30 days gets another 30), or never when the old token had no expiry.
 */
export function keptExpiry(old: Pick<Token, 'createdAt' | 'expiresAt'>): ExpiryChoice {
  if (old.expiresAt === null) return { kind: 'never' }
  const lifetime = Date.parse(old.expiresAt) - Date.parse(old.createdAt)
  // An unreadable or backwards date: a day, the least a person could mean; the form would refuse less.
  return { kind: 'lifetime', ms: Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DAY_MS }
}

/**
 * The replacement's request: the same scopes, and the expiry chosen (`keptExpiry` by default);
 * no `expiresAt` for never, or for a date that cannot be read (the dialog refuses to send that).
 */
export function replacementRequest(
  old: Pick<Token, 'name' | 'preview' | 'scopes'>,
  expiry: ExpiryChoice,
  now: number,
): CreateTokenRequest {
  const request: CreateTokenRequest = { name: replacementName(old), scopes: [...old.scopes] }
  const end = expiryInstant(expiry, now)
  return end ? { ...request, expiresAt: end.toISOString() } : request
}
