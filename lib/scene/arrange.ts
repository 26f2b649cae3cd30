/**
 * Arrange presets for a bundle (several products in one scene): pure functions
 * from each product's real size to positions, and a podium large enough to
 * hold them. No React or three here: the editor's commands call it, and its
 * tests check the guarantees directly:
 *  - footprints never overlap (each pair is apart on x or on z by a gap);
 *  - every product stands on the podium top (or the floor without a podium),
 *    never below it;
 *  - the podium only grows, until every footprint lies on its top surface.
 *
 * A footprint is the product's axis-aligned bounds after its own turn and
 * scale (bounds.ts placeBounds), so a turned or enlarged product takes the room
 * it really takes. Products keep their turn and scale: a preset only moves them.
 */
import { placeBounds } from "./bounds";
import type { Bounds } from "./framing";
import type { PodiumSpec, ProductPlacement, Vec3 } from "./schema";

export const ARRANGE_PRESETS = ["row", "pyramid", "hero", "staggered"] as const;
export type ArrangePreset = (typeof ARRANGE_PRESETS)[number];

export const ARRANGE_LABELS: Record<ArrangePreset, { name: string; hint: string }> = {
  row: { name: "Row", hint: "Side by side, in bundle order" },
  pyramid: { name: "Pyramid", hint: "Tallest in the middle, shorter ones stepping forward" },
  hero: { name: "Hero", hint: "The first product in front, the others behind it" },
  staggered: { name: "Staggered", hint: "Alternating front and back" },
};

/** What a preset needs of one product: its real size (x, y, z in metres) and its placement's turn and scale. */
export interface ArrangeItem {
  size: readonly [number, number, number];
  rotationY: number;
  scale: number;
}

export interface Arrangement {
  /** One position per item, in the items' order: bottom centre on the podium top (or the floor). */
  positions: Vec3[];
  /** The podium, grown where the bundle needed more room (null stays null). */
  podium: PodiumSpec | null;
}

/** Half extents on x and z of a product's footprint after its turn and scale, and its height. */
interface Footprint {
  hx: number;
  hz: number;
  height: number;
}

/** The product's own bounds: bottom centre at the origin (models are grounded that way, bounds.ts). */
export function localBoundsOfSize(size: readonly [number, number, number]): Bounds {
  return { min: [-size[0] / 2, 0, -size[2] / 2], max: [size[0] / 2, size[1], size[2] / 2] };
}

function footprintOf(item: ArrangeItem): Footprint {
  const placed = placeBounds(localBoundsOfSize(item.size), {
    position: [0, 0, 0],
    rotationY: item.rotationY,
    scale: item.scale,
  });
  return {
    hx: (placed.max[0] - placed.min[0]) / 2,
    hz: (placed.max[2] - placed.min[2]) / 2,
    height: placed.max[1] - placed.min[1],
  };
}

/**
 * The space between neighbours: a fifth of the average footprint width, at least 8 mm, so a bundle reads as a
 * set (not scattered) and neighbours stay apart in every view (a clear gap in the picture, not a seam).
 */
export function bundleGap(footprints: readonly { hx: number }[]): number {
  const average = footprints.reduce((sum, f) => sum + 2 * f.hx, 0) / Math.max(1, footprints.length);
  return Math.max(0.008, average * 0.2);
}

/** Centres along x for footprints laid side by side in the given order, `gap` apart, the whole row centred. */
function rowCentres(footprints: readonly Footprint[], gap: number): number[] {
  const centres: number[] = [];
  let edge = 0;
  for (const f of footprints) {
    centres.push(edge + f.hx);
    edge += 2 * f.hx + gap;
  }
  const shift = (edge - gap) / 2;
  return centres.map((x) => x - shift);
}

type Layout = { x: number; z: number }[];

function row(footprints: readonly Footprint[], gap: number): Layout {
  return rowCentres(footprints, gap).map((x) => ({ x, z: 0 }));
}

