import { describe, expect, it } from "vitest";
import { createDefaultScene } from "./defaults";
import { SceneValidationError } from "./errors";
import { parseScene, safeParseScene } from "./parse";
import { sceneSchema, type SceneDocument } from "./schema";

const base = () => createDefaultScene({ productId: "sample_perfume", seed: 7 });

function issuesOf(doc: unknown) {
  const result = safeParseScene(doc);
  if (result.success) throw new Error("expected the document to be rejected");
  return result.issues;
}

describe("parseScene", () => {
  it("round-trips the default scene through JSON", () => {
    const doc = base();
    expect(parseScene(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(sceneSchema.safeParse(doc).success).toBe(true);
  });

  it("derives the default seed from the product id, not the clock", () => {
    const a = createDefaultScene({ productId: "prd_abc" });
    const b = createDefaultScene({ productId: "prd_abc" });
    expect(a.seed).toBe(b.seed);
    expect(createDefaultScene({ productId: "prd_xyz" }).seed).not.toBe(a.seed);
  });

  it("has the documented default look", () => {
    const doc = base();
    expect(doc.products).toHaveLength(1);
    expect(doc.products[0].position).toEqual([0, doc.stage.podium!.height, 0]);
    expect(doc.lighting.rig.lights.map((l) => l.role)).toEqual(["key", "fill", "rim"]);
    expect(doc.lighting.environment).toMatchObject({ id: "studio", showAsBackground: false });
    expect(doc.background.kind).toBe("solid");
    expect(doc.toneMapping.mode).toBe("neutral");
    expect(doc.camera).toMatchObject({ preset: "three-quarter", distance: null });
    expect(doc.outputs.map((o) => [o.width, o.height])).toEqual([
      [1080, 1080],
      [1080, 1350],
      [1080, 1920],
      [1920, 1080],
    ]);
  });

  it("accepts a 3-product bundle", () => {
    const doc = base();
    const bundle: SceneDocument = {
      ...doc,
      products: [
        { ...doc.products[0], id: "a", position: [-0.12, 0.08, 0] },
        { ...doc.products[0], id: "b", productId: "prd_01HXYZ", position: [0, 0.08, 0.02], variant: "midnight" },
        { ...doc.products[0], id: "c", productId: "sample_candle", position: [0.12, 0.08, 0], scale: 0.9 },
      ],
    };
    expect(parseScene(JSON.parse(JSON.stringify(bundle))).products).toHaveLength(3);
  });

  it("fills defaults a client may omit and normalises colour case", () => {
    const doc = JSON.parse(JSON.stringify(base()));
    delete doc.products[0].scale;
    delete doc.products[0].materialOverrides;
    delete doc.products[0].variant;
    delete doc.camera.zoom;
    doc.background = { kind: "solid", color: "#AABBCC" };
    const parsed = parseScene(doc);
    expect(parsed.products[0]).toMatchObject({ scale: 1, materialOverrides: {}, variant: null });
    expect(parsed.camera.zoom).toBe(1);
    expect(parsed.background).toEqual({ kind: "solid", color: "#aabbcc" });
  });

  it("names the field of a bad colour", () => {
    const issues = issuesOf({ ...base(), background: { kind: "solid", color: "red" } });
    expect(issues).toEqual([{ path: "background.color", message: expect.stringMatching(/hex colour/) }]);
  });

  it("names the field of a negative light intensity", () => {
    const doc = base();
    doc.lighting.rig.lights[1] = { ...doc.lighting.rig.lights[1], intensity: -1 };
    expect(issuesOf(doc).map((i) => i.path)).toEqual(["lighting.rig.lights.1.intensity"]);
  });

  it("reports several problems at once, with paths", () => {
    const doc = JSON.parse(JSON.stringify(base()));
    doc.products[0].position = [0, "up", 0];
    doc.camera.elevation = 95;
    doc.outputs[0].width = 10_000;
    doc.toneMapping.colour = "x"; // typo'd key
    const paths = issuesOf(doc)
      .map((i) => i.path)
      .sort();
    expect(paths).toEqual(["camera.elevation", "outputs.0.width", "products.0.position.1", "toneMapping"]);
  });

  it("rejects an empty product list, more than 5 products and duplicate slot ids", () => {
    const doc = base();
    expect(issuesOf({ ...doc, products: [] })[0].path).toBe("products");
    expect(
      issuesOf({ ...doc, products: Array.from({ length: 6 }, (_, i) => ({ ...doc.products[0], id: `p${i}` })) })[0]
        .path,
    ).toBe("products");
    const dup = issuesOf({ ...doc, products: [doc.products[0], doc.products[0]] });
    expect(dup).toEqual([{ path: "products.1.id", message: 'duplicate id "product-1"' }]);
  });

  it("rejects an unknown background kind and a non-object", () => {
    expect(issuesOf({ ...base(), background: { kind: "video" } })[0].path).toBe("background.kind");
    expect(() => parseScene("nope")).toThrow(SceneValidationError);
  });

  it("throws a SceneValidationError carrying the issues", () => {
    try {
      parseScene({ ...base(), seed: -1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SceneValidationError);
      expect((error as SceneValidationError).issues[0].path).toBe("seed");
      expect((error as Error).message).toContain("seed");
    }
  });
});

describe("default podium", () => {
  it("is sized to the product and the product stands on it", async () => {
    const { createDefaultScene } = await import("./defaults");
    const lipstick = createDefaultScene({ productId: "p", productSize: [0.02, 0.08, 0.02] });
    const speaker = createDefaultScene({ productId: "p", productSize: [0.3, 0.4, 0.2] });
    expect(lipstick.stage.podium!.width).toBeLessThan(speaker.stage.podium!.width);
    expect(lipstick.stage.podium!.width).toBeGreaterThanOrEqual(0.08);
    expect(speaker.stage.podium!.width).toBeCloseTo(0.51, 2);
    expect(speaker.products[0].position[1]).toBe(speaker.stage.podium!.height);
  });
});
