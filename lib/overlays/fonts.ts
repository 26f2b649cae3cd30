/**
 * The open fonts Plinth ships for brand text (issue 19): bundled from @fontsource (SIL Open Font License), served
 * from this app (never a font CDN) and read from disk by the worker. One weight each keeps the bundle small; the
 * ids are stored in scene documents, so an id is never renamed or removed.
 */
export const BRAND_FONTS = [
  { id: "inter", label: "Inter", family: "Inter", weight: 600, kind: "Sans serif" },
  { id: "dm-sans", label: "DM Sans", family: "DM Sans", weight: 500, kind: "Sans serif" },
  { id: "space-grotesk", label: "Space Grotesk", family: "Space Grotesk", weight: 600, kind: "Grotesque" },
  { id: "playfair-display", label: "Playfair Display", family: "Playfair Display", weight: 700, kind: "Serif" },
  { id: "bebas-neue", label: "Bebas Neue", family: "Bebas Neue", weight: 400, kind: "Display" },
] as const;

export type BrandFont = (typeof BRAND_FONTS)[number];
export type BrandFontId = BrandFont["id"];
export const BRAND_FONT_IDS = BRAND_FONTS.map((f) => f.id) as [BrandFontId, ...BrandFontId[]];
/** A brand kit picks at most this many (a headline face and a body face). */
export const MAX_BRAND_FONTS = 2;

export function brandFont(id: string): BrandFont {
  return BRAND_FONTS.find((f) => f.id === id) ?? BRAND_FONTS[0];
}

/** The @fontsource file (latin subset) for a font: `${package}/files/${name}.woff[2]`. */
export function brandFontFile(font: BrandFont, ext: "woff" | "woff2"): string {
  return `@fontsource/${font.id}/files/${font.id}-latin-${font.weight}-normal.${ext}`;
}
