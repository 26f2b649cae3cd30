"use client";

import { useEffect } from "react";

/**
 * A full-screen viewer's keys: Esc closes, ← and → go to the previous and next item. Keys typed into a field, or
 * pressed on an element that uses arrows itself (a pin being placed, marked data-own-keys), are left alone.
 */
export function useLightboxKeys(index: number, count: number, onIndex: (i: number) => void, onClose: () => void) {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      const busy = target?.closest("input, textarea, select, [data-own-keys]");
      if (e.key === "Escape") onClose();
      else if (busy) return;
      else if (e.key === "ArrowRight") onIndex((index + 1) % count);
      else if (e.key === "ArrowLeft") onIndex((index - 1 + count) % count);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [index, count, onIndex, onClose]);
}
