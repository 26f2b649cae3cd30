"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { api, fetchJson } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import { OUTPUT_PRESETS, type OutputRatio } from "@/lib/scene/presets";
import { GroupProgress } from "./group-progress";

export type TemplateChoice = { id: string; name: string };
type ProductChoice = { id: string; name: string };
type Quote = { batches: number; outputs: number; credits: number; balance: number; enough: boolean };
const RATIOS = Object.keys(OUTPUT_PRESETS) as OutputRatio[];

/**
 * "Render a template for many products" (one template, several products) or "a product in several templates":
 * both are a batch of batches, one scene and export per product × template. The cost is shown against the
 * balance before starting, and the server refuses the whole group when it does not fit.
 */
export function BatchRenderDialog({
  open,
  onClose,
  templates,
  initialProductIds = [],
  initialTemplateIds = [],
  tinted,
}: {
  open: boolean;
  onClose: () => void;
  templates: TemplateChoice[];
  /** Pre-picked (the Templates gallery's "Render in these templates"): still changeable here. */
  initialProductIds?: string[];
  initialTemplateIds?: string[];
  /** Brand colours on, as the gallery previewed them (left out: the server's default, off). */
  tinted?: boolean;
}) {
  const ref = useModalDialog(open);
  const products = useQuery({
    queryKey: ["products-for-batch"],
    queryFn: ({ signal }) =>
      fetchJson<{ products: ProductChoice[]; samples: ProductChoice[] }>("/api/products", { signal }),
    enabled: open,
  });
  // What was picked before the dialog opened is listed first, so it shows without scrolling the lists.
  const pickedFirst = <T extends { id: string }>(list: T[], picked: string[]) =>
    [...list].sort((a, b) => Number(picked.includes(b.id)) - Number(picked.includes(a.id)));
  const choices = pickedFirst(
    [...(products.data?.products ?? []), ...(products.data?.samples ?? [])],
    initialProductIds,
  );
  const [templateChoices] = useState(() => pickedFirst(templates, initialTemplateIds));
  const [productIds, setProductIds] = useState<string[]>(initialProductIds);
  const [templateIds, setTemplateIds] = useState<string[]>(initialTemplateIds);
  const [ratios, setRatios] = useState<OutputRatio[]>(["1:1"]);
  const [quality, setQuality] = useState<"draft" | "final">("final");
  const [format, setFormat] = useState<"png" | "jpg" | "webp">("png");
  const [withShots, setWithShots] = useState(false);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [groupId, setGroupId] = useState<string | null>(null);
  const { pending, error, run } = useSubmit();

  const body = {
    productIds,
    templateIds,
    ...(tinted === undefined ? {} : { tinted }),
    shots: withShots ? "all" : "none",
    export: {
      outputs: ratios.map((r) => ({ label: r, width: OUTPUT_PRESETS[r].width, height: OUTPUT_PRESETS[r].height })),
      quality,
      format,
    },
  };
  const ready = productIds.length > 0 && templateIds.length > 0 && ratios.length > 0;
  const key = JSON.stringify(body);
  useEffect(() => {
    setQuote(null);
    if (!ready) return;
    const controller = new AbortController();
    api
      .post<Quote>("/api/renders/groups/quote", JSON.parse(key), { signal: controller.signal })
      .then((r) => r.ok && setQuote(r.data))
      .catch(() => {});
    return () => controller.abort();
  }, [key, ready]);

  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  async function start() {
    const result = await run(() => api.post<{ groupId: string }>("/api/renders/groups", body));
    if (result.ok) setGroupId(result.data.groupId);
  }

  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      aria-labelledby="batch-render-title"
      className="w-full max-w-2xl rounded-2xl border border-line p-6 shadow-xl backdrop:bg-black/30"
    >
      <h2 id="batch-render-title" className="text-base font-semibold">
        Render in batch
      </h2>
      {groupId ? (
        <div className="mt-4">
          <GroupProgress groupId={groupId} />
        </div>
      ) : (
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <fieldset>
            <legend className="text-sm font-medium">
              Products
              {productIds.length > 0 && (
                <span className="font-normal text-ink-muted"> · {productIds.length} picked</span>
              )}
            </legend>
            {products.isPending && <p className="mt-2 text-sm text-ink-muted">Loading products…</p>}
            <ul className="mt-2 max-h-48 space-y-1 overflow-y-auto text-sm">
              {choices.map((p) => (
                <li key={p.id}>
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={productIds.includes(p.id)}
                      onChange={() => setProductIds((l) => toggle(l, p.id))}
                    />
                    {p.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium">
              Templates
              {templateIds.length > 0 && (
                <span className="font-normal text-ink-muted"> · {templateIds.length} picked</span>
              )}
            </legend>
            <ul className="mt-2 max-h-48 space-y-1 overflow-y-auto text-sm">
              {templateChoices.map((t) => (
                <li key={t.id}>
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={templateIds.includes(t.id)}
                      onChange={() => setTemplateIds((l) => toggle(l, t.id))}
                    />
                    {t.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium">Ratios</legend>
            <div className="mt-2 flex flex-wrap gap-3 text-sm">
              {RATIOS.map((r) => (
                <label key={r} className="flex items-center gap-1">
                  <input type="checkbox" checked={ratios.includes(r)} onChange={() => setRatios((l) => toggle(l, r))} />
                  {OUTPUT_PRESETS[r].label}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex items-start gap-2 text-sm sm:col-span-2">
            <input
              type="checkbox"
              className="mt-0.5"
              checked={withShots}
              onChange={(e) => setWithShots(e.target.checked)}
            />
            <span>
              Also render each template&apos;s shots
              <span className="block text-xs text-ink-muted">
                Templates saved from a scene with shots render every shot in its own ratios too; file names carry the
                shot. The count below includes them.
              </span>
            </span>
          </label>
          <div className="flex gap-4 text-sm">
            <label className="block">
              <span className="font-medium">Quality</span>
              <select
                className="mt-1 block rounded-lg border border-line-strong px-2 py-1"
                value={quality}
                onChange={(e) => setQuality(e.target.value as "draft" | "final")}
              >
                <option value="final">Final</option>
                <option value="draft">Draft</option>
              </select>
            </label>
            <label className="block">
              <span className="font-medium">File type</span>
              <select
                className="mt-1 block rounded-lg border border-line-strong px-2 py-1"
                value={format}
                onChange={(e) => setFormat(e.target.value as "png" | "jpg" | "webp")}
              >
                <option value="png">PNG</option>
                <option value="jpg">JPG</option>
                <option value="webp">WebP</option>
              </select>
            </label>
          </div>
        </div>
      )}
      {!groupId && (
        <p className="mt-4 text-sm text-ink-soft" role="status" data-testid="batch-quote">
          {!ready
            ? "Pick products, templates and ratios."
            : quote
              ? `${quote.outputs} images in ${quote.batches} exports: ${quote.credits} credits of your ${quote.balance}.`
              : "Working out the cost…"}
        </p>
      )}
      {quote && !quote.enough && !groupId && (
        <div className="mt-2">
          <Alert tone="warning">Not enough credits for all of it: nothing will start. Pick fewer.</Alert>
        </div>
      )}
      {error && (
        <div className="mt-2">
          <Alert tone="error">{error.fields ? Object.values(error.fields)[0] : error.message}</Alert>
        </div>
      )}
      <div className="mt-6 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {groupId ? "Close" : "Cancel"}
        </Button>
        {!groupId && (
          <Button onClick={start} pending={pending} disabled={!ready || (quote !== null && !quote.enough)}>
            Start rendering
          </Button>
        )}
      </div>
    </dialog>
  );
}
