"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { AlbumSummary } from "@/lib/albums/album-service";
import type { ReviewStateOf } from "@/lib/albums/review-states";
import { api, fetchJson } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import type { RenderListItem } from "@/lib/renders/render-service";

const NEW = "__new__";

/**
 * On each export of the Renders page: its review state ("2 of 4 approved") and "Add to album": choose the outputs,
 * then an album (or a new one).
 */
export function BatchAlbumTools({
  batch,
  reviewStates,
}: {
  batch: RenderListItem;
  /** Review states of the page's outputs, fetched once for every card (useReviewStates). */
  reviewStates: Record<string, ReviewStateOf> | undefined;
}) {
  const done = batch.outputs.filter((o) => o.status === "done");
  const [open, setOpen] = useState(false);
  if (done.length === 0) return null;
  const states = done.map((o) => reviewStates?.[o.id]).filter((s): s is ReviewStateOf => Boolean(s));
  const approved = states.filter((s) => s.state === "approved").length;
  const changes = states.filter((s) => s.state === "changes_requested").length;
  return (
    <div className="mt-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {states.length > 0 && (
          <span className="text-ink-soft" data-testid="batch-review-summary">
            {approved} of {done.length} approved{changes ? `, ${changes} with changes requested` : ""}
          </span>
        )}
        <Button variant="secondary" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
          Add to album
        </Button>
      </div>
      {open && <AddToAlbumForm outputs={done} onDone={() => setOpen(false)} />}
    </div>
  );
}

function AddToAlbumForm({ outputs, onDone }: { outputs: RenderListItem["outputs"]; onDone: () => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const albums = useQuery({ queryKey: ["albums"], queryFn: () => fetchJson<AlbumSummary[]>("/api/albums") });
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(outputs.map((o) => o.id)));
  const [albumId, setAlbumId] = useState<string>("");
  const [title, setTitle] = useState("");
  const [added, setAdded] = useState<{ id: string; title: string } | null>(null);
  const { pending, error, run } = useSubmit();
  const target = albumId || (albums.data?.[0]?.id ?? NEW);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const result = await run(async () => {
      let album = albums.data?.find((a) => a.id === target);
      if (target === NEW) {
        const created = await api.post<AlbumSummary>(
          "/api/albums",
          { title },
          { fallback: "Could not create the album." },
        );
        if (!created.ok) return created;
        album = created.data;
      }
      const res = await api.post<AlbumSummary>(
        `/api/albums/${album!.id}/items`,
        { outputIds: [...chosen] },
        { fallback: "Could not add to the album." },
      );
      return res.ok ? { ok: true as const, data: album! } : res;
    });
    if (!result.ok) return;
    setAdded({ id: result.data.id, title: result.data.title });
    await queryClient.invalidateQueries({ queryKey: ["albums"] });
  }

  if (added) {
    return (
      <p role="status" className="mt-3 text-sm">
        Added to{" "}
        <Link href={`/albums/${added.id}`} className="font-medium text-accent-ink underline">
          {added.title}
        </Link>
        .{" "}
        <button type="button" className="underline" onClick={onDone}>
          Close
        </button>
      </p>
    );
  }
  return (
    <form
      onSubmit={submit}
      className="mt-3 space-y-3 rounded-xl border border-line bg-canvas-sunken p-3 text-sm"
      aria-label="Add to album"
    >
      <fieldset>
        <legend className="mb-1 font-medium">Outputs</legend>
        <div className="flex flex-wrap gap-3">
          {outputs.map((o) => (
            <label key={o.id} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={chosen.has(o.id)}
                onChange={(e) =>
                  setChosen((prev) => {
                    const next = new Set(prev);
                    if (e.target.checked) next.add(o.id);
                    else next.delete(o.id);
                    return next;
                  })
                }
              />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-album`} className="block">
          <span className="mb-1 block font-medium">Album</span>
          <select
            id={`${id}-album`}
            value={target}
            onChange={(e) => setAlbumId(e.target.value)}
            className="rounded-lg border border-line-strong bg-white px-2 py-1.5"
          >
            {albums.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
            <option value={NEW}>New album…</option>
          </select>
        </label>
        {target === NEW && (
          <label className="block">
            <span className="mb-1 block font-medium">Title</span>
            <input
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              required
              maxLength={120}
              className="rounded-lg border border-line-strong bg-white px-2 py-1.5"
            />
          </label>
        )}
        <Button type="submit" disabled={pending || chosen.size === 0}>
          Add {chosen.size} to album
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-danger">
          {error.message}
        </p>
      )}
    </form>
  );
}
