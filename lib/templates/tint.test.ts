/**
 * Brand tinting with taste (issue 18): the brand colour true where it paints, harmonious tones elsewhere,
 * materials kept, no raw secondary palette colour on a large surface, podium and backdrop kept apart.
 */
import { describe, expect, it } from "vitest";
import { deltaE2000 } from "@/lib/colour/ciede2000";
import type { SceneDocument } from "@/lib/scene";
import { BUILT_IN_TEMPLATES, type SceneTemplate } from "@/lib/scene/templates";
import { SAMPLE_PRODUCTS } from "@/lib/products/samples";
import { chroma, hexToHsl } from "./colour";
import { instantiateTemplate } from "./instantiate";
import { MIN_PODIUM_BACKDROP_DE, separateBackdrop, slotSurface, tintSlotColour } from "./tint";

const can = SAMPLE_PRODUCTS.find((p) => p.id === "sample_drink-can")!;
const PALETTES = {
  greenRedNavy: ["#1e6b52", "#e63946", "#1d3557"],
  pastel: ["#f4c2c2", "#b5ead7", "#c7ceea"],
  blackGold: ["#111111", "#c9a45c"],
  fourColours: ["#0b6e4f", "#f2545b", "#3a86ff", "#ffbe0b"],
} as const;

const template = (id: string) => BUILT_IN_TEMPLATES.find((t) => t.id === id)!;
const tinted = (t: SceneTemplate, palette: readonly string[], rotation = 0) =>
  instantiateTemplate(t, {
    productId: can.id,
    productSize: can.dimensionsM,
    brandPalette: palette,
    paletteRotation: rotation,
  });
const plain = (t: SceneTemplate) => instantiateTemplate(t, { productId: can.id, productSize: can.dimensionsM });

function read(doc: SceneDocument, path: string): unknown {
  return path.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], doc);
}

function backdropColours(doc: SceneDocument): string[] {
  if (doc.background.kind === "solid") return [doc.background.color];
  if (doc.background.kind === "gradient") return [doc.background.from, doc.background.to];
  return [];
}

describe("the brand colour itself", () => {
  it("is the exact base colour of a painted podium", () => {
    for (const id of ["minimal-ivory", "minimal-graphite", "pastel-lilac", "botanical-fern", "seasonal-valentine"]) {
      expect(tinted(template(id), PALETTES.greenRedNavy).stage.podium!.color, id).toBe("#1e6b52");
    }
  });

  it("follows the rotation a variation picks (the next palette colour becomes the main)", () => {
    expect(tinted(template("minimal-ivory"), PALETTES.greenRedNavy, 1).stage.podium!.color).toBe("#e63946");
  });
});

describe("material identity", () => {
  it("keeps gold gold and copper copper on every template, under every palette", () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const before = plain(t);
      for (const palette of Object.values(PALETTES)) {
        const after = tinted(t, palette);
        before.stage.props.forEach((prop, i) => {
          if (prop.metalness >= 0.5 && chroma(prop.color) > 0.12) {
            expect(after.stage.props[i].color, `${t.id} prop ${i}`).toBe(prop.color);
          }
        });
      }
    }
  });

  it("gives grey metals only a subtle tint", () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const before = plain(t);
      const after = tinted(t, PALETTES.greenRedNavy);
      const metals = [
        ...(before.stage.podium!.metalness >= 0.5 ? [[before.stage.podium!.color, after.stage.podium!.color]] : []),
        ...before.stage.props.flatMap((prop, i) =>
          prop.metalness >= 0.5 ? [[prop.color, after.stage.props[i].color]] : [],
        ),
      ];
      for (const [was, now] of metals) expect(deltaE2000(was, now), `${t.id} ${was} -> ${now}`).toBeLessThan(6);
    }
  });

  it("keeps marble, stone, wood and sand podiums in their lightness with a faint tint, never a painted slab", () => {
    const materials = BUILT_IN_TEMPLATES.filter((t) => ["marble-gold", "kitchen", "spa", "beach"].includes(t.style));
    expect(materials.length).toBeGreaterThanOrEqual(20);
    for (const t of materials) {
      const was = plain(t).stage.podium!.color;
      const now = tinted(t, PALETTES.greenRedNavy).stage.podium!.color;
      expect(Math.abs(hexToHsl(now).l - hexToHsl(was).l), t.id).toBeLessThan(0.03);
      expect(deltaE2000(now, was), t.id).toBeLessThan(8);
      expect(now, t.id).not.toBe("#1e6b52");
    }
    // The reported case: "Dove grey marble & gold" stays a pale marble with gold beside it.
    const dove = tinted(template("marble-dove"), PALETTES.greenRedNavy);
    expect(hexToHsl(dove.stage.podium!.color).l).toBeGreaterThan(0.85);
    expect(dove.stage.props[0].color).toBe("#c9a45c");
    expect(dove.stage.props[1].color).toBe("#c9a45c");
  });
});

