/**
 * Bundle commands (issue 19): add a product to the scene, remove one, arrange them with a preset. Pure
 * `(doc, args) => doc` like every editor command (./commands.ts spreads these in); the caller passes each
 * product's real size, which the editor knows from the product library (the document stores only ids).
 */
import {
  arrangeItems,
  arrangeProducts,
  bundleGap,
  localBoundsOfSize,
  placeBounds,
  podiumToHold,
  unionBounds,
  type ArrangePreset,
  type ProductPlacement,
  type SceneDocument,
  type Vec3,
} from "../scene";
import { CommandError } from "./command-error";

/** The schema's limit (lib/scene/schema.ts: products 1..5). */
export const MAX_PRODUCTS = 5;

/** Real sizes [x, y, z] in metres by product id. */
export type ProductSizes = Readonly<Record<string, readonly [number, number, number]>>;

function itemsOf(placements: readonly ProductPlacement[], sizes: ProductSizes) {
  try {
    return arrangeItems(placements, sizes);
  } catch {
    throw new CommandError("A product in this scene is no longer in the library, so its size is unknown");
  }
}

/** Footprints (centre and half extents on x/z) of placements at their positions. */
function footprintsOf(placements: readonly ProductPlacement[], sizes: ProductSizes) {
  return itemsOf(placements, sizes).map((item, i) => {
    const box = placeBounds(localBoundsOfSize(item.size), placements[i]);
    return {
      box,
      x: (box.min[0] + box.max[0]) / 2,
      z: (box.min[2] + box.max[2]) / 2,
      hx: (box.max[0] - box.min[0]) / 2,
      hz: (box.max[2] - box.min[2]) / 2,
    };
  });
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

export const bundleCommands = {
  /**
   * Adds a product beside the bundle (to its right, a gap apart, on the podium or the floor) and re-centres the
   * bundle on the stage; the podium grows to hold it. The others keep their arrangement. A sixth is refused.
   */
  addProduct(
    doc: SceneDocument,
    args: { productId: string; variant?: string | null; sizes: ProductSizes },
  ): SceneDocument {
    if (doc.products.length >= MAX_PRODUCTS) {
      throw new CommandError(`A scene holds at most ${MAX_PRODUCTS} products. Remove one to add another.`);
    }
    const taken = new Set(doc.products.map((p) => p.id));
    let id = "";
    for (let n = 1; !id; n++) if (!taken.has(`product-${n}`)) id = `product-${n}`;
    const podium = doc.stage.podium;
    const added: ProductPlacement = {
      id,
      productId: args.productId,
      position: [0, podium ? podium.height : 0, 0],
      rotationY: 0,
      scale: 1,
      materialOverrides: {},
      variant: args.variant ?? null,
    };
    const [newcomer] = footprintsOf([added], args.sizes);
    const existing = footprintsOf(doc.products, args.sizes);
    const gap = bundleGap([...existing, newcomer]);
    const group = unionBounds(existing.map((f) => f.box));
    added.position = [group.max[0] + gap + newcomer.hx, added.position[1], (group.min[2] + group.max[2]) / 2];
    // Re-centre on x so the podium (centred on the origin) grows evenly on both sides.
    const shift = (group.min[0] + added.position[0] + newcomer.hx) / 2;
    const moved = (position: Vec3): Vec3 => [round4(position[0] - shift), position[1], position[2]];
    const products = [...doc.products, added].map((p) => ({ ...p, position: moved(p.position) }));
    const grown = podium && podiumToHold(podium, footprintsOf(products, args.sizes), gap);
    return { ...doc, products, stage: grown === podium ? doc.stage : { ...doc.stage, podium: grown } };
  },

  /** Removes a product from the bundle; the last one stays (a scene always shows a product). */
  removeProduct(doc: SceneDocument, args: { slotId: string }): SceneDocument {
    if (!doc.products.some((p) => p.id === args.slotId))
      throw new CommandError(`no product slot with id "${args.slotId}"`);
    if (doc.products.length <= 1) throw new CommandError("A scene needs at least one product.");
    return { ...doc, products: doc.products.filter((p) => p.id !== args.slotId) };
  },

  /** Lays the products out with a preset at their real sizes (lib/scene/arrange.ts); the podium grows if needed. */
  arrangeProducts(doc: SceneDocument, args: { preset: ArrangePreset; sizes: ProductSizes }): SceneDocument {
    const result = arrangeProducts(args.preset, itemsOf(doc.products, args.sizes), doc.stage.podium);
    const products = doc.products.map((p, i) => ({ ...p, position: result.positions[i] }));
    const stage = result.podium === doc.stage.podium ? doc.stage : { ...doc.stage, podium: result.podium };
    return { ...doc, products, stage };
  },
} satisfies Record<string, (doc: SceneDocument, args: never) => SceneDocument>;
