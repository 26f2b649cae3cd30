"use client";

import { useEffect, type RefObject } from "react";

const FOCUSABLE = "a[href], button:not([disabled]), input, textarea, select, video[controls], iframe, [tabindex='0']";

/** Tab and Shift+Tab go round the dialog's own controls, never to the page behind it. */
function keepFocusIn(dialog: HTMLElement, e: KeyboardEvent) {
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  const inside = dialog.contains(document.activeElement);
  if (e.shiftKey && (!inside || document.activeElement === first || document.activeElement === dialog)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (!inside || document.activeElement === last)) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A full-screen viewer's keys: Esc closes, ← and → go to the previous and next item, Tab stays in the dialog. Keys
 * typed into a field, or pressed on an element that uses arrows itself (a pin being placed, marked data-own-keys),
 * are left alone.
 */
export function useLightboxKeys(
  dialog: RefObject<HTMLElement | null>,
  index: number,
  count: number,
  onIndex: (i: number) => void,
  onClose: () => void,
) {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === "Tab" && dialog.current) return keepFocusIn(dialog.current, e);
      const target = e.target as HTMLElement | null;
      const busy = target?.closest("input, textarea, select, [data-own-keys]");
      if (e.key === "Escape") onClose();
      else if (busy) return;
      else if (e.key === "ArrowRight") onIndex((index + 1) % count);
      else if (e.key === "ArrowLeft") onIndex((index - 1 + count) % count);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dialog, index, count, onIndex, onClose]);
}
