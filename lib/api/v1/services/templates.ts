import type { Database } from "@/lib/db";
import { loadGallery, type GalleryTemplate } from "@/lib/templates/template-service";
import { decodeOffset, offsetCursor } from "../cursor";

export function v1Template(t: GalleryTemplate) {
  return {
    id: t.id,
    object: "template" as const,
    name: t.name,
    style: t.style,
    colour_family: t.colourFamily,
    tags: t.tags,
    ratios: [...t.ratios],
    custom: t.custom,
  };
}

type TemplateQuery = { limit: number; cursor?: string; style?: string; ratio?: string; tag?: string; custom?: string };

/** The gallery as the app orders it (the workspace's own first, then built-in "for you"), filtered, in pages. */
export async function listTemplatesV1(db: Database, workspaceId: string, q: TemplateQuery) {
  const { builtIn, yours } = await loadGallery(db, workspaceId);
  const matches = [...yours, ...builtIn].filter(
    (t) =>
      (q.style === undefined || t.style === q.style) &&
      (q.ratio === undefined || (t.ratios as readonly string[]).includes(q.ratio)) &&
      (q.tag === undefined || t.tags.includes(q.tag)) &&
      (q.custom === undefined || t.custom === (q.custom === "true")),
  );
  const offset = decodeOffset(q.cursor);
  const page = matches.slice(offset, offset + q.limit);
  const end = offset + page.length;
  return {
    object: "list" as const,
    data: page.map(v1Template),
    next_cursor: end < matches.length ? offsetCursor(end) : null,
  };
}
