"use client";

import type { RenderListItem } from "@/lib/renders/render-service";
import { batchTitle } from "@/lib/renders/batch-title";

export type PickedFile = { kind: "output" | "viewer"; id: string };
type Model = { id: string; label: string };

/** Finished stills, videos and published 3D models, ticked in the order they should appear on the product. */
export function ShopifyFilePicker({
  batches,
  models,
  picked,
  onChange,
}: {
  batches: RenderListItem[];
  models: Model[];
  picked: PickedFile[];
  onChange: (picked: PickedFile[]) => void;
}) {
  const order = (kind: PickedFile["kind"], id: string) => picked.findIndex((p) => p.kind === kind && p.id === id);
  const toggle = (kind: PickedFile["kind"], id: string) =>
    onChange(
      order(kind, id) >= 0 ? picked.filter((p) => !(p.kind === kind && p.id === id)) : [...picked, { kind, id }],
    );
  const ready = batches
    .map((b) => ({ batch: b, outputs: b.outputs.filter((o) => o.status === "done" && o.url) }))
    .filter((g) => g.outputs.length > 0);

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">2. Files, in the order they should appear</legend>
      {ready.length === 0 && models.length === 0 && (
        <p className="text-sm text-ink-muted">No finished renders yet. Export a scene first.</p>
      )}
      {ready.map(({ batch, outputs }) => (
        <div key={batch.id}>
          <p className="text-xs font-medium text-ink-soft">{batchTitle(batch.productName, batch.sceneName)}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {outputs.map((o) => {
              const n = order("output", o.id);
              const thumb = o.video ? o.video.posterUrl : o.url;
              return (
                <li key={o.id}>
                  <label
                    className={`flex cursor-pointer items-center gap-2 rounded-lg border px-2 py-1.5 text-sm ${
                      n >= 0 ? "border-accent bg-accent-soft" : "border-line hover:bg-canvas-sunken"
                    }`}
                  >
                    <input type="checkbox" checked={n >= 0} onChange={() => toggle("output", o.id)} />
                    {thumb && (
                      // eslint-disable-next-line @next/next/no-img-element -- our own small render file
                      <img src={thumb} alt="" className="h-8 w-8 rounded object-contain" loading="lazy" />
                    )}
                    <span>
                      {o.label}
                      {o.video ? " (video)" : ""}
                    </span>
                    {n >= 0 && (
                      <span
                        className="rounded-full bg-accent px-1.5 text-xs text-white"
                        aria-label={`position ${n + 1}`}
                      >
                        {n + 1}
                      </span>
                    )}
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {models.length > 0 && (
        <div>
          <p className="text-xs font-medium text-ink-soft">Published 3D models</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {models.map((m) => {
              const n = order("viewer", m.id);
              return (
                <li key={m.id}>
                  <label
                    className={`flex cursor-pointer items-center gap-2 rounded-lg border px-2 py-1.5 text-sm ${
                      n >= 0 ? "border-accent bg-accent-soft" : "border-line hover:bg-canvas-sunken"
                    }`}
                  >
                    <input type="checkbox" checked={n >= 0} onChange={() => toggle("viewer", m.id)} />
                    <span>{m.label}</span>
                    {n >= 0 && (
                      <span
                        className="rounded-full bg-accent px-1.5 text-xs text-white"
                        aria-label={`position ${n + 1}`}
                      >
                        {n + 1}
                      </span>
                    )}
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
