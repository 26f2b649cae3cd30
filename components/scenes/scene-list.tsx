"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteSceneAction, duplicateSceneAction, renameSceneAction } from "@/app/(app)/scenes/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { fromAction, useSubmit } from "@/lib/client/use-submit";
import type { ActionResult } from "@/lib/action-result";

type SceneSummary = { id: string; name: string; productName: string; thumbnailUrl: string | null; updatedAt: string };

export function SceneList({ scenes, canEdit }: { scenes: SceneSummary[]; canEdit: boolean }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="scene-list">
      {scenes.map((s) => (
        <SceneCard key={s.id} scene={s} canEdit={canEdit} />
      ))}
    </ul>
  );
}

function SceneCard({ scene, canEdit }: { scene: SceneSummary; canEdit: boolean }) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const submit = useSubmit();
  const busy = submit.pendingKey;
  const error = submit.error ? (submit.error.fields?.name ?? submit.error.message) : null;

  async function run<T>(label: string, action: () => Promise<ActionResult<T>>) {
    const result = await submit.run(async () => fromAction(await action()), { key: label });
    if (result.ok) router.refresh();
    return result.ok;
  }

  return (
    <li className="flex flex-col rounded-2xl border border-line bg-white p-4 shadow-card" data-testid="scene-card">
      <Link
        href={`/scenes/${scene.id}`}
        tabIndex={-1}
        aria-hidden="true"
        className="mb-3 flex aspect-[4/3] items-center justify-center overflow-hidden rounded-xl bg-gradient-to-b from-canvas-sunken to-line text-xs text-ink-muted"
      >
        {scene.thumbnailUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- workspace-scoped image route
          <img src={scene.thumbnailUrl} alt="" className="h-full w-full object-contain" loading="lazy" />
        ) : (
          scene.productName
        )}
      </Link>
      {renaming ? (
        <form
          className="flex gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            const name = String(new FormData(e.currentTarget).get("name") ?? "");
            if (await run("rename", () => renameSceneAction({ id: scene.id, name }))) setRenaming(false);
          }}
        >
          <label className="sr-only" htmlFor={`rename-${scene.id}`}>
            Scene name
          </label>
          <input
            id={`rename-${scene.id}`}
            name="name"
            defaultValue={scene.name}
            autoFocus
            maxLength={120}
            className="min-w-0 flex-1 rounded-lg border border-line-strong px-2 py-1 text-sm"
          />
          <Button type="submit" className="px-3 py-1" pending={busy === "rename"}>
            Save
          </Button>
          <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => setRenaming(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <Link href={`/scenes/${scene.id}`} className="font-medium text-ink hover:text-accent">
          {scene.name}
        </Link>
      )}
      <p className="mt-0.5 text-xs text-ink-muted">
        {scene.productName} · edited {new Date(scene.updatedAt).toLocaleString()}
      </p>
      {error && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      )}
      {canEdit && !renaming && (
        <div className="mt-3 flex flex-wrap gap-1 border-t border-line pt-3">
          <Button variant="ghost" className="px-2 py-1" onClick={() => setRenaming(true)}>
            Rename
          </Button>
          <Button
            variant="ghost"
            className="px-2 py-1"
            pending={busy === "duplicate"}
            onClick={() => run("duplicate", () => duplicateSceneAction({ id: scene.id }))}
          >
            Duplicate
          </Button>
          <Button variant="ghost" className="px-2 py-1 text-danger" onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete “${scene.name}”?`}
        body="The scene and its settings are removed. Renders already made from it stay in Renders."
        confirmLabel="Delete scene"
        pending={busy === "delete"}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          if (await run("delete", () => deleteSceneAction({ id: scene.id }))) setConfirming(false);
        }}
      />
    </li>
  );
}
