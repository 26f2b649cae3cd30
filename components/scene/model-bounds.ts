/**
 * A loaded model's own bounds, wherever its origin is and however its nodes turn it (a Z-up export lying on its
 * side is measured as it is drawn): what lib/scene/bounds.ts groundingOffset stands on the surface.
 */
import { Box3 } from "three";
import type { GLTF } from "three-stdlib";
import type { Bounds } from "@/lib/scene";

const localBoundsCache = new WeakMap<object, Bounds>();

/** The model's own bounds (wherever its origin is), measured once per loaded model. */
export function modelBounds(model: Pick<GLTF, "scene">): Bounds {
  let bounds = localBoundsCache.get(model);
  if (!bounds) {
    model.scene.updateMatrixWorld(true);
    const box = new Box3().setFromObject(model.scene, true);
    bounds = box.isEmpty()
      ? { min: [-0.05, 0, -0.05], max: [0.05, 0.1, 0.05] }
      : { min: [box.min.x, box.min.y, box.min.z], max: [box.max.x, box.max.y, box.max.z] };
    localBoundsCache.set(model, bounds);
  }
  return bounds;
}
