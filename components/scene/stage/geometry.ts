/**
 * Procedural stage geometry (podiums, props). Every shape is built standing on
 * y = 0 and centred on x/z, like the products. Anything random derives from a
 * seed, never Math.random, so the same document gives the same mesh.
 */
import {
  BufferGeometry,
  CircleGeometry,
  ConeGeometry,
  ExtrudeGeometry,
  IcosahedronGeometry,
  LatheGeometry,
  PlaneGeometry,
  Shape,
  SphereGeometry,
  TorusGeometry,
  Vector2,
} from "three";
import { mergeGeometries, mergeVertices } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { RoundedBoxGeometry } from "three/examples/jsm/geometries/RoundedBoxGeometry.js";
import type { PodiumSpec, PropSpec } from "@/lib/scene";
import { seededRandom } from "@/lib/scene/random";
import { bowlGeometry, branchGeometry, fabricGeometry, stoneGeometry, vaseGeometry } from "./prop-shapes";

const sitOnFloor = (geometry: BufferGeometry): BufferGeometry => {
  geometry.computeBoundingBox();
  const box = geometry.boundingBox!;
  geometry.translate(-(box.min.x + box.max.x) / 2, -box.min.y, -(box.min.z + box.max.z) / 2);
  geometry.computeBoundingBox();
  geometry.computeBoundingSphere();
  return geometry;
};

/** A cylinder whose top edge is rounded (a real plinth never has a knife edge). */
function roundedCylinder(radius: number, height: number, bevel: number, segments = 96): BufferGeometry {
  const b = Math.min(bevel, radius * 0.5, height * 0.5);
  // LatheGeometry gives each point the average of its two segments' normals: without the sliver point the side's
  // normals would bend from horizontal at the top to 45 degrees down at the floor, and its front face would shade
  // from the lit colour to near black. The sliver keeps the bottom edge crisp and the side evenly lit.
  const sliver = Math.min(height * 0.01, 0.0005);
  const points: Vector2[] = [
    new Vector2(0, 0),
    new Vector2(radius, 0),
    new Vector2(radius, sliver),
    new Vector2(radius, height - b),
  ];
  for (let i = 1; i <= 8; i++) {
    const a = (i / 8) * (Math.PI / 2);
    points.push(new Vector2(radius - b + Math.cos(a) * b, height - b + Math.sin(a) * b));
  }
  points.push(new Vector2(0, height));
  return new LatheGeometry(points, segments);
}

function roundedBox(width: number, height: number, depth: number, radius: number): BufferGeometry {
  const r = Math.max(0.0005, Math.min(radius, width / 2, height / 2, depth / 2) * 0.999);
  return new RoundedBoxGeometry(width, height, depth, 4, r).translate(0, height / 2, 0);
}

/** A block with an arched opening, extruded front to back; flat top at `height`. */
function archBlock(width: number, height: number, depth: number, openingRatio = 0.32): BufferGeometry {
  const shape = new Shape();
  shape.moveTo(-width / 2, 0);
  shape.lineTo(-width / 2, height);
  shape.lineTo(width / 2, height);
  shape.lineTo(width / 2, 0);
  const r = Math.min(width * openingRatio, height * 0.7);
  shape.lineTo(r, 0);
  shape.absarc(0, 0, r, 0, Math.PI, false);
  shape.lineTo(-width / 2, 0);
  const bevel = Math.min(0.004, depth * 0.1, width * 0.05);
  const geometry = new ExtrudeGeometry(shape, {
    depth: depth - 2 * bevel,
    bevelEnabled: true,
    bevelSize: bevel,
    bevelThickness: bevel,
    bevelSegments: 3,
    curveSegments: 48,
  });
  geometry.translate(0, 0, -(depth - 2 * bevel) / 2);
  return geometry;
}

export function podiumGeometry(podium: PodiumSpec): BufferGeometry {
  const { width, depth, height } = podium;
  const edge = Math.min(0.006, Math.min(width, depth, height) * 0.1);
  switch (podium.shape) {
    case "cylinder": {
      const geometry = roundedCylinder(width / 2, height, edge);
      geometry.scale(1, 1, depth / width);
      return sitOnFloor(geometry);
    }
    case "box":
      return sitOnFloor(roundedBox(width, height, depth, edge));
    case "rounded":
      return sitOnFloor(roundedBox(width, height, depth, Math.min(width, depth, height) * 0.3));
    case "arch":
      return sitOnFloor(archBlock(width, height, depth));
    case "steps": {
      // Three stacked tiers; the product stands on the top, centred.
      const tier = height / 3;
      const parts = [1, 0.75, 0.5].map((scale, i) =>
        roundedBox(width * scale, tier, depth * scale, edge)
          .translate(0, tier * i, 0)
          .toNonIndexed(),
      );
      return sitOnFloor(mergeGeometries(parts)!);
    }
  }
}

/**
 * The podium's flat top as a shape in the XY plane (laid flat by its mirror): inside the rounded edge, so the
 * reflection stops where the top starts to curve away.
 */
