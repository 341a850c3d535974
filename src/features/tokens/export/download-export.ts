import { toast } from '../../../components/ui/toaster'
import { downloadText } from '../../../lib/download-text'
import type { Token } from '../api/token-schema'
import type { TokensSearch } from '../common/search'
import { exportFileName, tokensToCsv, tokensToJson } from './export-tokens'
import { formatTokenCount } from '../common/format-token-count'

/**
 * Downloads `tokens` (the rows in view) as CSV or JSON, metadata only: the API holds no secret to
 * leak, and says which file it saved. Loaded on the first export, so none of it is in the page's
 * first render.
 */
export function downloadExport(
  tokens: readonly Token[],
  { status, q, used, sort, dir }: TokensSearch,
  format: 'csv' | 'json',
): void {
  const at = Date.now()
  const text =
    format === 'csv'
      ? tokensToCsv(tokens, at)
      : tokensToJson(tokens, at, { status, q, used, sort, dir })
  const fileName = exportFileName(at, format)
  downloadText(text, fileName, format === 'csv' ? 'text/csv' : 'application/json')
  toast.success(`Exported ${formatTokenCount(tokens.length)}`, {
    description: `Saved as ${fileName}.`,
  })
}
