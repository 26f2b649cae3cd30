import { describe, expect, it } from "vitest";
import { parseScene } from "@/lib/scene";
import { BUILT_IN_TEMPLATES, TEMPLATE_STYLES, templateSchema } from "@/lib/scene/templates";
import { SAMPLE_PRODUCTS } from "@/lib/products/samples";
import { hexToHsl } from "./colour";
import { sortForYou } from "./for-you";
import { instantiateTemplate } from "./instantiate";
import { paletteRoles, tintDocument } from "./tint";
import { generateVariations } from "./variations";

const can = SAMPLE_PRODUCTS.find((p) => p.id === "sample_drink-can")!;
const box = SAMPLE_PRODUCTS.find((p) => p.id === "sample_kraft-box")!;

describe("built-in templates", () => {
  it("has at least 48 templates over all 10 styles, each a valid scene document", () => {
    expect(BUILT_IN_TEMPLATES.length).toBeGreaterThanOrEqual(48);
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.style))).toEqual(new Set(TEMPLATE_STYLES));
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size).toBe(BUILT_IN_TEMPLATES.length);
    for (const template of BUILT_IN_TEMPLATES) {
      expect(() => parseScene(template.document), template.id).not.toThrow();
      expect(templateSchema.safeParse(template).success, template.id).toBe(true);
      for (const slot of template.slots.tint) {
        const value = slot.path
          .split(".")
          .reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], template.document);
        expect(value, `${template.id} ${slot.path}`).toMatch(/^#[0-9a-f]{6}$/);
      }
    }
  });

  it("every template instantiates for every sample product", () => {
    for (const template of BUILT_IN_TEMPLATES) {
      for (const product of SAMPLE_PRODUCTS) {
        expect(() =>
          instantiateTemplate(template, {
            productId: product.id,
            productSize: product.dimensionsM,
            brandPalette: ["#1d3557", "#e63946"],
          }),
        ).not.toThrow();
      }
    }
  });
});

describe("instantiateTemplate", () => {
  it("stands the product at real size on the podium top, the stage scaled to it", () => {
    const template = BUILT_IN_TEMPLATES[0];
    const small = instantiateTemplate(template, { productId: can.id, productSize: can.dimensionsM });
    const big = instantiateTemplate(template, { productId: box.id, productSize: box.dimensionsM });
    for (const doc of [small, big]) {
      expect(doc.products).toHaveLength(1);
      expect(doc.products[0].scale).toBe(1);
      expect(doc.products[0].position).toEqual([0, doc.stage.podium!.height, 0]);
      expect(doc.camera.distance).toBeNull();
    }
    expect(small.products[0].productId).toBe(can.id);
    // The podium is wider than the product's footprint and grows with it.
    expect(small.stage.podium!.width).toBeGreaterThan(Math.max(can.dimensionsM[0], can.dimensionsM[2]) * 1.5);
    expect(big.stage.podium!.width).toBeGreaterThan(small.stage.podium!.width);
  });

  it("keeps props off the product and podium-anchored props on the podium top", () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const doc = instantiateTemplate(template, { productId: box.id, productSize: box.dimensionsM });
      const half = Math.hypot(box.dimensionsM[0], box.dimensionsM[2]) / 2;
      doc.stage.props.forEach((prop, i) => {
        const radius = Math.hypot(prop.position[0], prop.position[2]);
        // Flat things on the floor (leaves, pebbles) may tuck under the podium: they cannot reach the product above it.
        const top =
          prop.position[1] +
          prop.scale *
            (prop.kind === "leaf" ? 0.015 : prop.kind === "pebble" ? 0.05 : prop.kind === "torus" ? 0.03 : 0.1);
        if (top <= doc.stage.podium!.height) return;
        expect(radius - prop.scale * 0.06, `${template.id} prop ${i}`).toBeGreaterThan(half);
        if (template.slots.product.propAnchors[i] === "podium")
          expect(prop.position[1]).toBeCloseTo(doc.stage.podium!.height, 4);
      });
    }
  });

  it("is pure: the same input gives the same document", () => {
    const a = instantiateTemplate(BUILT_IN_TEMPLATES[5], {
      productId: can.id,
      productSize: can.dimensionsM,
      brandPalette: ["#123456", "#abcdef"],
    });
    const b = instantiateTemplate(BUILT_IN_TEMPLATES[5], {
      productId: can.id,
      productSize: can.dimensionsM,
      brandPalette: ["#123456", "#abcdef"],
    });
    expect(a).toEqual(b);
  });
});