export function podiumTopGeometry(podium: PodiumSpec): BufferGeometry {
  const { width, depth, height } = podium;
  const edge = Math.min(0.006, Math.min(width, depth, height) * 0.1);
  switch (podium.shape) {
    case "cylinder":
      return new CircleGeometry(Math.max(0.001, width / 2 - edge), 96).scale(1, depth / width, 1);
    case "rounded": {
      const r = Math.min(width, depth, height) * 0.3;
      return new PlaneGeometry(Math.max(0.001, width - 2 * r), Math.max(0.001, depth - 2 * r));
    }
    case "steps":
      return new PlaneGeometry(Math.max(0.001, width * 0.5 - 2 * edge), Math.max(0.001, depth * 0.5 - 2 * edge));
    case "box":
    case "arch":
      return new PlaneGeometry(Math.max(0.001, width - 2 * edge), Math.max(0.001, depth - 2 * edge));
  }
}

/** A flat, slightly cupped leaf lying on the floor. */
function leaf(seed: number): BufferGeometry {
  const random = seededRandom(seed);
  const length = 0.1;
  const width = length * (0.32 + random() * 0.08);
  const shape = new Shape();
  shape.moveTo(0, -length / 2);
  shape.bezierCurveTo(width * 0.9, -length * 0.25, width * 0.6, length * 0.3, 0, length / 2);
  shape.bezierCurveTo(-width * 0.6, length * 0.3, -width * 0.9, -length * 0.25, 0, -length / 2);
  const geometry = new ExtrudeGeometry(shape, {
    depth: 0.0008,
    bevelEnabled: true,
    bevelSize: 0.0006,
    bevelThickness: 0.0006,
    bevelSegments: 1,
    curveSegments: 24,
  });
  geometry.rotateX(-Math.PI / 2); // lie flat; the leaf's length runs along z
  const position = geometry.getAttribute("position");
  const curl = 1.5 + random() * 1.5;
  const bend = 0.4 + random() * 0.4;
  for (let i = 0; i < position.count; i++) {
    const x = position.getX(i);
    const z = position.getZ(i);
    // Cup across the width and arch along the length.
    position.setY(i, position.getY(i) + curl * x * x + bend * 0.15 * Math.pow((z + length / 2) / length, 2) * length);
  }
  geometry.computeVertexNormals();
  return geometry;
}

/** An irregular, flattened river pebble; its shape comes from the seed. */
function pebble(seed: number): BufferGeometry {
  const random = seededRandom(seed);
  const geometry = mergeVertices(new IcosahedronGeometry(0.05, 4).deleteAttribute("normal").deleteAttribute("uv"));
  const position = geometry.getAttribute("position");
  const lobes = Array.from({ length: 4 }, () => ({
    x: random() * 2 - 1,
    y: random() * 2 - 1,
    z: random() * 2 - 1,
    k: 0.06 + random() * 0.08,
  }));
  const squash = 0.45 + random() * 0.2;
  const stretch = 1 + random() * 0.35;
  for (let i = 0; i < position.count; i++) {
    const x = position.getX(i);
    const y = position.getY(i);
    const z = position.getZ(i);
    const length = Math.hypot(x, y, z) || 1;
    let scale = 1;
    for (const lobe of lobes) scale += lobe.k * ((x * lobe.x + y * lobe.y + z * lobe.z) / length);
    position.setXYZ(i, x * scale * stretch, y * scale * squash, z * scale);
  }
  geometry.computeVertexNormals();
  return geometry;
}

/** Prop geometry at its base size of 0.1 m (the placement scales it). */
export function propGeometry(kind: PropSpec["kind"], seed: number): BufferGeometry {
  const s = 0.1;
  switch (kind) {
    case "sphere":
      return sitOnFloor(new SphereGeometry(s / 2, 64, 32));
    case "cube":
      // A visible bevel: the rounded edge catches a highlight, as a real block's does.
      return sitOnFloor(roundedBox(s, s, s, s * 0.06));
    case "block":
      return sitOnFloor(roundedBox(s * 1.2, s * 0.6, s * 0.8, s * 0.07));
    case "cylinder":
      return sitOnFloor(roundedCylinder(s / 2, s, s * 0.03, 64));
    case "cone":
      return sitOnFloor(new ConeGeometry(s / 2, s * 1.2, 64, 1));
    case "torus":
      return sitOnFloor(new TorusGeometry(s * 0.38, s * 0.14, 32, 96).rotateX(-Math.PI / 2));
    case "arch":
      return sitOnFloor(archBlock(s, s * 1.2, s * 0.3, 0.3));
    case "leaf":
      return sitOnFloor(leaf(seed));
    case "pebble":
      return sitOnFloor(pebble(seed));
    case "vase":
      return sitOnFloor(vaseGeometry());
    case "bowl":
      return sitOnFloor(bowlGeometry());
    case "stone":
      return sitOnFloor(stoneGeometry(seed));
    case "branch":
      return sitOnFloor(branchGeometry(seed));
    case "fabric":
      return sitOnFloor(fabricGeometry(seed));
  }
}
