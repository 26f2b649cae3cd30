"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { api, errorText } from "@/lib/client/api";
import { useHydrated } from "@/lib/client/use-hydrated";
import { useSubmit } from "@/lib/client/use-submit";
import { BUILT_IN_CATALOGUE } from "@/lib/scene/templates/catalogue";
import { COLOUR_FAMILIES, TEMPLATE_RATIOS, TEMPLATE_STYLE_LABELS, TEMPLATE_STYLES } from "@/lib/scene/templates/schema";
import type { ProductOption } from "@/lib/products/product-types";
import type { GalleryTemplate } from "@/lib/templates/template-service";
import { RenderSelectedBar } from "./render-selected-bar";
import { TemplateCard } from "./template-card";
import { usePreviews } from "./use-previews";

const selectClass =
  "rounded-lg border border-line-strong bg-white px-3 py-2 text-sm text-ink shadow-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20";

/**
 * Cards in the server's HTML: the first screen (three rows of five). The other cards mount once the page is hydrated:
 * 53 cards rendered on every request made the gallery the costliest page to serve (issue 21).
 */
const SERVER_RENDERED_CARDS = 15;

/** The built-in templates by id: static per deploy, in this bundle (the server sends their order only). */
const BUILT_IN_BY_ID = new Map<string, GalleryTemplate>(BUILT_IN_CATALOGUE.map((t) => [t.id, { ...t, custom: false }]));

const styleLabel = (style: GalleryTemplate["style"]) =>
  style === "custom" ? "Your template" : TEMPLATE_STYLE_LABELS[style];

