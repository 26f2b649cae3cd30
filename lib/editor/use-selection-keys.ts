"use client";
import { useEffect, useRef } from "react";
import { isNudgeKey, type NudgeKey } from "./placement";
import type { TransformMode } from "./use-selection";

/** Keys in these belong to the control (a slider's arrows, a text field's Escape), not to the selection. */
const OWN_KEYS =
  "input, textarea, select, [contenteditable], [role=slider], [role=radio], [role=listbox], [role=dialog]";

const MODE_KEYS: Record<string, TransformMode> = { w: "translate", e: "rotate", r: "scale" };

/**
 * The selection's keyboard: Escape deselects, arrow keys nudge (Shift: further; a held key is one undo
 * step, ended on key-up), W / E / R switch the handles to move / rotate / scale.
 */
export function useSelectionKeys({
  active,
  onNudge,
  onNudgeEnd,
  onEscape,
  onMode,
}: {
  active: boolean;
  onNudge: (key: NudgeKey, big: boolean) => void;
  onNudgeEnd: () => void;
  onEscape: () => void;
  onMode: (mode: TransformMode) => void;
}) {
  const handlers = useRef({ onNudge, onNudgeEnd, onEscape, onMode });
  useEffect(() => {
    handlers.current = { onNudge, onNudgeEnd, onEscape, onMode };
  });
  useEffect(() => {
    if (!active) return;
    const owned = (event: KeyboardEvent) =>
      event.defaultPrevented || (event.target instanceof Element && !!event.target.closest(OWN_KEYS));
    const onKeyDown = (event: KeyboardEvent) => {
      if (owned(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "Escape") return handlers.current.onEscape();
      if (isNudgeKey(event.key)) {
        event.preventDefault(); // no page scroll
        return handlers.current.onNudge(event.key, event.shiftKey);
      }
      const mode = MODE_KEYS[event.key.toLowerCase()];
      if (mode) handlers.current.onMode(mode);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (isNudgeKey(event.key)) handlers.current.onNudgeEnd();
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("keyup", onKeyUp);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("keyup", onKeyUp);
    };
  }, [active]);
}
