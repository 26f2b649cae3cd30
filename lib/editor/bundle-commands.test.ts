import { describe, expect, it } from "vitest";
import { createDefaultScene, localBoundsOfSize, placeBounds, type SceneDocument } from "../scene";
import { MAX_PRODUCTS, type ProductSizes } from "./bundle-commands";
import { applyCommand, CommandError } from "./commands";
import { createHistory, push, redo, undo } from "./history";

const SIZES: ProductSizes = {
  "sample_drink-can": [0.066, 0.115, 0.066],
  "sample_kraft-box": [0.12, 0.18, 0.06],
  "sample_cosmetic-jar": [0.0724, 0.063, 0.0724],
  "sample_serum-dropper": [0.032, 0.1027, 0.032],
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const base = () =>
  deepFreeze(
    createDefaultScene({ productId: "sample_drink-can", seed: 1, productSize: SIZES["sample_drink-can"] as never }),
  );

const add = (doc: SceneDocument, productId: string, variant: string | null = null) =>
  applyCommand(doc, { type: "addProduct", args: { productId, variant, sizes: SIZES } });

function footprints(doc: SceneDocument) {
  return doc.products.map((p) => placeBounds(localBoundsOfSize(SIZES[p.productId]), p));
}

describe("bundle commands", () => {
  it("addProduct places the new product beside the others, on the podium, and grows the podium to hold both", () => {
    const doc = base();
    const next = add(doc, "sample_kraft-box", "Matte");
    expect(next.products.map((p) => [p.id, p.productId, p.variant])).toEqual([
      ["product-1", "sample_drink-can", null],
      ["product-2", "sample_kraft-box", "Matte"],
    ]);
    const [can, box] = footprints(next);
    expect(box.min[0]).toBeGreaterThan(can.max[0]); // beside, apart
    expect(next.products.every((p) => p.position[1] === doc.stage.podium!.height)).toBe(true);
    expect(Math.abs(can.min[0] + box.max[0])).toBeLessThan(1e-3); // re-centred
    const podium = next.stage.podium!;
    expect(podium.width).toBeGreaterThan(doc.stage.podium!.width);
    for (const b of [can, box]) {
      for (const [x, z] of [
        [b.min[0], b.min[2]],
        [b.max[0], b.max[2]],
        [b.min[0], b.max[2]],
        [b.max[0], b.min[2]],
      ]) {
        expect(Math.hypot(x / (podium.width / 2), z / (podium.depth / 2)), "on the podium's top").toBeLessThanOrEqual(
          1,
        );
      }
    }
    // The input document is untouched (frozen: a mutation would have thrown).
    expect(doc.products).toHaveLength(1);
  });

  it("refuses a sixth product with a clear message and changes nothing", () => {
    let doc = base();
    for (const id of ["sample_kraft-box", "sample_cosmetic-jar", "sample_serum-dropper", "sample_drink-can"]) {
      doc = add(doc, id);
    }
    expect(doc.products).toHaveLength(MAX_PRODUCTS);
    const frozen = deepFreeze(doc);
    expect(() => add(frozen, "sample_kraft-box")).toThrow(CommandError);
    expect(() => add(frozen, "sample_kraft-box")).toThrow(
      "A scene holds at most 5 products. Remove one to add another.",
    );
    expect(frozen.products).toHaveLength(5);
  });

  it("removeProduct removes one, never the last", () => {
    const two = add(base(), "sample_kraft-box");
    const one = applyCommand(two, { type: "removeProduct", args: { slotId: "product-1" } });
    expect(one.products.map((p) => p.productId)).toEqual(["sample_kraft-box"]);
    expect(() => applyCommand(one, { type: "removeProduct", args: { slotId: "product-2" } })).toThrow(
      "A scene needs at least one product.",
    );
    expect(() => applyCommand(two, { type: "removeProduct", args: { slotId: "product-9" } })).toThrow(CommandError);
    // A freed id is reused by the next product.
    expect(add(one, "sample_cosmetic-jar").products.map((p) => p.id)).toEqual(["product-2", "product-1"]);
  });

  it("arrangeProducts lays the bundle out at real sizes, without overlaps, and is one undo step", () => {
    const three = add(add(base(), "sample_kraft-box"), "sample_cosmetic-jar");
    for (const preset of ["row", "pyramid", "hero", "staggered"] as const) {
      const arranged = applyCommand(three, { type: "arrangeProducts", args: { preset, sizes: SIZES } });
      const boxes = footprints(arranged);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const apart = Math.max(
            boxes[j].min[0] - boxes[i].max[0],
            boxes[i].min[0] - boxes[j].max[0],
            boxes[j].min[2] - boxes[i].max[2],
            boxes[i].min[2] - boxes[j].max[2],
          );
          expect(apart, `${preset} ${i}/${j}`).toBeGreaterThan(0);
        }
      }
    }
    const history = push(
      createHistory(three),
      applyCommand(three, { type: "arrangeProducts", args: { preset: "pyramid", sizes: SIZES } }),
    );
    expect(undo(history).present).toBe(three);
    expect(redo(undo(history)).present.products).not.toEqual(three.products);
  });

  it("names a product whose size is unknown instead of guessing", () => {
    const doc = add(base(), "sample_kraft-box");
    expect(() =>
      applyCommand(doc, {
        type: "arrangeProducts",
        args: { preset: "row", sizes: { "sample_drink-can": [0.1, 0.1, 0.1] } },
      }),
    ).toThrow(/no longer in the library/);
  });
});
