import type { NewTokenForm } from './new-token-form'

/** The New token form as it opens: no name, no scope, 30 days. */
export const EMPTY_NEW_TOKEN: NewTokenForm = {
  name: '',
  scopes: new Set(),
  expiry: { kind: 'days', days: 30 },
}

/** Whether closing the form would lose something a person chose or typed. */
export function hasChanges(form: NewTokenForm): boolean {
  const { expiry } = EMPTY_NEW_TOKEN
  return (
    form.name.trim() !== '' ||
    form.scopes.size > 0 ||
    form.expiry.kind !== expiry.kind ||
    (form.expiry.kind === 'days' && expiry.kind === 'days' && form.expiry.days !== expiry.days)
  )
}
