/**
 * Glass with something transmissive inside (a liquid in a bottle, a gel in a jar): three draws a transmissive
 * mesh's backdrop from the OPAQUE objects only (WebGLRenderer renderTransmissionPass: opaque list, then the back
 * faces of double-sided transmissive ones). An inner transmissive mesh is therefore missing from the outer glass's
 * backdrop, and the glass, drawn over it, replaces it with what is behind the bottle: the liquid disappears.
 *
 * The fix uses the one door three leaves open: the transmission pass also draws the BACK faces of double-sided
 * transmissive meshes into the backdrop (after the opaque objects, sampling them). An inner transmissive mesh is
 * made double-sided, so its back faces land in the backdrop drawn as what they are: the scene behind the liquid,
 * refracted and darkened by Beer-Lambert attenuation over the liquid's full depth (its thickness is set to its
 * smallest extent). The outer glass then refracts and tints that backdrop: the liquid stays see-through (a podium
 * or a light backdrop behind the bottle shows through it, a dark one makes it a deep amber), at the cost of one
 * more draw of the liquid and one more resolve of the half-size backdrop. The outer glass keeps its own
 * transmission, thickness, attenuation and dispersion (KHR_materials_dispersion, read by three's loader).
 * Until 2026-12-04 the inner body was drawn opaque in its base colour x attenuation: a flat saturated block.
 */
import { Box3, DoubleSide, Mesh, MeshPhysicalMaterial, Vector3, type Material, type Object3D } from "three";

/** A mesh's box counts as inside another's when it is within it, give or take this fraction of the outer size. */
const INSIDE_TOLERANCE = 0.02;

const isTransmissive = (material: Material): material is MeshPhysicalMaterial =>
  material instanceof MeshPhysicalMaterial && material.transmission > 0;

function contains(outer: Box3, inner: Box3): boolean {
  const size = outer.getSize(outer.min.clone());
  const slack = Math.max(size.x, size.y, size.z) * INSIDE_TOLERANCE;
  return (
    inner.min.x >= outer.min.x - slack &&
    inner.min.y >= outer.min.y - slack &&
    inner.min.z >= outer.min.z - slack &&
    inner.max.x <= outer.max.x + slack &&
    inner.max.y <= outer.max.y + slack &&
    inner.max.z <= outer.max.z + slack
  );
}

/**
 * The see-through stand-in for an inner transmissive material: the same material, double-sided (its back faces
 * join the outer glass's backdrop), with the light's path through it as long as the body is deep (`depth`, in the
 * mesh's own units, as three's volume thickness is). A liquid reads as liquid by its gloss: at least a light coat.
 */
export function innerVolumeMaterial(material: MeshPhysicalMaterial, depth: number): MeshPhysicalMaterial {
  const volume = material.clone();
  volume.name = material.name;
  volume.side = DoubleSide;
  if (depth > 0 && Number.isFinite(depth)) volume.thickness = Math.max(material.thickness, depth);
  volume.clearcoat = Math.max(volume.clearcoat, 0.5);
  volume.userData = { ...material.userData, plinthInnerVolumeOf: material.uuid };
  return volume;
}

/** A mesh's smallest extent in its own space: how deep a body of liquid is where one looks through it. */
function meshDepth(mesh: Mesh): number {
  const geometry = mesh.geometry;
  if (!geometry.boundingBox) geometry.computeBoundingBox();
  const size = geometry.boundingBox!.getSize(new Vector3());
  return Math.min(size.x, size.y, size.z);
}

/**
 * Replaces the material of every transmissive mesh that sits inside another transmissive mesh of `root` (boxes in
 * `root`'s space) with its see-through stand-in. Returns the meshes changed. Materials are replaced, never edited: the
 * caller's clones and the glTF cache stay as they were.
 */
export function resolveNestedTransmission(root: Object3D): Mesh[] {
  root.updateMatrixWorld(true);
  const transmissive: { mesh: Mesh; box: Box3 }[] = [];
  root.traverse((node) => {
    if (!(node instanceof Mesh) || Array.isArray(node.material) || !isTransmissive(node.material)) return;
    transmissive.push({ mesh: node, box: new Box3().setFromObject(node, true) });
  });
  const changed: Mesh[] = [];
  for (const inner of transmissive) {
    const nested = transmissive.some(
      (outer) => outer !== inner && !outer.box.equals(inner.box) && contains(outer.box, inner.box),
    );
    if (!nested) continue;
    inner.mesh.material = innerVolumeMaterial(inner.mesh.material as MeshPhysicalMaterial, meshDepth(inner.mesh));
    // Drawn after the glass around it: the glass's depth hides the inner body's front faces before they are shaded
    // (the glass shows the liquid through its backdrop already), which keeps the costly volume shader off them.
    inner.mesh.renderOrder = Math.max(inner.mesh.renderOrder, 1);
    changed.push(inner.mesh);
  }
  return changed;
}
