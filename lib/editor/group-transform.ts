/**
 * A multi-selection acting as one group (pure): turning and scaling it about the group's centre, aligning and
 * distributing it. Every function returns the transforms for ONE `setObjectTransforms` command (one undo step).
 *
 * Align works in the camera's view, not the stage's axes: "left" is the left of the screen the user is looking
 * at. The camera's azimuth is rounded to the nearest quarter turn (as arrow-key nudges are), so the view's
 * axes are world axes and aligned positions stay round numbers.
 *
 * Rules every result keeps (unit-tested in group-transform.test.ts):
 *  - everything lands on the stage again (placement.ts): products rest on the podium or floor, never in it;
 *    props keep their lift above the surface under them;
 *  - align and distribute never create an overlap: where two footprints would meet, the later one (in the
 *    view's depth or width order) slides along the other view axis until they just touch.
 */
import type { SceneDocument } from "../scene";
import { clampScale, liftOf, wrapRadians } from "./placement";
import {
  landed,
  placedOf,
  radiusOf,
  type ObjectRef,
  type ObjectTransform,
  type Placed,
  type ProductSizes,
} from "./selection";

type Item = { ref: ObjectRef; placed: Placed; radius: number; lift: number };

function itemsOf(doc: SceneDocument, refs: readonly ObjectRef[], sizes: ProductSizes): Item[] {
  return refs.flatMap((ref) => {
    const placed = placedOf(doc, ref);
    if (!placed) return [];
    const radius = radiusOf(doc, ref, placed.scale, sizes);
    return [{ ref, placed, radius, lift: liftOf(doc.stage.podium, placed.position) }];
  });
}

/** The centre of the group: the middle of the box around the objects' positions on the ground. */
export function groupCentre(doc: SceneDocument, refs: readonly ObjectRef[]): [number, number] | null {
  const positions = refs.flatMap((ref) => {
    const placed = placedOf(doc, ref);
    return placed ? [placed.position] : [];
  });
  if (positions.length === 0) return null;
  const xs = positions.map((p) => p[0]);
  const zs = positions.map((p) => p[2]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...zs) + Math.max(...zs)) / 2];
}

const round6 = (v: number) => Number(v.toFixed(6));

/**
 * Turns the group by `deltaRad` about +Y through its centre: positions orbit the centre and each object turns
 * by the same angle (as three.js turns a parent), then lands on the stage.
 */
export function rotateGroup(
  doc: SceneDocument,
  refs: readonly ObjectRef[],
  deltaRad: number,
  sizes: ProductSizes,
): ObjectTransform[] {
  const centre = groupCentre(doc, refs);
  if (!centre) return [];
  const [cx, cz] = centre;
  const cos = Math.cos(deltaRad);
  const sin = Math.sin(deltaRad);
  return itemsOf(doc, refs, sizes).map(({ ref, placed, lift }) => {
    const dx = placed.position[0] - cx;
    const dz = placed.position[2] - cz;
    const x = cx + dx * cos + dz * sin;
    const z = cz - dx * sin + dz * cos;
    return {
      ...ref,
      position: landed(doc, ref, x, z, { scale: placed.scale, lift, sizes }),
      rotationY: round6(wrapRadians(placed.rotationY + deltaRad)),
    };
  });
}

/**
 * Scales the group uniformly by `factor` about its centre: distances from the centre and each object's scale
 * grow together (so objects that did not touch still do not), lifts scale too. Each scale is clamped to its
 * kind's limits.
 */
export function scaleGroup(
  doc: SceneDocument,
  refs: readonly ObjectRef[],
  factor: number,
  sizes: ProductSizes,
): ObjectTransform[] {
  const centre = groupCentre(doc, refs);
  if (!centre || !(factor > 0)) return [];
  const [cx, cz] = centre;
  return itemsOf(doc, refs, sizes).map(({ ref, placed, lift }) => {
    const scale = clampScale(ref.kind, placed.scale * factor);
    const x = cx + (placed.position[0] - cx) * factor;
    const z = cz + (placed.position[2] - cz) * factor;
    return { ...ref, scale, position: landed(doc, ref, x, z, { scale, lift: lift * factor, sizes }) };
  });
}

// ------------------------------------------------------------------ align

export type AlignMode = "left" | "centre" | "right" | "front" | "back" | "distribute";

export const ALIGN_LABELS: Record<AlignMode, string> = {
  left: "Align left",
  centre: "Align centres",
  right: "Align right",
  front: "Align front",
  back: "Align back",
  distribute: "Distribute evenly",
};

