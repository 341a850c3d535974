// @ts-check
// npm run bench's baseline page: what the all-tokens view costs with no framework at all. It makes
// the console's request, in the same session (the serve command's cookie), and writes every token
// as a row of one plain table with a single innerHTML assignment. Rows carry `data-token-id`, as
// the console's do, so the bench detects the first row the same way on both pages.
/** @param {string} value */
function escapeHtml(value) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** @typedef {import('../../../server/emulator/wire-types.ts').WireToken} WireToken */

const COLUMNS = ['Name', 'Preview', 'Scopes', 'Status', 'Created', 'Last used', 'Expires']
const HEAD = `<thead><tr>${COLUMNS.map((label) => `<th scope="col">${label}</th>`).join('')}</tr></thead>`

/** @param {WireToken} token */
function row(token) {
  const cells = [
    token.preview,
    token.scopes.join(', '),
    token.status,
    token.createdAt,
    token.lastUsedAt ?? 'never',
    token.expiresAt ?? 'never',
  ].map((cell) => `<td>${escapeHtml(cell)}</td>`)
  const name = `<th scope="row">${escapeHtml(token.name)}</th>`
  return `<tr data-token-id="${escapeHtml(token.id)}">${name}${cells.join('')}</tr>`
}

async function main() {
  const status = document.getElementById('status')
  const rows = document.getElementById('rows')
  if (status === null || rows === null) return
  // Signed by the serve command from the session cookie, as the console's requests are.
  const response = await fetch('/api/public/v1/tokens', { headers: { Accept: 'application/json' } })
  if (!response.ok) {
    status.textContent = `GET /tokens answered ${response.status}`
    return
  }
  /** @type {unknown} */
  const body = await response.json()
  const { tokens } = /** @type {{ tokens: WireToken[] }} */ (body)
  status.textContent = `${tokens.length} tokens`
  rows.innerHTML = `<table>${HEAD}<tbody>${tokens.map(row).join('')}</tbody></table>`
}

void main()
