"use client";

import { useEffect, useRef } from "react";

/** Keeps a native <dialog> in step with `open`, as a modal (focus trapped, Escape handled by the dialog). */
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
