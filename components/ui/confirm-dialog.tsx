"use client";

import { useModalDialog } from "./use-modal-dialog";
import { Button } from "./button";

type Props = {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A native <dialog>: focus is trapped and Escape cancels, as keyboard users expect. */
export function ConfirmDialog({ open, title, body, confirmLabel, pending, onConfirm, onCancel }: Props) {
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      aria-labelledby="confirm-title"
      className="w-full max-w-sm rounded-2xl border border-line p-6 shadow-xl backdrop:bg-black/30"
    >
      <h2 id="confirm-title" className="text-base font-semibold">
        {title}
      </h2>
      <p className="mt-2 text-sm text-ink-soft">{body}</p>
      <div className="mt-6 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" pending={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
