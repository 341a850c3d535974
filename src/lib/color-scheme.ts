/**
 * Radix Colors' dark scales apply under a `.dark` class; follow `prefers-color-scheme` with it,
 * live, so the console matches the system theme without a toggle.
 */
export function followColorScheme(root: HTMLElement): void {
  const query = window.matchMedia('(prefers-color-scheme: dark)')
  const apply = () => {
    root.classList.toggle('dark', query.matches)
    root.style.colorScheme = query.matches ? 'dark' : 'light'
  }
  apply()
  query.addEventListener('change', apply)
}
