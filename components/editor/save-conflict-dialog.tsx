"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { SceneDocument } from "@/lib/scene";

type Props = { open: boolean; message: string | null; sceneId: string; document: SceneDocument };

/**
 * Shown when a save was refused as stale (409: the scene was saved elsewhere since this tab loaded it).
 * Autosave has stopped; the document in this tab is still in memory, so either choice loses nothing:
 * reload shows the other version, "keep mine" stores this tab's document as a new scene and opens it.
 */
export function SaveConflictDialog({ open, message, sceneId, document }: Props) {
  const ref = useModalDialog(open);
  const [copying, setCopying] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function keepAsCopy() {
    setCopying(true);
    setError(null);
    try {
      const res = await fetch(`/api/scenes/${encodeURIComponent(sceneId)}/copy`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ document }),
        credentials: "same-origin",
      });
      const body = (await res.json().catch(() => null)) as { id?: string; error?: { message?: string } } | null;
      if (!res.ok || !body?.id) throw new Error(body?.error?.message ?? `Server error (${res.status})`);
      // A full navigation: the editor starts fresh on the new scene with its own revision.
      window.location.assign(`/scenes/${encodeURIComponent(body.id)}`);
    } catch (e) {
      setError(
        e instanceof Error && e.message !== "Failed to fetch" ? e.message : "You seem to be offline. Try again.",
      );
      setCopying(false);
    }
  }

  return (
    <dialog
      ref={ref}
      data-testid="save-conflict"
      // No way out but the two choices: closing it would leave an editor that silently saves nothing.
      onCancel={(e) => e.preventDefault()}
      aria-labelledby="save-conflict-title"
      aria-describedby="save-conflict-body"
      className="w-full max-w-md rounded-2xl border border-line p-6 shadow-xl backdrop:bg-black/30"
    >
      <h2 id="save-conflict-title" className="text-base font-semibold">
        This scene was changed elsewhere
      </h2>
      <p id="save-conflict-body" className="mt-2 text-sm text-ink-soft">
        {message ?? "Someone saved this scene since you opened it."} Your version is still here: keep it as a copy, or
        reload to see the latest version (your changes in this tab are then dropped).
      </p>
      {error && (
        <div className="mt-4">
          <Alert tone="error">Couldn&apos;t keep your copy: {error}</Alert>
        </div>
      )}
      <div className="mt-6 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => window.location.reload()} disabled={copying}>
          Reload the latest version
        </Button>
        <Button onClick={keepAsCopy} pending={copying} autoFocus>
          Keep mine as a copy
        </Button>
      </div>
    </dialog>
  );
}