describe("harmonious tones", () => {
  it("never puts a secondary palette colour (3rd, 4th...) anywhere, nor the accent on a backdrop or podium", () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const palette of Object.values(PALETTES)) {
        const doc = tinted(t, palette);
        const [, accent, ...rest] = palette;
        for (const slot of t.slots.tint) {
          const colour = read(doc, slot.path) as string;
          for (const raw of rest) expect(deltaE2000(colour, raw), `${t.id} ${slot.path}`).toBeGreaterThan(1);
          if (!slot.path.startsWith("stage.props.") && palette.length > 1) {
            expect(deltaE2000(colour, accent), `${t.id} ${slot.path} got the accent`).toBeGreaterThan(1);
          }
        }
      }
    }
  });

  it("keeps backdrops calm: low saturation tones of the main colour at the template's lightness", () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const neutralPaths = t.slots.tint.filter((s) => s.role === "neutral" && s.path.startsWith("background."));
      const doc = tinted(t, PALETTES.greenRedNavy);
      for (const slot of neutralPaths) {
        expect(chroma(read(doc, slot.path) as string), `${t.id} ${slot.path}`).toBeLessThanOrEqual(0.05);
      }
    }
  });

  it("keeps a visible difference between the podium and the backdrop (CIEDE2000 >= 10, or the template's own)", () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const original = plain(t);
      const designed = Math.min(
        ...backdropColours(original).map((b) => deltaE2000(b, original.stage.podium!.color)),
        MIN_PODIUM_BACKDROP_DE,
      );
      for (const palette of Object.values(PALETTES)) {
        const doc = tinted(t, palette);
        for (const backdrop of backdropColours(doc)) {
          expect(deltaE2000(backdrop, doc.stage.podium!.color), `${t.id} ${palette[0]}`).toBeGreaterThanOrEqual(
            // A dark-on-dark design (neon: a rim-lit metal podium) keeps most of its own small difference.
            designed >= MIN_PODIUM_BACKDROP_DE ? designed - 0.5 : designed * 0.6,
          );
        }
      }
    }
  });

  it("never makes a tone louder than the main colour (a pastel brand gives muted tones, a black brand greys)", () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const palette of [PALETTES.pastel, PALETTES.blackGold]) {
        const doc = tinted(t, palette);
        for (const slot of t.slots.tint) {
          if (slot.role !== "secondary" && slot.role !== "neutral") continue;
          const owner = read(doc, slot.path.split(".").slice(0, -1).join(".")) as { metalness?: number };
          if ((owner.metalness ?? 0) >= 0.5) continue; // metals keep their own colour (tested above)
          const colour = read(doc, slot.path) as string;
          expect(chroma(colour), `${t.id} ${slot.path} ${colour}`).toBeLessThanOrEqual(
            Math.max(chroma(palette[0]), 0.05) + 0.01,
          );
        }
      }
    }
  });

  it("an achromatic main colour (black) keeps the template's own hues in its neutrals", () => {
    const ivory = tinted(template("minimal-ivory"), PALETTES.blackGold);
    const original = plain(template("minimal-ivory"));
    if (ivory.background.kind !== "solid" || original.background.kind !== "solid") throw new Error("solid expected");
    expect(deltaE2000(ivory.background.color, original.background.color)).toBeLessThan(3);
    expect(ivory.stage.podium!.color).toBe("#111111");
  });
});

describe("slot rules (pure)", () => {
  const roles = { main: "#1e6b52", accent: "#e63946" };
  it("paints a podium with the main colour, gives the accent only to props", () => {
    expect(tintSlotColour({ place: "podium", finish: "paint", role: "primary", original: "#e4ded5" }, roles)).toBe(
      "#1e6b52",
    );
    expect(tintSlotColour({ place: "prop", finish: "paint", role: "accent", original: "#e9a98f" }, roles)).toBe(
      "#e63946",
    );
    expect(tintSlotColour({ place: "backdrop", finish: "paint", role: "accent", original: "#ffd23f" }, roles)).not.toBe(
      "#e63946",
    );
  });

  it("reads finish and place from the document", () => {
    const doc = plain(template("marble-dove"));
    expect(slotSurface(doc, { path: "stage.props.0.color", role: "accent" }, "#c9a45c", "marble-gold")).toMatchObject({
      place: "prop",
      finish: "metal",
    });
    expect(slotSurface(doc, { path: "stage.podium.color", role: "primary" }, "#e9e8e6", "marble-gold").finish).toBe(
      "material",
    );
    expect(slotSurface(doc, { path: "stage.podium.color", role: "primary" }, "#e9e8e6").finish).toBe("paint");
    expect(slotSurface(doc, { path: "background.color", role: "neutral" }, "#d9d8d6").place).toBe("backdrop");
  });

  it("moves a backdrop away from a podium of nearly the same colour, keeping its hue", () => {
    const moved = separateBackdrop("#f3d0d0", "#f4c2c2");
    expect(deltaE2000(moved, "#f4c2c2")).toBeGreaterThanOrEqual(MIN_PODIUM_BACKDROP_DE);
    expect(Math.abs(hexToHsl(moved).h - hexToHsl("#f3d0d0").h)).toBeLessThan(3);
    expect(separateBackdrop("#f1ede6", "#1e6b52")).toBe("#f1ede6");
  });
});
