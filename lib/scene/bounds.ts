/**
 * Bounds of placed products, for framing. A product's local bounds come from
 * its model (origin at bottom centre); the placement rotates it about Y,
 * scales it and moves it onto the stage.
 */
import type { ProductPlacement, Vec3 } from "./schema";
import { boundsCorners, type Bounds } from "./framing";

/** AABB of `local` after the placement's scale, Y rotation and translation. */
export function placeBounds(
  local: Bounds,
  placement: Pick<ProductPlacement, "position" | "rotationY" | "scale">,
): Bounds {
  const cos = Math.cos(placement.rotationY);
  const sin = Math.sin(placement.rotationY);
  const points = boundsCorners(local).map(([x, y, z]): Vec3 => {
    const [sx, sy, sz] = [x * placement.scale, y * placement.scale, z * placement.scale];
    // Right-handed rotation about +Y (same as three's rotation.y).
    return [
      sx * cos + sz * sin + placement.position[0],
      sy + placement.position[1],
      -sx * sin + sz * cos + placement.position[2],
    ];
  });
  return pointsBounds(points);
}

export function unionBounds(boxes: readonly Bounds[]): Bounds {
  if (boxes.length === 0) throw new RangeError("unionBounds: no boxes");
  return pointsBounds(boxes.flatMap((box) => [box.min, box.max]));
}

function pointsBounds(points: readonly Vec3[]): Bounds {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const point of points) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], point[axis]);
      max[axis] = Math.max(max[axis], point[axis]);
    }
  }
  return { min, max };
}
