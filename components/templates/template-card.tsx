"use client";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/lib/client/use-hydrated";
import type { Preview } from "./use-previews";

export type CardTemplate = { id: string; name: string; style: string; styleLabel: string; tags: string[] };

export function PreviewImage({ preview, alt }: { preview: Preview | undefined; alt: string }) {
  if (preview?.status === "done" && preview.url) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- workspace-scoped, already sized previews
      <img
        src={preview.url}
        alt={alt}
        width={384}
        height={480}
        className="h-full w-full object-cover"
        data-testid="template-thumbnail"
      />
    );
  }
  if (preview?.status === "failed" || preview?.status === "unavailable") {
    return (
      <div className="flex h-full items-center justify-center bg-canvas-sunken p-4 text-center text-xs text-ink-muted">
        Preview unavailable
      </div>
    );
  }
  return (
    <div
      className="flex h-full animate-pulse flex-col items-center justify-end bg-gradient-to-b from-canvas-sunken to-line pb-6"
      data-testid="template-placeholder"
    >
      <div className="mb-3 h-16 w-10 rounded-md bg-white/70" />
      <div className="h-3 w-24 rounded-full bg-white/70" />
      <p className="mt-3 text-xs text-ink-muted">Rendering preview…</p>
    </div>
  );
}

export function TemplateCard({
  template,
  preview,
  onUse,
  pending,
  canEdit,
  selected,
  onSelect,
}: {
  template: CardTemplate;
  preview: Preview | undefined;
  onUse: () => void;
  pending: boolean;
  canEdit: boolean;
  /** Picked for "Render in these templates"; without onSelect the card has no checkbox. */
  selected?: boolean;
  onSelect?: (selected: boolean) => void;
}) {
  // The hover overlay is invisible until hover or focus, and its button does nothing before hydration: it stays out
  // of the server's HTML (six elements per card on every request, issue 21); the card's visible "Use" is there.
  const hydrated = useHydrated();
  return (
    <li
      className={`group overflow-hidden rounded-2xl border bg-white shadow-card ${
        selected ? "border-accent ring-2 ring-accent" : "border-line"
      }`}
      data-testid="template-card"
      data-template-id={template.id}
    >
      <div className="relative aspect-[4/5] overflow-hidden bg-canvas-sunken">
        <PreviewImage preview={preview} alt={`${template.name} with your product`} />
        {onSelect && (
          // A real checkbox (Tab, Space) on a visible chip, so picking a template never needs the hover overlay.
          <label className="absolute left-2 top-2 z-10 flex cursor-pointer items-center rounded-md bg-white/90 p-1.5 shadow-sm focus-within:ring-2 focus-within:ring-accent">
            <input
              type="checkbox"
              className="h-4 w-4 accent-accent"
              checked={selected ?? false}
              onChange={(e) => onSelect(e.target.checked)}
              aria-label={`Select ${template.name}`}
              data-testid="select-template"
            />
          </label>
        )}
        {canEdit && hydrated && (
          <div className="absolute inset-x-0 bottom-0 flex justify-center bg-gradient-to-t from-black/40 to-transparent p-3 opacity-0 transition-opacity focus-within:opacity-100 group-hover:opacity-100">
            <Button onClick={onUse} pending={pending} className="py-1.5" aria-label={`Use template ${template.name}`}>
              Use template
            </Button>
          </div>
        )}
      </div>
      <div className="flex items-start justify-between gap-2 px-3 py-2.5">
        <div className="min-w-0">
          <p className="truncate text-sm font-medium text-ink">{template.name}</p>
          <p className="truncate text-xs text-ink-muted">{template.styleLabel}</p>
        </div>
        {canEdit && (
          <button
            type="button"
            onClick={onUse}
            disabled={pending}
            className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-accent hover:bg-accent-soft"
            data-testid="use-template"
          >
            Use
          </button>
        )}
      </div>
    </li>
  );
}
