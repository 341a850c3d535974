import { lazyModule, preload, useLazyModule } from '../../lib/lazy-module'

/**
 * sonner is not part of the first render. A page that may show toasts preloads it once it is on
 * screen (`preloadToasts`), and the region appears then; a toast asked for before that waits for
 * the code and is shown as soon as it is there.
 */
const sonner = lazyModule(() =>
  import('./sonner-toaster').then(({ SonnerToaster, sonnerToast }) => ({
    SonnerToaster,
    sonnerToast,
  })),
)

/** One toast region for the app; sonner renders it as a labelled live region. */
export function Toaster() {
  const loaded = useLazyModule(sonner)
  return loaded ? <loaded.SonnerToaster /> : null
}

export function preloadToasts(): void {
  preload(sonner)
}

interface ToastOptions {
  description: string
}

type ToastKind = 'success' | 'warning' | 'error'

function show(kind: ToastKind, title: string, options: ToastOptions): void {
  sonner.load().then(
    ({ sonnerToast }) => void sonnerToast[kind](title, options),
    () => {}, // the code could not be fetched: callers also announce outcomes in the page
  )
}

/** sonner's `toast`, for the kinds this console shows. */
export const toast = {
  success: (title: string, options: ToastOptions) => show('success', title, options),
  warning: (title: string, options: ToastOptions) => show('warning', title, options),
  error: (title: string, options: ToastOptions) => show('error', title, options),
}
