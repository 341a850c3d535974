/** Text as a person tells it apart from other text: trimmed, runs of spaces as one, case ignored. */
export function looseText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase()
}
