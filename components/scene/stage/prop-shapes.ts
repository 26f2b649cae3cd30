/**
 * The real props (issue 18): turned vessels, a faceted stone, a leafy branch, a draped cloth and a bevelled block,
 * at the props' base size of 0.1 m, standing on y = 0 and centred on x/z like every stage shape. Anything irregular
 * comes from the prop's seed, so the same document draws the same stone and the same folds.
 */
import { BufferGeometry, CylinderGeometry, DodecahedronGeometry, LatheGeometry, PlaneGeometry, Vector2 } from "three";
import { mergeGeometries, mergeVertices } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { seededRandom } from "@/lib/scene/random";

/** A profile of (radius, height) points turned into a closed vessel with a wall of `wall` thickness. */
function vessel(outer: [number, number][], wall: number, segments = 72): BufferGeometry {
  const points: Vector2[] = [new Vector2(0, 0)];
  for (const [r, y] of outer) points.push(new Vector2(r, y));
  // Back down the inside, `wall` in from the outside, to a floor `wall` above the base.
  const top = outer[outer.length - 1];
  const inner = outer
    .slice(1)
    .reverse()
    .map(([r, y]) => new Vector2(Math.max(0.0005, r - wall), Math.max(wall, y)));
  points.push(new Vector2(top[0] - wall * 0.5, top[1] + wall * 0.3)); // a rounded lip
  points.push(...inner);
  points.push(new Vector2(0, wall));
  return new LatheGeometry(points, segments);
}

/** A bottle-bellied vase with a narrow neck and flared lip, 0.1 m wide at its belly, about 0.16 m tall. */
export function vaseGeometry(): BufferGeometry {
  const profile: [number, number][] = [];
  for (let i = 0; i <= 32; i++) {
    const t = i / 32;
    // A round belly that narrows smoothly into a neck with a slight flare at the lip.
    const belly = 0.028 + 0.022 * Math.sin(Math.PI * Math.min(1, t / 0.72));
    const neck = 0.013 + 0.009 * Math.max(0, (t - 0.6) / 0.4) ** 2;
    const w = Math.min(1, Math.max(0, (t - 0.55) / 0.25));
    const blend = w * w * (3 - 2 * w);
    profile.push([belly * (1 - blend) + neck * blend, t * 0.16]);
  }
  return vessel(profile, 0.003);
}

/** A wide, shallow bowl: 0.1 m across, 0.04 m deep, on a small foot. */
export function bowlGeometry(): BufferGeometry {
  const profile: [number, number][] = [[0.022, 0]];
  for (let i = 1; i <= 16; i++) {
    const t = i / 16;
    profile.push([0.022 + 0.028 * Math.sin((t * Math.PI) / 2), 0.004 + 0.036 * (1 - Math.cos((t * Math.PI) / 2))]);
  }
  return vessel(profile, 0.0035);
}

/** A rough, faceted stone: a dodecahedron pushed in and out by the seed, wider than tall. */
export function stoneGeometry(seed: number): BufferGeometry {
  const random = seededRandom(seed);
  const geometry = mergeVertices(new DodecahedronGeometry(0.05, 2).deleteAttribute("normal").deleteAttribute("uv"));
  const position = geometry.getAttribute("position");
  const bumps = Array.from({ length: 7 }, () => {
    const [x, y, z] = [random() * 2 - 1, random() * 2 - 1, random() * 2 - 1];
    const length = Math.hypot(x, y, z) || 1;
    return { x: x / length, y: y / length, z: z / length, k: (random() - 0.4) * 0.25 };
  });
  const squash = 0.55 + random() * 0.25;
  for (let i = 0; i < position.count; i++) {
    const [x, y, z] = [position.getX(i), position.getY(i), position.getZ(i)];
    const length = Math.hypot(x, y, z) || 1;
    let scale = 1;
    // Flat facets: each bump cuts the stone where the direction meets it, like a cleaved rock.
    for (const b of bumps) scale += b.k * Math.max(0, (x * b.x + y * b.y + z * b.z) / length - 0.3);
    position.setXYZ(i, x * scale, y * scale * squash, z * scale);
  }
  geometry.computeVertexNormals();
  return geometry.toNonIndexed();
}

