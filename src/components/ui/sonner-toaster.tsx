import { Toaster, toast } from 'sonner'
import './sonner-toaster.css'

/** The toast region, loaded by ./toaster.tsx when it is first wanted. */
export function SonnerToaster() {
  return <Toaster position="bottom-right" theme="system" closeButton richColors />
}

export { toast as sonnerToast }
