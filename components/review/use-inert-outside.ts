"use client";

import { useEffect, type RefObject } from "react";

/**
 * While a full-screen dialog that lives inside the page's tree is open, everything outside it is made `inert`:
 * screen readers' virtual cursor and clicks cannot reach the page behind, not only the Tab key (which
 * useLightboxKeys keeps inside). Restored on close, leaving alone what was inert before.
 */
export function useInertOutside(dialog: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const changed: HTMLElement[] = [];
    for (let node = dialog.current; node && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement?.children ?? []) {
        if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert) continue;
        if (sibling.tagName === "SCRIPT" || sibling.tagName === "STYLE") continue;
        sibling.inert = true;
        changed.push(sibling);
      }
    }
    return () => changed.forEach((el) => (el.inert = false));
  }, [dialog]);
}
