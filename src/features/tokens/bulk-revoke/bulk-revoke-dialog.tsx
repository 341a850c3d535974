import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { AlertDialog, AlertDialogCancel } from '../../../components/ui/alert-dialog'
import { Button } from '../../../components/ui/button'
import { useNow } from '../../../lib/time/use-now'
import type { Token } from '../api/token-schema'
import { planBulkRevoke } from './bulk-plan'
import { BulkPlanForm } from './bulk-plan-form'
import { runBulkRevoke, type BulkRevokeResult } from './bulk-revoke-runner'
import { useRevokeToken } from '../revoke/use-revoke'
import { formatTokenCount } from '../common/format-token-count'
import { BulkRevokeResults } from './bulk-revoke-results'
import { useFocusReturn } from '../common/use-focus-return'
import './bulk-revoke-dialog.css'

export interface BulkRevokeDialogProps {
  open: boolean
  /** The selected tokens, as they were when "Revoke selected" was pressed. */
  tokens: readonly Token[]
  sessionTokenId: string | null
  onClose: () => void
  /** A revoke is sent (its row shows revoked at once). */
  onStart: (id: string) => void
  /** The selection's bar: focus goes there when "Revoke selected" is gone (nothing selected). */
  barRef: RefObject<HTMLElement | null>
  /** Another flow revoking through this dialog (the access review): its words, and the results. */
  apply?: BulkRevokeApply
}

/** How the access review applies its decisions here: the same queue, plan and results. */
export interface BulkRevokeApply {
  title: string
  description: string
  /** Above the plan's facts: what else is decided. */
  summary: ReactNode
  confirmLabel: string
  resultsTitle: string
  /** Confirmed, before the first revoke is sent; with none to revoke, the dialog then closes. */
  onConfirm: (targets: readonly Token[]) => void
  /** Each token's result, as it comes (retries included). */
  onResult: (result: BulkRevokeResult) => void
}

type Phase =
  | { kind: 'plan' }
  | { kind: 'running'; done: number; total: number; pausedFor: number | null }
  | { kind: 'results' }

/**
 * "Revoke selected": a pre-flight summary (counts, recent use, write scopes, the session's own token
 * left out unless typed in), then the revokes (at most 4 at once, each optimistic like a single
 * one) with progress, then each token's result and a retry of the failed ones.
 */