export function TemplateGallery({
  products,
  initialProductId,
  builtInIds,
  yours,
  palette,
  likedStyles,
  canEdit,
  canBatch = false,
}: {
  products: ProductOption[];
  initialProductId: string | null;
  /** The built-in templates' ids in "for you" order (their entries are BUILT_IN_CATALOGUE's). */
  builtInIds: string[];
  yours: GalleryTemplate[];
  palette: string[];
  likedStyles: string[];
  canEdit: boolean;
  /** May start a batch (renders.create and scenes.write): the cards get checkboxes for "Render in these templates". */
  canBatch?: boolean;
}) {
  const router = useRouter();
  const builtIn = useMemo(() => builtInIds.flatMap((id) => BUILT_IN_BY_ID.get(id) ?? []), [builtInIds]);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [productId, setProductId] = useState(initialProductId);
  const hasPalette = palette.length >= 2;
  const [tinted, setTinted] = useState(hasPalette);
  const [style, setStyle] = useState("");
  const [family, setFamily] = useState("");
  const [ratio, setRatio] = useState("");
  const [search, setSearch] = useState("");
  const hydrated = useHydrated();
  const submit = useSubmit();
  const pendingId = submit.pendingKey;
  const error = submit.error ? errorText(submit.error) : null;
  const matches = (t: GalleryTemplate) => {
    const q = search.trim().toLowerCase();
    return (
      (!style || t.style === style) &&
      (!family || t.colourFamily === family) &&
      (!ratio || t.ratios.includes(ratio as GalleryTemplate["ratios"][number])) &&
      (!q ||
        t.name.toLowerCase().includes(q) ||
        t.tags.some((tag) => tag.includes(q)) ||
        styleLabel(t.style).toLowerCase().includes(q))
    );
  };
  const shownBuiltIn = builtIn.filter(matches);
  const shownYours = yours.filter(matches);
  // The cards in the order they appear: the first of them are drawn first.
  const previews = usePreviews(
    productId,
    tinted && hasPalette,
    [...shownYours, ...shownBuiltIn].map((t) => t.id),
  );
  const byTemplate = useMemo(
    () => new Map((previews.data?.previews ?? []).map((p) => [p.templateId, p])),
    [previews.data],
  );

  async function use(templateId: string) {
    if (!productId) return;
    const body = { templateId, productId, tinted: tinted && hasPalette };
    const fallback = "Could not create the scene.";
    const result = await submit.run(() => api.post<{ sceneId: string }>("/api/templates/use", body, { fallback }), {
      key: templateId,
      keepPending: true,
    });
    if (result.ok) router.push(`/scenes/${result.data.sceneId}`);
  }

  if (!productId) {
    return <Alert tone="info">Add a product first: every template is previewed with it.</Alert>;
  }

  const done = (previews.data?.previews ?? []).filter((p) => p.status === "done").length;
  const total = previews.data?.previews.length ?? 0;
  // Yours come first on screen, so they take the server-rendered cards first.
  const serverCards = (list: GalleryTemplate[], before: number) =>
    hydrated ? list : list.slice(0, Math.max(0, SERVER_RENDERED_CARDS - before));
  const grid = (list: GalleryTemplate[]) => (
    <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5" data-testid="template-grid">
      {list.map((t) => (
        <TemplateCard
          key={t.id}
          template={{ id: t.id, name: t.name, style: t.style, styleLabel: styleLabel(t.style), tags: t.tags }}
          preview={byTemplate.get(t.id)}
          onUse={() => void use(t.id)}
          pending={pendingId === t.id}
          canEdit={canEdit}
          selected={selectedIds.includes(t.id)}
          onSelect={
            canBatch
              ? (on) =>
                  setSelectedIds((ids) =>
                    on ? [...ids.filter((id) => id !== t.id), t.id] : ids.filter((id) => id !== t.id),
                  )
              : undefined
          }
        />
      ))}
    </ul>
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-3 rounded-2xl border border-line bg-white p-4 shadow-card">
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-soft">
          Product
          <select
            className={selectClass}
            value={productId}
            onChange={(e) => setProductId(e.target.value)}
            data-testid="product-picker"
          >
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.sample ? " (sample)" : ""}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-soft">
          Style
          <select
            className={selectClass}
            value={style}
            onChange={(e) => setStyle(e.target.value)}
            aria-label="Filter by style"
          >
            <option value="">All styles</option>
            {TEMPLATE_STYLES.map((s) => (
              <option key={s} value={s}>
                {TEMPLATE_STYLE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-soft">
          Colour
          <select
            className={selectClass}
            value={family}
            onChange={(e) => setFamily(e.target.value)}
            aria-label="Filter by colour family"
          >
            <option value="">All colours</option>
            {COLOUR_FAMILIES.map((f) => (
              <option key={f} value={f}>
                {f[0].toUpperCase() + f.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-soft">
          Format
          <select
            className={selectClass}
            value={ratio}
            onChange={(e) => setRatio(e.target.value)}
            aria-label="Filter by format"
          >
            <option value="">All formats</option>
            {TEMPLATE_RATIOS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-[12rem] flex-1 flex-col gap-1 text-xs font-medium text-ink-soft">
          Search
          <input
            type="search"
            className={selectClass}
            placeholder="Name or tag: marble, christmas, spa…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-label="Search templates"
          />
        </label>
        {hasPalette ? (
          <label className="flex items-center gap-2 self-center text-sm text-ink-soft">
            <input
              type="checkbox"
              checked={tinted}
              onChange={(e) => setTinted(e.target.checked)}
              className="h-4 w-4 accent-accent"
              data-testid="tint-toggle"
            />
            <span>Brand colours</span>
            <span className="flex" aria-hidden="true">
              {palette.map((c) => (
                <span
                  key={c}
                  className="-ml-1 h-4 w-4 rounded-full border-2 border-white first:ml-0"
                  style={{ background: c }}
                />
              ))}
            </span>
          </label>
        ) : (
          <ButtonLink variant="ghost" href="/settings/brand" className="self-center">
            Add brand colours
          </ButtonLink>
        )}
      </div>

      {error && <Alert tone="error">{error}</Alert>}
      {total > 0 && done < total && (
        <p className="text-sm text-ink-muted" role="status">
          Rendering previews with your product: {done} of {total} ready.
        </p>
      )}

      {shownYours.length > 0 && (
        <section aria-labelledby="yours-title" className="space-y-3">
          <h2 id="yours-title" className="text-base font-semibold text-ink">
            Your templates
          </h2>
          {grid(serverCards(shownYours, 0))}
        </section>
      )}

      <section aria-labelledby="builtin-title" className="space-y-3">
        <h2 id="builtin-title" className="text-base font-semibold text-ink">
          {likedStyles.length > 0 ? "For you" : "All templates"}{" "}
          <span className="font-normal text-ink-muted">· {shownBuiltIn.length}</span>
        </h2>
        {shownBuiltIn.length > 0 ? (
          grid(serverCards(shownBuiltIn, shownYours.length))
        ) : (
          <p className="text-sm text-ink-muted">No template matches these filters.</p>
        )}
      </section>

      {canBatch && (
        <RenderSelectedBar
          productId={productId}
          productName={products.find((p) => p.id === productId)?.name ?? "this product"}
          selectedIds={selectedIds}
          templates={[...yours, ...builtIn].map((t) => ({ id: t.id, name: t.name }))}
          tinted={tinted && hasPalette}
          onClear={() => setSelectedIds([])}
        />
      )}
    </div>
  );
}
