/**
 * Brand tinting: each tintable slot gets the palette colour of its role,
 * adapted to the slot's original lightness so a dark template stays dark and a
 * pale backdrop stays pale (the brand hue carries, the mood survives).
 * Pure and deterministic: same palette + same document -> same colours.
 */
import type { SceneDocument } from "@/lib/scene";
import type { TintRole, TintSlot } from "@/lib/scene/templates/schema";
import { hexToHsl, hslToHex, isHex, mixHex } from "./colour";

export type BrandPalette = readonly string[];

/** How many role assignments a palette offers (variations rotate through them). */
export const PALETTE_ROTATIONS = 4;

/**
 * The palette colour for each role. `rotation` shifts which palette colour
 * plays primary/secondary/accent (variations use it); 0 is the brand's own order.
 */
export function paletteRoles(palette: BrandPalette, rotation = 0): Record<TintRole, string> {
  const colours = palette.filter(isHex).map((c) => c.toLowerCase());
  if (colours.length === 0) throw new RangeError("paletteRoles: the palette has no colour");
  const n = colours.length;
  const at = (i: number) => colours[(i + rotation) % n];
  const primary = at(0);
  const secondary = n > 1 ? at(1) : mixHex(primary, "#ffffff", 0.45);
  const accent = n > 2 ? at(2) : n > 1 ? mixHex(at(1), primary, 0.35) : mixHex(primary, "#000000", 0.3);
  // A neutral: the 4th colour when the brand has one, else a barely-tinted off-white of the primary.
  const neutral = n > 3 ? at(3) : mixHex(primary, "#f6f4f1", 0.88);
  return { primary, secondary, accent, neutral };
}

/** How far a role's colour overrides the slot's original lightness (1 = the exact brand colour). */
const LIGHTNESS_PULL: Record<TintRole, number> = { primary: 0.8, secondary: 0.7, accent: 0.85, neutral: 0.15 };
/** Neutrals (backdrops, floors) keep their calm: saturation is capped. */
const SATURATION_CAP: Record<TintRole, number> = { primary: 1, secondary: 1, accent: 1, neutral: 0.32 };

export function tintColour(original: string, brand: string, role: TintRole): string {
  const o = hexToHsl(original);
  const b = hexToHsl(brand);
  const l = o.l + (b.l - o.l) * LIGHTNESS_PULL[role];
  const s = Math.min(b.s, SATURATION_CAP[role]);
  return hslToHex({ h: b.h, s, l: Math.min(0.97, Math.max(0.03, l)) });
}

function readPath(doc: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      doc,
    );
}

function writePath(doc: unknown, path: string, value: string): void {
  const keys = path.split(".");
  const parent = readPath(doc, keys.slice(0, -1).join("."));
  if (parent && typeof parent === "object") (parent as Record<string, unknown>)[keys[keys.length - 1]] = value;
}

/** A copy of `document` with every slot that exists and holds a colour tinted; others are skipped. */
export function tintDocument(
  document: SceneDocument,
  slots: readonly TintSlot[],
  palette: BrandPalette,
  rotation = 0,
): SceneDocument {
  const roles = paletteRoles(palette, rotation);
  const copy = structuredClone(document);
  for (const slot of slots) {
    const original = readPath(copy, slot.path);
    if (!isHex(original)) continue;
    writePath(copy, slot.path, tintColour(original, roles[slot.role], slot.role));
  }
  return copy;
}

/** Tint slots derived from any scene (workspace templates saved from the editor). */
export function inferTintSlots(document: SceneDocument): TintSlot[] {
  const slots: TintSlot[] = [];
  if (document.background.kind === "solid") slots.push({ path: "background.color", role: "neutral" });
  if (document.background.kind === "gradient") {
    slots.push({ path: "background.from", role: "neutral" }, { path: "background.to", role: "neutral" });
  }
  if (document.stage.podium) slots.push({ path: "stage.podium.color", role: "primary" });
  document.stage.props.forEach((_, i) =>
    slots.push({ path: `stage.props.${i}.color`, role: i % 2 === 0 ? "accent" : "secondary" }),
  );
  return slots;
}