export function BulkRevokeDialog({
  open,
  tokens,
  sessionTokenId,
  onClose,
  onStart,
  barRef,
  apply,
}: BulkRevokeDialogProps) {
  const revokeToken = useRevokeToken()
  const [phase, setPhase] = useState<Phase>({ kind: 'plan' })
  const [results, setResults] = useState<ReadonlyMap<string, BulkRevokeResult>>(() => new Map())
  const stop = useRef<AbortController | null>(null)
  const [stopping, setStopping] = useState(false)
  // Revoking the session's own token signs this console out: left out unless asked for.
  const [includeSession, setIncludeSession] = useState(false)
  // The page's clock: this dialog stays mounted between opens, so a time read once would age.
  const now = useNow()
  const plan = planBulkRevoke(tokens, sessionTokenId, includeSession, now)
  // The button that was pressed is gone with its phase: focus goes to the new phase's action
  // (Stop while running, Close with the results), never to the page's body.
  const phaseAction = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (phase.kind !== 'plan') phaseAction.current?.focus()
  }, [phase.kind])
  const restoreFocus = useFocusReturn(open)
  // Asked to type the count, the person starts in that field (a space must not press Cancel).
  const countField = useRef<HTMLInputElement>(null)

  async function run(targets: readonly Token[]) {
    const controller = new AbortController()
    stop.current = controller
    setStopping(false)
    setPhase({ kind: 'running', done: 0, total: targets.length, pausedFor: null })
    const session = targets.find((token) => token.id === sessionTokenId)
    await runBulkRevoke({
      ids: targets.map((token) => token.id),
      last: new Set(session ? [session.id] : []),
      revoke: revokeToken,
      signal: controller.signal,
      onStart,
      onResult: (result) => {
        apply?.onResult(result)
        setResults((current) => new Map(current).set(result.id, result))
        setPhase((current) =>
          current.kind === 'running' ? { ...current, done: current.done + 1 } : current,
        )
      },
      onPause: (seconds) =>
        setPhase((current) =>
          current.kind === 'running' ? { ...current, pausedFor: seconds } : current,
        ),
    })
    stop.current = null
    setPhase({ kind: 'results' })
  }

  function requestClose() {
    if (phase.kind === 'running') return // Stop first: the answers still matter
    setPhase({ kind: 'plan' })
    setResults(new Map())
    setIncludeSession(false)
    onClose()
  }

  // What a second run can still do: retry the failures, send what Stop (or a failure) held back.
  const unfinished = tokens.filter((token) => {
    const kind = results.get(token.id)?.kind
    return kind === 'failed' || kind === 'cancelled'
  })
  // Fewer than were selected: the session's own token is left out, and the title says so.
  const leftOut = tokens.length - plan.tokens.length
  const title =
    phase.kind === 'plan' && apply
      ? apply.title
      : phase.kind === 'plan'
        ? leftOut > 0
          ? `Revoke ${plan.tokens.length} of ${tokens.length} selected ${tokens.length === 1 ? 'token' : 'tokens'}?`
          : `Revoke ${formatTokenCount(plan.tokens.length)}?`
        : phase.kind === 'running'
          ? `Revoking ${formatTokenCount(phase.total)}…`
          : (apply?.resultsTitle ?? 'Revoke selected: results')
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) requestClose()
      }}
      title={title}
      initialFocus={countField}
      description={
        phase.kind === 'plan' && apply
          ? apply.description
          : phase.kind === 'plan'
            ? `${leftOut > 0 ? 'Left out: the token this console is signed in with (see below). ' : ''}Anything using these tokens stops working immediately. This cannot be undone.`
            : 'Each token is revoked on its own: one failing does not stop the others.'
      }
      onCloseAutoFocus={(event) => {
        restoreFocus(event, { tokenId: null, before: 'opener' })
        if (document.activeElement === document.body) {
          const fallback =
            barRef.current?.querySelector('button') ??
            document.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]')
          fallback?.focus()
        }
      }}
    >
      {phase.kind === 'plan' && apply?.summary}
      {phase.kind === 'plan' && (
        <BulkPlanForm
          plan={plan}
          includeSession={includeSession}
          onIncludeSession={setIncludeSession}
          countField={countField}
          confirmLabel={apply?.confirmLabel}
          onConfirm={(targets) => {
            apply?.onConfirm(targets)
            if (apply && targets.length === 0) requestClose()
            else void run(targets)
          }}
        />
      )}
      {phase.kind === 'running' && (
        <div className="bulk-progress">
          <progress max={phase.total} value={phase.done} aria-label="Revoked so far" />
          <p role="status">
            {phase.pausedFor !== null
              ? `OpenTrain asked to slow down: waiting ${phase.pausedFor} s, then going on (${phase.done} of ${phase.total} done).`
              : `${phase.done} of ${phase.total} done.`}
          </p>
          <div className="dialog__actions">
            <Button
              ref={phaseAction}
              variant="secondary"
              aria-disabled={stopping || undefined}
              onClick={() => {
                setStopping(true)
                stop.current?.abort()
              }}
            >
              {stopping ? 'Stopping after the revokes in flight…' : 'Stop'}
            </Button>
          </div>
        </div>
      )}
      {phase.kind === 'results' && (
        <>
          <BulkRevokeResults tokens={tokens} results={results} />
          <div className="dialog__actions">
            <AlertDialogCancel ref={phaseAction}>Close</AlertDialogCancel>
            {unfinished.length > 0 && (
              <Button variant="danger" onClick={() => void run(unfinished)}>
                {againLabel(unfinished, results)}
              </Button>
            )}
          </div>
        </>
      )}
    </AlertDialog>
  )
}

/** "Retry 2 failed", "Send 3 not sent", or both in one button: one run takes them all. */
function againLabel(
  tokens: readonly Token[],
  results: ReadonlyMap<string, BulkRevokeResult>,
): string {
  const failed = tokens.filter((token) => results.get(token.id)?.kind === 'failed').length
  const notSent = tokens.length - failed
  if (notSent === 0) return `Retry ${failed} failed`
  if (failed === 0) return `Send ${notSent} not sent`
  return `Retry ${failed} failed and send ${notSent} not sent`
}
