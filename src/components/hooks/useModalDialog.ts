/**
 * Keeps a native <dialog> shown as a modal while `open` is true: showModal() traps focus and
 * makes Escape close it (the dialog's own `close` event then tells the owner).
 */
import { useEffect, useRef } from 'react';

export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
