"use client";
import { useCallback, useMemo, useState } from "react";
import type { SceneDocument } from "@/lib/scene";
import { SceneEditor, type SceneEditorProps } from "../scene-editor";
import { HistoryShellContext } from "./history-context";

/**
 * The scene editor, restartable: a restore hands back the scene's new document and revision, and the editor is
 * mounted again from them (a new key). Its undo history starts empty (undoing into the replaced state would only
 * fight the restore; that state is kept as a version instead) and autosave starts from the new revision. The History
 * panel's open state lives here, so it stays open across the restart and shows the restore entry.
 */
export function RestorableSceneEditor(props: SceneEditorProps) {
  const [state, setState] = useState({ scene: props.scene, generation: 0 });
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const onRestored = useCallback((document: SceneDocument, revision: number, text: string) => {
    setNotice(text);
    setState((s) => ({ scene: { ...s.scene, document, revision }, generation: s.generation + 1 }));
  }, []);
  const setPanelOpen = useCallback((next: boolean) => {
    setOpen(next);
    if (!next) setNotice(null);
  }, []);
  const shell = useMemo(
    () => ({ open, setOpen: setPanelOpen, notice, onRestored }),
    [open, setPanelOpen, notice, onRestored],
  );
  return (
    <HistoryShellContext.Provider value={shell}>
      <SceneEditor key={state.generation} {...props} scene={state.scene} />
    </HistoryShellContext.Provider>
  );
}
