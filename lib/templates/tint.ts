/**
 * Brand tinting with taste. A palette is not painted slot by slot: from it come a small set of tones, and each
 * slot takes the tone its role calls for, in the way its material allows:
 *
 *  - main: the brand's main colour, EXACT, as the base colour of the surface the product stands on when that
 *    surface is painted (minimal, pastel, botanical, seasonal podiums), so the picture shows the brand colour true;
 *  - tones of the main colour: its hue at the slot's own lightness, a calm saturation (shades for dark templates,
 *    tints for pale ones), for backdrops and secondary props, so a template keeps its mood;
 *  - one accent (the palette's second colour), only on small props, never on a backdrop or a podium;
 *  - materials keep their identity: metals keep their colour (gold stays gold; grey metals take a subtle tint),
 *    stone, wood and sand (marble, kitchen, spa, beach templates) keep their lightness and take a faint tint.
 *
 * Backdrop and podium keep a visible difference (the product and its stand never melt into the backdrop).
 * Pure and deterministic: same palette + same document -> same colours.
 */
import type { SceneDocument } from "@/lib/scene";
import type { TemplateStyle, TintRole, TintSlot } from "@/lib/scene/templates/schema";
import { deltaE2000 } from "@/lib/colour/ciede2000";
import { chroma, hexToHsl, hslToHex, isHex, mixHex, saturationForChroma } from "./colour";

export type BrandPalette = readonly string[];

/** How many role assignments a palette offers (variations rotate through them). */
export const PALETTE_ROTATIONS = 4;

/** Styles whose podium is a material (stone, wood, sand), not paint: it is tinted, never painted. */
const MATERIAL_PODIUM_STYLES: ReadonlySet<TemplateStyle> = new Set(["marble-gold", "kitchen", "spa", "beach"]);
/** Least CIEDE2000 difference kept between the podium and the backdrop. */
export const MIN_PODIUM_BACKDROP_DE = 10;
/**
 * Colourfulness ceilings, as chroma (not HSL saturation, which calls a pastel or a near-black "saturated"):
 * backdrops stay calm, tones of the main colour never get louder than the main colour itself, materials are
 * only hinted.
 */
const NEUTRAL_CHROMA = 0.04;
const TONE_CHROMA = 0.3;
const MATERIAL_CHROMA = 0.035;
/** Below this chroma a colour has no hue worth carrying (black, white, greys). */
const ACHROMATIC = 0.06;

/**
 * The brand colours that tinting draws from. `rotation` shifts which palette colour plays main (variations use it);
 * 0 is the brand's own order. Only the main colour and ONE accent are used; neutrals are derived from the main.
 */
export function paletteRoles(palette: BrandPalette, rotation = 0): { main: string; accent: string } {
  const colours = palette.filter(isHex).map((c) => c.toLowerCase());
  if (colours.length === 0) throw new RangeError("paletteRoles: the palette has no colour");
  const n = colours.length;
  const main = colours[rotation % n];
  const accent = n > 1 ? colours[(rotation + 1) % n] : mixHex(main, "#000000", 0.3);
  return { main, accent };
}

export type SlotPlace = "backdrop" | "podium" | "prop";
export type SlotFinish = "paint" | "metal" | "material";