describe("brand tinting", () => {
  it("takes the main colour and one accent from the palette, deterministically", () => {
    expect(paletteRoles(["#E63946", "#1d3557", "#f1faee", "#a8dadc"])).toEqual({ main: "#e63946", accent: "#1d3557" });
    expect(paletteRoles(["#e63946", "#1d3557"], 1)).toEqual({ main: "#1d3557", accent: "#e63946" });
    expect(paletteRoles(["#e63946", "#1d3557"])).toEqual(paletteRoles(["#e63946", "#1d3557"]));
  });

  it("puts the brand hue into every tintable slot, keeping backdrops in their lightness", () => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === "pastel-peach")!;
    const doc = instantiateTemplate(template, { productId: can.id, productSize: can.dimensionsM });
    const tinted = tintDocument(doc, template.slots.tint, ["#1d7a3a", "#2244aa", "#aa22aa"], 0, template.style);
    // The podium is painted: it takes the brand's main colour exactly.
    expect(tinted.stage.podium!.color).toBe("#1d7a3a");
    expect(tinted.background.kind).toBe("gradient");
    if (tinted.background.kind === "gradient" && doc.background.kind === "gradient") {
      expect(Math.abs(hexToHsl(tinted.background.from).h - hexToHsl("#1d7a3a").h)).toBeLessThan(4);
      expect(Math.abs(hexToHsl(tinted.background.from).l - hexToHsl(doc.background.from).l)).toBeLessThan(0.15);
    }
    expect(tintDocument(doc, template.slots.tint, ["#1d7a3a", "#2244aa", "#aa22aa"], 0, template.style)).toEqual(
      tinted,
    );
    // Untinted slots (e.g. the product) are left alone.
    expect(tinted.products).toEqual(doc.products);
  });
});

describe("variations", () => {
  const options = {
    templates: BUILT_IN_TEMPLATES,
    productId: can.id,
    productSize: can.dimensionsM,
    palette: ["#e63946", "#1d3557", "#f1faee"],
    seed: 42,
  };

  it("are deterministic by seed", () => {
    expect(generateVariations(options)).toEqual(generateVariations(options));
    expect(generateVariations({ ...options, seed: 43 }).map((v) => v.templateId)).not.toEqual(
      generateVariations(options).map((v) => v.templateId),
    );
  });

  it("gives 12 different, valid scenes by default, respecting disliked styles", () => {
    const variations = generateVariations({ ...options, dislikedStyles: ["tech-neon", "luxury-dark"] });
    expect(variations).toHaveLength(12);
    expect(new Set(variations.map((v) => JSON.stringify(v.document))).size).toBe(12);
    expect(new Set(variations.map((v) => v.templateId)).size).toBe(12);
    for (const v of variations) {
      expect(() => parseScene(v.document)).not.toThrow();
      expect(BUILT_IN_TEMPLATES.find((t) => t.id === v.templateId)!.style).not.toMatch(/tech-neon|luxury-dark/);
    }
  });
});

describe("for you ordering", () => {
  it("puts liked styles first, disliked last, then the most used", () => {
    const list = [
      { id: "a", style: "minimal" as const },
      { id: "b", style: "spa" as const },
      { id: "c", style: "beach" as const },
      { id: "d", style: "spa" as const },
    ];
    const sorted = sortForYou(list, { likedStyles: ["spa"], dislikedStyles: ["minimal"], usage: { d: 3, c: 1 } });
    expect(sorted.map((t) => t.id)).toEqual(["d", "b", "c", "a"]);
  });
});
