"use client";
import { createContext, useContext } from "react";
import type { SceneDocument } from "@/lib/scene";

/** What the History panel needs from outside the editor: restoring starts the editor again from the restored scene. */
export type HistoryShell = {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** A sentence for the panel after the editor restarted (a restore). */
  notice: string | null;
  onRestored: (document: SceneDocument, revision: number, notice: string) => void;
};

export const HistoryShellContext = createContext<HistoryShell | null>(null);

export function useHistoryShell(): HistoryShell | null {
  return useContext(HistoryShellContext);
}
