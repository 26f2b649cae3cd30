"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { AutosaveStatus } from "@/lib/editor/autosave";
import { Button } from "@/components/ui/button";
import type { EditorProduct } from "../editor-context";
import { useHistoryShell } from "./history-context";

// The panel (list, thumbnails, its own preview canvas) loads on first open: the editor route's JS is over budget.
const HistoryPanel = dynamic(() => import("./history-panel").then((m) => m.HistoryPanel), { ssr: false });

export type HistoryButtonProps = {
  sceneId: string;
  canEdit: boolean;
  /** The editor's autosave state and the newest revision it confirmed. */
  status: AutosaveStatus;
  revision: number;
  products: Record<string, EditorProduct>;
};

/** Editor toolbar: opens the scene's version history (list, preview, save a named version, restore). */
export function HistoryButton(props: HistoryButtonProps) {
  const shell = useHistoryShell();
  const [localOpen, setLocalOpen] = useState(false);
  const open = shell ? shell.open : localOpen;
  const setOpen = shell ? shell.setOpen : setLocalOpen;
  return (
    <>
      <Button
        variant="secondary"
        className="py-1.5"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="open-history"
      >
        History
      </Button>
      {open && <HistoryPanel {...props} onClose={() => setOpen(false)} />}
    </>
  );
}