/** Tallest in the middle, then right, left, right...: heights fall away from the centre, each tier a step forward. */
function pyramid(footprints: readonly Footprint[], gap: number): Layout {
  const byHeight = footprints.map((f, i) => i).sort((a, b) => footprints[b].height - footprints[a].height || a - b);
  // Slot order along x: ... rank 3, rank 1, rank 0, rank 2, rank 4 ...
  const left = byHeight.filter((_, rank) => rank % 2 === 1).reverse();
  const right = byHeight.filter((_, rank) => rank > 0 && rank % 2 === 0);
  const order = [...left, byHeight[0], ...right];
  const xs = rowCentres(
    order.map((i) => footprints[i]),
    gap,
  );
  const step = Math.max(...footprints.map((f) => f.hz)) * 0.6;
  const layout: Layout = footprints.map(() => ({ x: 0, z: 0 }));
  order.forEach((index, slot) => {
    const tier = Math.ceil(byHeight.indexOf(index) / 2);
    layout[index] = { x: xs[slot], z: tier * step };
  });
  return layout;
}

/**
 * The first product in front, centred; the others in a row behind it, split to either side so they show
 * beside the hero, the first on each side tucked in behind its edge by up to two thirds of its own width (the
 * rows are apart on z, so tucking in never makes them touch).
 */
function hero(footprints: readonly Footprint[], gap: number): Layout {
  const [main, ...supports] = footprints;
  if (supports.length === 0) return [{ x: 0, z: 0 }];
  const backZ = -(main.hz + gap + Math.max(...supports.map((f) => f.hz)));
  const layout: Layout = [{ x: 0, z: 0 }];
  // Supports alternate right, left; each side grows outwards from the hero.
  const sides = { right: main.hx, left: -main.hx };
  supports.forEach((f, i) => {
    // The first support on each side tucks in, but never past the middle: the two must stay apart on x.
    const tuck = (2 * f.hx) / 3;
    if (i % 2 === 0) {
      const start = i === 0 ? Math.max(gap / 2, sides.right - tuck) : sides.right + gap;
      layout.push({ x: start + f.hx, z: backZ });
      sides.right = start + 2 * f.hx;
    } else {
      const start = i === 1 ? Math.min(-gap / 2, sides.left + tuck) : sides.left - gap;
      layout.push({ x: start - f.hx, z: backZ });
      sides.left = start - 2 * f.hx;
    }
  });
  return layout;
}

/**
 * Alternating front and back lines: neighbours overlap on x (they are apart on z), products in the same line
 * are apart on x.
 */
function staggered(footprints: readonly Footprint[], gap: number): Layout {
  const front = footprints.filter((_, i) => i % 2 === 0);
  const back = footprints.filter((_, i) => i % 2 === 1);
  const frontZ = Math.max(...front.map((f) => f.hz)) + gap / 2;
  const backZ = back.length ? -(Math.max(...back.map((f) => f.hz)) + gap / 2) : 0;
  const xs: number[] = [];
  footprints.forEach((f, i) => {
    if (i === 0) return xs.push(0);
    const besideNeighbour = xs[i - 1] + 0.55 * (footprints[i - 1].hx + f.hx);
    const clearOfSameLine = i >= 2 ? xs[i - 2] + footprints[i - 2].hx + f.hx + gap : -Infinity;
    xs.push(Math.max(besideNeighbour, clearOfSameLine));
  });
  return footprints.map((_, i) => ({ x: xs[i], z: i % 2 === 0 ? frontZ : backZ }));
}

const LAYOUTS: Record<ArrangePreset, (footprints: readonly Footprint[], gap: number) => Layout> = {
  row,
  pyramid,
  hero,
  staggered,
};

