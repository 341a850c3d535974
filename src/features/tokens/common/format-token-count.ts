/** "1 token", "25 tokens". */
export function formatTokenCount(count: number): string {
  return `${count} ${count === 1 ? 'token' : 'tokens'}`
}
