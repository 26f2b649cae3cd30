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

/**
 * The shift that stands a model on its surface, centred, whatever its origin: its bounds' bottom to y = 0 and
 * their x/z centre to the axis the placement turns about. A model exported with its origin in the middle (it
 * would sink), far below it (it would float) or off to a side (it would stand off the podium) sits the same.
 * `local` is the model's bounds in its own space with its node transforms applied (so a Z-up model lying on its
 * side is measured as it is drawn).
 */
export function groundingOffset(local: Bounds): Vec3 {
  return [-(local.min[0] + local.max[0]) / 2, -local.min[1], -(local.min[2] + local.max[2]) / 2];
}

/** `local` after groundingOffset: bottom at y = 0, centred on x/z. */
export function groundedBounds(local: Bounds): Bounds {
  const [dx, dy, dz] = groundingOffset(local);
  return {
    min: [local.min[0] + dx, local.min[1] + dy, local.min[2] + dz],
    max: [local.max[0] + dx, local.max[1] + dy, local.max[2] + dz],
  };
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
