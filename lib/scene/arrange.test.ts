/** Arrange presets for bundles (issue 19): real sizes respected, no overlaps, standing on the podium. */
import { describe, expect, it } from "vitest";
import { ARRANGE_PRESETS, arrangeItems, arrangeProducts, localBoundsOfSize, type ArrangeItem } from "./arrange";
import { placeBounds } from "./bounds";
import { DEFAULT_PODIUM } from "./defaults";
import type { Bounds } from "./framing";
import { seededRandom } from "./random";
import type { PodiumSpec } from "./schema";

/** Real sample sizes (lib/products/samples.ts) plus a big and a tiny one: very different footprints and heights. */
const SIZES: [string, [number, number, number]][] = [
  ["drink can", [0.066, 0.115, 0.066]],
  ["cardboard box", [0.12, 0.18, 0.06]],
  ["serum dropper", [0.032, 0.1027, 0.032]],
  ["cosmetic jar", [0.0724, 0.063, 0.0724]],
  ["speaker", [0.3, 0.42, 0.25]],
];
const item = (size: [number, number, number], rotationY = 0, scale = 1): ArrangeItem => ({ size, rotationY, scale });

const PODIUMS: [string, PodiumSpec | null][] = [
  ["no podium", null],
  ["the default cylinder", { ...DEFAULT_PODIUM }],
  ["a small box", { ...DEFAULT_PODIUM, shape: "box", width: 0.1, depth: 0.1 }],
  ["steps", { ...DEFAULT_PODIUM, shape: "steps", width: 0.4, depth: 0.3, height: 0.09 }],
  ["a narrow oval", { ...DEFAULT_PODIUM, shape: "cylinder", width: 0.5, depth: 0.12 }],
];

function footprints(items: readonly ArrangeItem[], positions: readonly [number, number, number][]): Bounds[] {
  return items.map((it, i) =>
    placeBounds(localBoundsOfSize(it.size), { position: positions[i], rotationY: it.rotationY, scale: it.scale }),
  );
}

/** The clear distance between two footprints: apart on x or on z (negative when they overlap). */
function separation(a: Bounds, b: Bounds): number {
  const onX = Math.max(b.min[0] - a.max[0], a.min[0] - b.max[0]);
  const onZ = Math.max(b.min[2] - a.max[2], a.min[2] - b.max[2]);
  return Math.max(onX, onZ);
}

/** Every corner of the footprint lies on the podium's top surface (ellipse or rectangle; steps: the top tier). */
function onPodiumTop(box: Bounds, podium: PodiumSpec): boolean {
  const share = podium.shape === "steps" ? 0.5 : 1;
  const [a, b] = [(podium.width * share) / 2, (podium.depth * share) / 2];
  return [box.min, box.max].every((cx) =>
    [box.min, box.max].every((cz) => {
      const [x, z] = [cx[0], cz[2]];
      return podium.shape === "cylinder"
        ? Math.hypot(x / a, z / b) <= 1 + 1e-9
        : Math.abs(x) <= a + 1e-9 && Math.abs(z) <= b + 1e-9;
    }),
  );
}

function expectSound(items: readonly ArrangeItem[], podium: PodiumSpec | null) {
  for (const preset of ARRANGE_PRESETS) {
    const result = arrangeProducts(preset, items, podium);
    expect(result.positions).toHaveLength(items.length);
    const boxes = footprints(items, result.positions);
    // Standing on the podium top (or the floor): never sunk into it, never floating.
    for (const [x, y, z] of result.positions) {
      expect(y).toBe(podium ? podium.height : 0);
      expect(Number.isFinite(x) && Number.isFinite(z)).toBe(true);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(separation(boxes[i], boxes[j]), `${preset}: products ${i} and ${j} overlap`).toBeGreaterThan(0.005);
      }
    }
    if (podium) {
      const grown = result.podium!;
      expect(grown.width).toBeGreaterThanOrEqual(podium.width);
      expect(grown.depth).toBeGreaterThanOrEqual(podium.depth);
      expect(grown.height).toBe(podium.height);
      expect(grown.shape).toBe(podium.shape);
      for (const box of boxes) expect(onPodiumTop(box, grown), `${preset}: a product off the podium`).toBe(true);
    } else {
      expect(result.podium).toBeNull();
    }
    // The bundle is centred on the stage.
    const minX = Math.min(...boxes.map((b) => b.min[0]));
    const maxX = Math.max(...boxes.map((b) => b.max[0]));
    expect(Math.abs(minX + maxX)).toBeLessThan(1e-3);
  }
}

