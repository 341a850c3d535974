import { Toaster as SonnerToaster } from 'sonner'

/** One toast region for the app; sonner renders it as a labelled live region. */
export function Toaster() {
  return <SonnerToaster position="bottom-right" theme="system" closeButton richColors />
}
