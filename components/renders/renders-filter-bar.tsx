"use client";

import { usePathname, useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { withBuiltInTemplates } from "@/lib/templates/template-choices";
import { RENDER_STATUSES, rendersQueryString, type RendersFilters } from "@/lib/renders/renders-filters";

export type FilterChoice = { id: string; name: string };

const STATUS_LABELS: Record<(typeof RENDER_STATUSES)[number], string> = {
  queued: "Queued",
  rendering: "Rendering",
  done: "Done",
  failed: "Failed",
};

const selectClass =
  "w-full rounded-lg border border-line-strong bg-white px-3 py-2 text-sm text-ink shadow-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20";

/**
 * Product, template and status filters for the Renders list. Each change is a new URL (?product=&template=&status=),
 * so a filtered list survives a reload, can be shared, and Back undoes it; the server renders its first page.
 */
export function RendersFilterBar({
  filters,
  products,
  ownTemplates,
}: {
  filters: RendersFilters;
  products: FilterChoice[];
  /** The workspace's own templates; the built-in ones are added here (lib/templates/template-choices.ts). */
  ownTemplates: FilterChoice[];
}) {
  const templates = useMemo(() => withBuiltInTemplates(ownTemplates), [ownTemplates]);
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const go = (next: RendersFilters) =>
    startTransition(() => router.push(`${pathname}${rendersQueryString(next)}`, { scroll: false }));
  const any = Boolean(filters.productId || filters.templateId || filters.status);
  // A filter from a shared link may name a product or template this list does not know (deleted since): keep it
  // selectable so the select shows what is applied.
  const withCurrent = (list: FilterChoice[], id: string | undefined) =>
    id && !list.some((c) => c.id === id) ? [...list, { id, name: "Unknown (deleted)" }] : list;

  return (
    <form
      role="search"
      aria-label="Filter renders"
      aria-busy={pending}
      className="mb-6 grid grid-cols-2 items-end gap-3 rounded-2xl border border-line bg-white p-3 shadow-card sm:grid-cols-[repeat(3,minmax(0,1fr))_auto] sm:p-4"
      onSubmit={(e) => e.preventDefault()}
      data-testid="renders-filters"
    >
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-ink-soft">
        Product
        <select
          className={selectClass}
          value={filters.productId ?? ""}
          onChange={(e) => go({ ...filters, productId: e.target.value || undefined })}
        >
          <option value="">All products</option>
          {withCurrent(products, filters.productId).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-ink-soft">
        Template
        <select
          className={selectClass}
          value={filters.templateId ?? ""}
          onChange={(e) => go({ ...filters, templateId: e.target.value || undefined })}
        >
          <option value="">All templates</option>
          {withCurrent(templates, filters.templateId).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-ink-soft">
        Status
        <select
          className={selectClass}
          value={filters.status ?? ""}
          onChange={(e) => go({ ...filters, status: RENDER_STATUSES.find((s) => s === e.target.value) ?? undefined })}
        >
          <option value="">Any status</option>
          {RENDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <Button type="button" variant="ghost" disabled={!any || pending} onClick={() => go({})}>
        Clear filters
      </Button>
    </form>
  );
}