/** Shifts a layout so the bundle's footprint is centred on the podium's axis (x = z = 0). */
function centred(layout: Layout, footprints: readonly Footprint[]): Layout {
  const minX = Math.min(...layout.map((p, i) => p.x - footprints[i].hx));
  const maxX = Math.max(...layout.map((p, i) => p.x + footprints[i].hx));
  const minZ = Math.min(...layout.map((p, i) => p.z - footprints[i].hz));
  const maxZ = Math.max(...layout.map((p, i) => p.z + footprints[i].hz));
  const [cx, cz] = [(minX + maxX) / 2, (minZ + maxZ) / 2];
  return layout.map((p) => ({ x: p.x - cx, z: p.z - cz }));
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;
const roundUp3 = (v: number) => Math.ceil(v * 1000 - 1e-9) / 1000;

/** The share of the podium's width and depth a product can stand on: the steps' top tier is half as wide. */
const TOP_SHARE: Record<PodiumSpec["shape"], number> = { cylinder: 1, box: 1, rounded: 1, arch: 1, steps: 0.5 };
/** The podium's largest size the schema allows (schema.ts podiumSpecSchema). */
const PODIUM_MAX = 10;

/**
 * The podium grown (never shrunk) until every footprint, plus `margin` around it, lies on its top: the ellipse
 * of a cylinder, the rectangle of the other shapes (the top tier of the steps).
 */
export function podiumToHold(
  podium: PodiumSpec,
  footprints: readonly { x: number; z: number; hx: number; hz: number }[],
  margin: number,
): PodiumSpec {
  const share = TOP_SHARE[podium.shape];
  let a = (podium.width * share) / 2;
  let b = (podium.depth * share) / 2;
  if (podium.shape === "cylinder") {
    let k = 1;
    for (const f of footprints) {
      for (const sx of [-1, 1]) {
        for (const sz of [-1, 1]) {
          const x = f.x + sx * (f.hx + margin);
          const z = f.z + sz * (f.hz + margin);
          k = Math.max(k, Math.hypot(x / a, z / b));
        }
      }
    }
    a *= k;
    b *= k;
  } else {
    for (const f of footprints) {
      a = Math.max(a, Math.abs(f.x) + f.hx + margin);
      b = Math.max(b, Math.abs(f.z) + f.hz + margin);
    }
  }
  const width = Math.min(PODIUM_MAX, Math.max(podium.width, roundUp3((2 * a) / share)));
  const depth = Math.min(PODIUM_MAX, Math.max(podium.depth, roundUp3((2 * b) / share)));
  return width === podium.width && depth === podium.depth ? podium : { ...podium, width, depth };
}

/**
 * Positions for `items` in the preset, standing on `podium` (its top is at its height) or on the floor, and
 * the podium grown to hold them. Deterministic: the same sizes give the same arrangement.
 */
export function arrangeProducts(
  preset: ArrangePreset,
  items: readonly ArrangeItem[],
  podium: PodiumSpec | null,
): Arrangement {
  if (items.length === 0) return { positions: [], podium };
  const footprints = items.map(footprintOf);
  const gap = bundleGap(footprints);
  const layout = centred(LAYOUTS[preset](footprints, gap), footprints);
  const y = podium ? podium.height : 0;
  const placed = layout.map((p, i) => ({ x: round4(p.x), z: round4(p.z), ...footprints[i] }));
  return {
    positions: placed.map((p): Vec3 => [p.x, y, p.z]),
    podium: podium && podiumToHold(podium, placed, gap),
  };
}

/** Arrange input for a scene's placements, given each product's real size by product id. */
export function arrangeItems(
  placements: readonly Pick<ProductPlacement, "productId" | "rotationY" | "scale">[],
  sizes: Readonly<Record<string, readonly [number, number, number]>>,
): ArrangeItem[] {
  return placements.map((placement) => {
    const size = sizes[placement.productId];
    if (!size) throw new RangeError(`arrange: no size for product "${placement.productId}"`);
    return { size, rotationY: placement.rotationY, scale: placement.scale };
  });
}
