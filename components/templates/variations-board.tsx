"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { api, errorText, fetchJson } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import { Button, ButtonLink } from "@/components/ui/button";
import { PreviewImage } from "./template-card";
import type { Preview } from "./use-previews";

type VariationItem = {
  index: number;
  templateId: string;
  templateName: string;
  angle: string;
  rig: string;
  preview: Preview | null;
};

const selectClass = "rounded-lg border border-line-strong bg-white px-3 py-2 text-sm text-ink shadow-sm";
const COUNT = 12;

export function VariationsBoard({
  products,
  initialProductId,
  hasPalette,
  canEdit,
}: {
  products: { id: string; name: string }[];
  initialProductId: string | null;
  hasPalette: boolean;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [productId, setProductId] = useState(initialProductId);
  const [seed, setSeed] = useState(1);
  const [kept, setKept] = useState<Set<number>>(new Set());
  const [discarded, setDiscarded] = useState<Set<number>>(new Set());
  const submit = useSubmit();
  const { pending } = submit;
  const error = submit.error ? errorText(submit.error) : null;

  const query = useQuery({
    queryKey: ["variations", productId, seed],
    enabled: !!productId,
    queryFn: async (): Promise<{ variations: VariationItem[] }> => {
      return fetchJson("/api/variations", { method: "POST", body: { productId, seed, count: COUNT } });
    },
    refetchInterval: (q) =>
      (q.state.data?.variations ?? []).some((v) => v.preview?.status === "queued" || v.preview?.status === "rendering")
        ? 2000
        : false,
  });

  const reshuffle = () => {
    setSeed((s) => (s * 1103515245 + 12345) % 2147483647);
    setKept(new Set());
    setDiscarded(new Set());
  };
  const toggle = (set: Set<number>, i: number) => {
    const next = new Set(set);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    return next;
  };

  async function keep() {
    const body = { productId, seed, count: COUNT, indexes: [...kept].sort((a, b) => a - b) };
    const fallback = "Could not keep these variations.";
    const result = await submit.run(() =>
      api.post<{ scenes: { sceneId: string }[] }>("/api/variations/keep", body, { fallback }),
    );
    if (!result.ok) return;
    const { scenes } = result.data;
    router.push(scenes.length === 1 ? `/scenes/${scenes[0].sceneId}` : "/scenes");
  }

  if (!productId) return <Alert>Add a product first.</Alert>;
  const visible = (query.data?.variations ?? []).filter((v) => !discarded.has(v.index));

  return (
    <div className="space-y-5">
      {!hasPalette && (
        <Alert>
          Variations use your brand colours.{" "}
          <ButtonLink variant="ghost" href="/settings/brand">
            Set up your brand kit
          </ButtonLink>
        </Alert>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-soft">
          Product
          <select className={selectClass} value={productId} onChange={(e) => setProductId(e.target.value)}>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" onClick={reshuffle}>
          New set
        </Button>
        {canEdit && (
          <Button
            onClick={() => void keep()}
            disabled={kept.size === 0}
            pending={pending}
            data-testid="keep-variations"
          >
            Keep {kept.size || ""} as scenes
          </Button>
        )}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {query.isError && <Alert tone="error">Could not make variations.</Alert>}
      <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="variation-grid">
        {visible.map((v) => (
          <li
            key={v.index}
            className={`overflow-hidden rounded-2xl border bg-white shadow-card ${kept.has(v.index) ? "border-accent ring-2 ring-accent/30" : "border-line"}`}
          >
            <div className="aspect-[4/5]">
              <PreviewImage preview={v.preview ?? undefined} alt={`Variation ${v.index + 1}: ${v.templateName}`} />
            </div>
            <div className="flex items-center justify-between gap-2 px-3 py-2">
              <p className="truncate text-xs text-ink-soft">{v.templateName}</p>
              <div className="flex shrink-0 gap-1">
                <button
                  type="button"
                  className="rounded-md px-2 py-1 text-xs font-medium text-accent hover:bg-accent-soft"
                  aria-pressed={kept.has(v.index)}
                  onClick={() => setKept((k) => toggle(k, v.index))}
                >
                  {kept.has(v.index) ? "♥ Kept" : "♡ Keep"}
                </button>
                <button
                  type="button"
                  className="rounded-md px-2 py-1 text-xs text-ink-muted hover:bg-canvas-sunken"
                  onClick={() => {
                    setDiscarded((d) => toggle(d, v.index));
                    setKept((k) => {
                      const n = new Set(k);
                      n.delete(v.index);
                      return n;
                    });
                  }}
                >
                  Discard
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
