/**
 * What a selection means for the document (pure): the selected objects' transforms, moving them together
 * on the stage (turning, scaling and aligning a group: ./group-transform.ts). Selection itself is session state
 * (never saved).
 */
import type { SceneDocument, Vec3 } from "../scene";
import { liftOf, placeOnStage, productRadius, propRadius } from "./placement";
import type { ObjectRef, ObjectTransform } from "./placement-commands";

export type { ObjectRef, ObjectTransform } from "./placement-commands";

/** A product's real size (width, height, depth in metres) by catalogue id; unknown: a 10 cm cube. */
export type ProductSizes = (productId: string) => readonly [number, number, number] | undefined;

export type Placed = { position: Vec3; rotationY: number; scale: number };

export const sameRef = (a: ObjectRef, b: ObjectRef) => a.kind === b.kind && a.id === b.id;

export function placedOf(doc: SceneDocument, ref: ObjectRef): Placed | null {
  const item =
    ref.kind === "product" ? doc.products.find((p) => p.id === ref.id) : doc.stage.props.find((p) => p.id === ref.id);
  return item ? { position: item.position, rotationY: item.rotationY, scale: item.scale } : null;
}

/** Keeps only refs that still exist (an undo may remove a selected prop). */
export function existing(doc: SceneDocument, refs: readonly ObjectRef[]): ObjectRef[] {
  return refs.filter((ref) => placedOf(doc, ref) !== null);
}

/** The footprint radius of an object at a given scale. */
export function radiusOf(doc: SceneDocument, ref: ObjectRef, scale: number, sizes: ProductSizes): number {
  if (ref.kind === "prop") return propRadius(scale);
  const product = doc.products.find((p) => p.id === ref.id);
  return productRadius((product && sizes(product.productId)) ?? [0.1, 0.1, 0.1], scale);
}

/**
 * Where an object lands when asked to stand at (x, z) with a scale: on the stage, products resting,
 * props keeping `lift` above the surface.
 */
export function landed(
  doc: SceneDocument,
  ref: ObjectRef,
  x: number,
  z: number,
  options: { scale: number; lift: number; sizes: ProductSizes },
): Vec3 {
  const lift = ref.kind === "prop" ? options.lift : 0;
  return placeOnStage(doc.stage.podium, [x, 0, z], radiusOf(doc, ref, options.scale, options.sizes), lift);
}

/** Moves every selected object by (dx, dz) on the ground, each landing on the stage with its own lift. */
export function moveBy(
  doc: SceneDocument,
  refs: readonly ObjectRef[],
  dx: number,
  dz: number,
  sizes: ProductSizes,
): ObjectTransform[] {
  return refs.flatMap((ref) => {
    const placed = placedOf(doc, ref);
    if (!placed) return [];
    const [x, , z] = placed.position;
    const lift = liftOf(doc.stage.podium, placed.position);
    return [{ ...ref, position: landed(doc, ref, x + dx, z + dz, { scale: placed.scale, lift, sizes }) }];
  });
}