/** One leaf blade in the XY plane along +Y, cupped a little. */
function blade(length: number, width: number, cup: number): BufferGeometry {
  const geometry = new PlaneGeometry(width, length, 4, 8);
  const position = geometry.getAttribute("position");
  for (let i = 0; i < position.count; i++) {
    // 0 at the stalk, 1 at the tip; clamped, as rounding can put the stalk row a hair below 0 and a negative
    // sine to a fractional power is NaN (a vertex three would drop, with its triangles).
    const t = Math.min(1, Math.max(0, position.getY(i) / length + 0.5));
    const x = position.getX(i) * Math.max(0, Math.sin(Math.PI * Math.min(1, t * 1.05))) ** 0.7;
    position.setXYZ(i, x, t * length, cup * (x / width) ** 2 * length);
  }
  geometry.computeVertexNormals();
  return geometry;
}

/** A branch lying on the floor: a gently curved stem with alternating leaves, from the seed. */
export function branchGeometry(seed: number): BufferGeometry {
  const random = seededRandom(seed);
  const parts: BufferGeometry[] = [];
  const length = 0.2;
  const stem = new CylinderGeometry(0.0012, 0.002, length, 6, 8, false).deleteAttribute("uv");
  stem.rotateZ(Math.PI / 2); // along x
  const sp = stem.getAttribute("position");
  const bow = 0.02 + random() * 0.02;
  for (let i = 0; i < sp.count; i++) {
    const x = sp.getX(i);
    sp.setZ(i, sp.getZ(i) + bow * (1 - (2 * x) / length) ** 2 - bow);
  }
  stem.translate(0, 0.002, 0);
  parts.push(stem);
  const count = 7 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const t = (i + 0.5) / count;
    const x = -length / 2 + t * length;
    const side = i % 2 === 0 ? 1 : -1;
    const size = 0.035 * (1.1 - 0.5 * t) * (0.85 + random() * 0.3);
    const leafGeometry = blade(size, size * 0.42, 0.4).deleteAttribute("uv");
    leafGeometry.rotateX(-Math.PI / 2 + 0.25); // lie nearly flat, tip lifted
    leafGeometry.rotateY(side * (0.9 + random() * 0.4) - Math.PI / 2);
    const z = bow * (1 - (2 * x) / length) ** 2 - bow;
    leafGeometry.translate(x, 0.002, z);
    parts.push(leafGeometry.toNonIndexed());
  }
  // The tip leaf continues the stem.
  const tip = blade(0.03, 0.012, 0.3).deleteAttribute("uv");
  tip.rotateX(-Math.PI / 2 + 0.15);
  tip.rotateY(-Math.PI / 2);
  tip.translate(length / 2, 0.002, 0);
  parts.push(tip.toNonIndexed());
  return mergeGeometries(parts.map((p) => (p.index ? p.toNonIndexed() : p)))!;
}

/**
 * A cloth dropped on the floor: a square whose folds come from a few seeded ridges, raised where they cross and
 * flat at the edges, with a little thickness so its silhouette reads in a side view.
 */
export function fabricGeometry(seed: number): BufferGeometry {
  const random = seededRandom(seed);
  const size = 0.18;
  const geometry = new PlaneGeometry(size, size, 72, 72);
  geometry.rotateX(-Math.PI / 2);
  const position = geometry.getAttribute("position");
  const folds = Array.from({ length: 4 }, () => ({
    angle: random() * Math.PI,
    offset: (random() - 0.5) * size * 0.5,
    height: 0.006 + random() * 0.012,
    width: 0.01 + random() * 0.015,
  }));
  for (let i = 0; i < position.count; i++) {
    const x = position.getX(i);
    const z = position.getZ(i);
    let y = 0;
    for (const f of folds) {
      const d = x * Math.cos(f.angle) + z * Math.sin(f.angle) - f.offset;
      y += f.height * Math.exp(-(d * d) / (f.width * f.width));
    }
    // The cloth settles flat towards its edges and gathers a little towards the middle.
    const edge = Math.min(1, (size / 2 - Math.max(Math.abs(x), Math.abs(z))) / (size * 0.2));
    const gather = 1 - 0.12 * Math.exp(-(x * x + z * z) / (size * size * 0.1));
    position.setXYZ(i, x * gather, y * Math.max(0, edge) + 0.0015, z * gather);
  }
  geometry.computeVertexNormals();
  return geometry;
}
