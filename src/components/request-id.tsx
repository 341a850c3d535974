import { CopyButton } from './copy-button'

/** The id to quote to OpenTrain support, with a Copy button. */
export function RequestId({ id }: { id: string }) {
  return (
    <p className="request-id">
      Request ID <code>{id}</code>
      <CopyButton value={id} label="Copy the request ID" />
    </p>
  )
}