/**
 * The view's axes on the ground for a camera at `azimuthDeg` (rounded to a quarter turn): `right` is screen
 * right, `front` points towards the camera. At azimuth 0 the camera is on +Z looking at -Z.
 */
export function viewAxes(azimuthDeg: number): { right: [number, number]; front: [number, number] } {
  const quarter = Math.round(azimuthDeg / 90) * (Math.PI / 2);
  const cos = Math.round(Math.cos(quarter));
  const sin = Math.round(Math.sin(quarter));
  // Rotating (1, 0) and (0, 1) about +Y by the azimuth, as placement.ts's nudgeDelta does.
  return { right: [cos || 0, -sin || 0], front: [sin || 0, cos || 0] };
}

type ViewItem = Item & { u: number; v: number };

/**
 * Slides items along `v` (in the given order) until no two footprints overlap; u stays. Each item moves the
 * least needed past the ones before it, away from them.
 */
function separate(items: ViewItem[], direction: 1 | -1): void {
  const done: ViewItem[] = [];
  for (const item of items) {
    for (let pass = 0; pass <= done.length; pass++) {
      const hit = done.find(
        (other) => Math.hypot(item.u - other.u, item.v - other.v) < item.radius + other.radius - 1e-6,
      );
      if (!hit) break;
      const reach = item.radius + hit.radius;
      const along = Math.sqrt(Math.max(0, reach * reach - (item.u - hit.u) ** 2));
      item.v = hit.v + direction * (along + 1e-4);
    }
    done.push(item);
  }
}

/**
 * Aligns 2+ objects in the camera's view (left / centre / right edges across the screen, front / back edges in
 * depth) or distributes them evenly across the screen (the outermost two stay; equal gaps between footprints).
 */
export function alignGroup(
  doc: SceneDocument,
  refs: readonly ObjectRef[],
  mode: AlignMode,
  azimuthDeg: number,
  sizes: ProductSizes,
): ObjectTransform[] {
  const { right, front } = viewAxes(azimuthDeg);
  const items: ViewItem[] = itemsOf(doc, refs, sizes).map((item) => {
    const [x, , z] = item.placed.position;
    return { ...item, u: x * right[0] + z * right[1], v: x * front[0] + z * front[1] };
  });
  if (items.length < 2) return [];
  const lowU = Math.min(...items.map((i) => i.u - i.radius));
  const highU = Math.max(...items.map((i) => i.u + i.radius));
  const lowV = Math.min(...items.map((i) => i.v - i.radius));
  const highV = Math.max(...items.map((i) => i.v + i.radius));

  // Which view axis moves, and which one absorbs overlaps.
  const acrossScreen = mode === "left" || mode === "centre" || mode === "right" || mode === "distribute";
  if (mode === "left") for (const i of items) i.u = lowU + i.radius;
  if (mode === "right") for (const i of items) i.u = highU - i.radius;
  if (mode === "centre") for (const i of items) i.u = (lowU + highU) / 2;
  if (mode === "back") for (const i of items) i.v = lowV + i.radius;
  if (mode === "front") for (const i of items) i.v = highV - i.radius;
  if (mode === "distribute") {
    const sorted = [...items].sort((a, b) => a.u - b.u);
    const widths = sorted.reduce((sum, i) => sum + 2 * i.radius, 0);
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    const span = last.u + last.radius - (first.u - first.radius);
    const gap = (span - widths) / (sorted.length - 1);
    let edge = first.u - first.radius;
    for (const i of sorted) {
      i.u = edge + i.radius;
      edge += 2 * i.radius + gap;
    }
  }

  if (acrossScreen) {
    // Overlaps slide back (away from the camera), nearest first, so the front row stays where it was.
    const order = [...items].sort((a, b) => b.v - a.v);
    separate(order, -1);
  } else {
    // Overlaps slide right, leftmost first.
    const order = [...items].sort((a, b) => a.u - b.u);
    const swapped = order.map((i) => ({ ...i, u: i.v, v: i.u }));
    separate(swapped, 1);
    swapped.forEach((s, n) => {
      order[n].u = s.v;
      order[n].v = s.u;
    });
  }

  return items.map(({ ref, placed, u, v, lift }) => {
    const x = u * right[0] + v * front[0];
    const z = u * right[1] + v * front[1];
    return { ...ref, position: landed(doc, ref, x, z, { scale: placed.scale, lift, sizes }) };
  });
}
