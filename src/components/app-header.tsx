import type { ReactNode } from 'react'
import './app-header.css'

export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="app-header">
      <span className="app-header__brand">
        <span className="app-header__mark" aria-hidden="true">
          ◆
        </span>
        Token console
      </span>
      <div className="app-header__end">{children}</div>
    </header>
  )
}
