/**
 * What a selection means for the document (pure): the selected objects' transforms, moving them together
 * on the stage, aligning and distributing them. Selection itself is session state (never saved).
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

export type AlignMode = "centre-x" | "centre-z" | "distribute-x";

/**
 * Align centres on X (a column front to back) or Z (a row across), or spread evenly on X between the
 * outermost two (order kept). Everything lands on the stage again.
 */
export function align(
  doc: SceneDocument,
  refs: readonly ObjectRef[],
  mode: AlignMode,
  sizes: ProductSizes,
): ObjectTransform[] {
  const items = refs.flatMap((ref) => {
    const placed = placedOf(doc, ref);
    return placed ? [{ ref, placed }] : [];
  });
  if (items.length < 2) return [];
  const mean = (axis: 0 | 2) => items.reduce((sum, i) => sum + i.placed.position[axis], 0) / items.length;
  const targets = new Map<ObjectRef, [number, number]>();
  if (mode === "centre-x") {
    const x = mean(0);
    for (const i of items) targets.set(i.ref, [x, i.placed.position[2]]);
  } else if (mode === "centre-z") {
    const z = mean(2);
    for (const i of items) targets.set(i.ref, [i.placed.position[0], z]);
  } else {
    const sorted = [...items].sort((a, b) => a.placed.position[0] - b.placed.position[0]);
    const first = sorted[0].placed.position[0];
    const step = (sorted[sorted.length - 1].placed.position[0] - first) / (sorted.length - 1);
    sorted.forEach((i, n) => targets.set(i.ref, [first + step * n, i.placed.position[2]]));
  }
  return items.map(({ ref, placed }) => {
    const [x, z] = targets.get(ref)!;
    const lift = liftOf(doc.stage.podium, placed.position);
    return { ...ref, position: landed(doc, ref, x, z, { scale: placed.scale, lift, sizes }) };
  });
}
