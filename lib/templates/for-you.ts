/** "For you" ordering: liked styles first, disliked last, then by what the workspace exported and downloaded most. */
import type { TemplateStyle } from "@/lib/scene/templates/schema";

export interface ForYouSignals {
  likedStyles: readonly TemplateStyle[];
  dislikedStyles: readonly TemplateStyle[];
  /** Export + download events per template id. */
  usage: Readonly<Record<string, number>>;
}

export function sortForYou<T extends { id: string; style: TemplateStyle }>(
  templates: readonly T[],
  signals: ForYouSignals,
): T[] {
  const liked = new Set(signals.likedStyles);
  const disliked = new Set(signals.dislikedStyles);
  const styleUsage = new Map<TemplateStyle, number>();
  for (const t of templates) styleUsage.set(t.style, (styleUsage.get(t.style) ?? 0) + (signals.usage[t.id] ?? 0));
  const band = (t: T) => (liked.has(t.style) ? 0 : disliked.has(t.style) ? 2 : 1);
  return templates
    .map((t, i) => ({ t, i }))
    .sort(
      (a, b) =>
        band(a.t) - band(b.t) ||
        (signals.usage[b.t.id] ?? 0) - (signals.usage[a.t.id] ?? 0) ||
        (styleUsage.get(b.t.style) ?? 0) - (styleUsage.get(a.t.style) ?? 0) ||
        a.i - b.i,
    )
    .map(({ t }) => t);
}
