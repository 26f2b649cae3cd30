"use client";
import { useCallback, useMemo, useState } from "react";
import type { SceneDocument } from "../scene";
import { existing, sameRef, type ObjectRef } from "./selection";

export type TransformMode = "translate" | "rotate" | "scale";

/**
 * The editor's selection and handle mode: session state, never part of the document. Refs to objects that
 * no longer exist (undo removed a prop) drop out on their own. The last selected object is the primary
 * one: the handles sit on it.
 */
export function useSelection(doc: SceneDocument) {
  const [refs, setRefs] = useState<ObjectRef[]>([]);
  const [mode, setMode] = useState<TransformMode>("translate");
  const selected = useMemo(() => existing(doc, refs), [doc, refs]);

  /** Click: select only this; Shift-click: add or remove it. null clears (unless additive). */
  const select = useCallback((ref: ObjectRef | null, additive = false) => {
    setRefs((current) => {
      if (!ref) return additive ? current : [];
      if (!additive) return [ref];
      return current.some((r) => sameRef(r, ref)) ? current.filter((r) => !sameRef(r, ref)) : [...current, ref];
    });
  }, []);
  const clear = useCallback(() => setRefs([]), []);

  return useMemo(
    () => ({ selected, primary: selected[selected.length - 1] ?? null, select, clear, mode, setMode }),
    [selected, select, clear, mode],
  );
}

export type SelectionApi = ReturnType<typeof useSelection>;