describe("arrangeProducts", () => {
  for (let n = 2; n <= 5; n++) {
    for (const [podiumName, podium] of PODIUMS) {
      it(`${n} products of different sizes on ${podiumName}: no overlaps, all standing on it`, () => {
        expectSound(
          SIZES.slice(0, n).map(([, size]) => item(size)),
          podium,
        );
        // The same set in reverse order (the hero and the row order change).
        expectSound(
          SIZES.slice(0, n)
            .reverse()
            .map(([, size]) => item(size)),
          podium,
        );
      });
    }
  }

  it("takes each product's turn and scale into account (a turned box is deeper than wide)", () => {
    const items = [
      item([0.12, 0.18, 0.06], Math.PI / 2),
      item([0.066, 0.115, 0.066], 0, 2.5),
      item([0.3, 0.05, 0.02], 0.6),
    ];
    for (const [, podium] of PODIUMS) expectSound(items, podium);
  });

  it("holds for 500 random bundles", () => {
    const random = seededRandom(19);
    const between = (lo: number, hi: number) => lo + (hi - lo) * random();
    for (let run = 0; run < 500; run++) {
      const n = 2 + Math.floor(random() * 4);
      const items = Array.from({ length: n }, () =>
        item([between(0.01, 0.5), between(0.01, 0.6), between(0.01, 0.5)], between(-Math.PI, Math.PI), between(0.5, 2)),
      );
      expectSound(items, PODIUMS[run % PODIUMS.length][1]);
    }
  });

  it("row: left to right in bundle order, on one line", () => {
    const items = SIZES.slice(0, 4).map(([, size]) => item(size));
    const { positions } = arrangeProducts("row", items, null);
    const xs = positions.map((p) => p[0]);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(positions.map((p) => p[2]))).toEqual(new Set([0]));
  });

  it("pyramid: the tallest in the middle and furthest back, heights falling away to both sides", () => {
    const items = SIZES.slice(0, 5).map(([, size]) => item(size)); // the speaker (index 4) is tallest
    const { positions } = arrangeProducts("pyramid", items, null);
    const byX = positions.map((p, i) => ({ i, x: p[0] })).sort((a, b) => a.x - b.x);
    expect(byX[2].i).toBe(4);
    expect(Math.min(...positions.map((p) => p[2]))).toBe(positions[4][2]);
    const height = (i: number) => items[i].size[1];
    expect(height(byX[1].i)).toBeGreaterThan(height(byX[0].i));
    expect(height(byX[3].i)).toBeGreaterThan(height(byX[4].i));
  });

  it("hero: the first product in front, the others behind it on both sides", () => {
    const items = [item([0.066, 0.115, 0.066]), item([0.0724, 0.063, 0.0724]), item([0.032, 0.1027, 0.032])];
    const { positions } = arrangeProducts("hero", items, { ...DEFAULT_PODIUM });
    expect(positions[0][2]).toBeGreaterThan(positions[1][2]);
    expect(positions[1][2]).toBe(positions[2][2]);
    expect(positions[1][0]).toBeGreaterThan(positions[0][0]);
    expect(positions[2][0]).toBeLessThan(positions[0][0]);
  });

  it("staggered: neighbours alternate front and back", () => {
    const items = SIZES.slice(0, 4).map(([, size]) => item(size));
    const { positions } = arrangeProducts("staggered", items, null);
    expect(positions[0][2]).toBeGreaterThan(positions[1][2]);
    expect(positions[2][2]).toBe(positions[0][2]);
    expect(positions[3][2]).toBe(positions[1][2]);
  });

  it("grows the podium only when the bundle needs it, and is deterministic", () => {
    const big = { ...DEFAULT_PODIUM, width: 2, depth: 2 };
    const items = SIZES.slice(0, 3).map(([, size]) => item(size));
    expect(arrangeProducts("row", items, big).podium).toBe(big);
    const small = arrangeProducts("row", items, { ...DEFAULT_PODIUM, width: 0.1, depth: 0.1 });
    expect(small.podium!.width).toBeGreaterThan(0.1);
    expect(arrangeProducts("row", items, { ...DEFAULT_PODIUM, width: 0.1, depth: 0.1 })).toEqual(small);
  });

  it("arrangeItems reads each placement's size by product id, and names one it lacks", () => {
    const placements = [
      { productId: "a", rotationY: 0, scale: 1 },
      { productId: "b", rotationY: 1, scale: 2 },
    ];
    expect(arrangeItems(placements, { a: [1, 2, 3], b: [4, 5, 6] })).toEqual([
      { size: [1, 2, 3], rotationY: 0, scale: 1 },
      { size: [4, 5, 6], rotationY: 1, scale: 2 },
    ]);
    expect(() => arrangeItems(placements, { a: [1, 2, 3] })).toThrow(/"b"/);
  });
});