export interface SlotSurface {
  place: SlotPlace;
  finish: SlotFinish;
  role: TintRole;
  original: string;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const clampL = (l: number) => Math.min(0.97, Math.max(0.04, l));

/**
 * The main colour's hue at lightness `l`, with the main colour's chroma up to `maxChroma`; an achromatic main
 * (black, white, grey) gives greys that keep a trace of the slot's own hue.
 */
function toneOf(main: string, original: string, l: number, maxChroma: number): string {
  const m = hexToHsl(main);
  const o = hexToHsl(original);
  const lightness = clampL(l);
  const chromatic = chroma(main) >= ACHROMATIC;
  const c = chromatic ? Math.min(chroma(main), maxChroma) : Math.min(chroma(original), maxChroma, NEUTRAL_CHROMA);
  return hslToHex({ h: chromatic ? m.h : o.h, s: saturationForChroma(c, lightness), l: lightness });
}

/** The colour one slot gets (pure): see the module comment for the rules. */
export function tintSlotColour(surface: SlotSurface, roles: { main: string; accent: string }): string {
  const { original } = surface;
  const o = hexToHsl(original);
  const main = hexToHsl(roles.main);
  const chromaticMain = chroma(roles.main) >= ACHROMATIC;
  if (surface.finish === "metal") {
    // Gold, copper, brass: a coloured metal is its identity, kept. Grey metals (chrome, gunmetal) take a hint.
    return chroma(original) > 0.12
      ? original
      : mixHex(original, toneOf(roles.main, original, o.l, NEUTRAL_CHROMA), 0.15);
  }
  if (surface.finish === "material") {
    // Stone, wood, sand: their own colour, a quarter of the way to a faint tone of the main (oak stays oak).
    return mixHex(original, toneOf(roles.main, original, o.l, MATERIAL_CHROMA), 0.25);
  }
  if (surface.place === "podium" && (surface.role === "primary" || surface.role === "accent")) return roles.main;
  if (surface.place === "prop" && surface.role === "accent") return roles.accent;
  if (surface.role === "neutral") {
    // A hint of the main colour's lightness when it has a hue; a black or white brand leaves the backdrop's alone.
    return toneOf(roles.main, original, o.l + (main.l - o.l) * (chromaticMain ? 0.1 : 0), NEUTRAL_CHROMA);
  }
  // Tones of the main colour at the slot's own lightness, a third of the way to the main's: the mood survives.
  const maxChroma = surface.place === "backdrop" ? TONE_CHROMA * 0.6 : TONE_CHROMA;
  return toneOf(roles.main, original, o.l + (main.l - o.l) * 0.35, maxChroma);
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

/** Where a slot is and what it is made of, read from the document (and the template's style, when known). */
export function slotSurface(
  document: SceneDocument,
  slot: TintSlot,
  original: string,
  style?: TemplateStyle,
): SlotSurface {
  const place: SlotPlace = slot.path.startsWith("background.")
    ? "backdrop"
    : slot.path === "stage.podium.color"
      ? "podium"
      : slot.path === "stage.floor.color"
        ? "backdrop"
        : "prop";
  const owner = readPath(document, slot.path.split(".").slice(0, -1).join(".")) as { metalness?: number } | undefined;
  const metal = (owner?.metalness ?? 0) >= 0.5;
  const finish: SlotFinish = metal
    ? "metal"
    : place === "podium" && style && MATERIAL_PODIUM_STYLES.has(style)
      ? "material"
      : "paint";
  return { place, finish, role: slot.role, original };
}

function backdropPaths(document: SceneDocument): string[] {
  if (document.background.kind === "solid") return ["background.color"];
  if (document.background.kind === "gradient") return ["background.from", "background.to"];
  return [];
}

/**
 * Moves the backdrop's lightness away from the podium until they differ by MIN_PODIUM_BACKDROP_DE (lighter when
 * the backdrop is the lighter of the two, else darker; the other way when that runs out of room), keeping its hue: a pale podium never vanishes into a pale backdrop.
 */
export function separateBackdrop(backdrop: string, podium: string): string {
  if (deltaE2000(backdrop, podium) >= MIN_PODIUM_BACKDROP_DE) return backdrop;
  const b = hexToHsl(backdrop);
  const p = hexToHsl(podium);
  // Away from the podium first; the other way only when that runs out of room.
  const away = b.l >= p.l ? 1 : -1;
  for (const direction of [away, -away]) {
    for (let step = 1; step <= 20; step++) {
      const l = b.l + direction * step * 0.025;
      if (l < 0.04 || l > 0.975) break;
      const candidate = hslToHex({ h: b.h, s: saturationForChroma(chroma(backdrop), l), l: clamp01(l) });
      if (deltaE2000(candidate, podium) >= MIN_PODIUM_BACKDROP_DE) return candidate;
    }
  }
  return backdrop;
}

/** A copy of `document` with every slot that exists and holds a colour tinted; others are skipped. */
export function tintDocument(
  document: SceneDocument,
  slots: readonly TintSlot[],
  palette: BrandPalette,
  rotation = 0,
  style?: TemplateStyle,
): SceneDocument {
  const roles = paletteRoles(palette, rotation);
  const copy = structuredClone(document);
  for (const slot of slots) {
    const original = readPath(copy, slot.path);
    if (!isHex(original)) continue;
    writePath(copy, slot.path, tintSlotColour(slotSurface(copy, slot, original, style), roles));
  }
  const podium = copy.stage.podium;
  const tintedBackdrop = slots.some((slot) => slot.path.startsWith("background."));
  const tintedPodium = slots.some((slot) => slot.path === "stage.podium.color");
  if (podium && tintedBackdrop) {
    for (const path of backdropPaths(copy)) {
      writePath(copy, path, separateBackdrop(readPath(copy, path) as string, podium.color));
    }
  } else if (podium && tintedPodium && podium.metalness < 0.5) {
    // A fixed backdrop (black friday's black): the podium steps away from it instead (a black brand, lighter).
    for (const path of backdropPaths(copy))
      podium.color = separateBackdrop(podium.color, readPath(copy, path) as string);
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
