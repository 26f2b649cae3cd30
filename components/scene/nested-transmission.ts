/**
 * Glass with something transmissive inside (a liquid in a bottle, a gel in a jar): three draws a transmissive
 * mesh's backdrop from the OPAQUE objects only (WebGLRenderer renderTransmissionPass: opaque list, then the back
 * faces of double-sided transmissive ones). An inner transmissive mesh is therefore missing from the outer glass's
 * backdrop, and the glass, drawn over it, replaces it with what is behind the bottle: the liquid disappears.
 *
 * The fix: an inner transmissive mesh is drawn as an opaque body carrying its colour (base colour tinted by its
 * KHR_materials_volume attenuation colour, as light through that thickness of it would be), glossy as it was. It
 * then lands in the transmission backdrop and the outer glass refracts and tints it; the outer glass keeps its
 * own transmission, thickness, attenuation and dispersion (KHR_materials_dispersion, read by three's loader).
 */
import { Box3, Color, Mesh, MeshPhysicalMaterial, type Material, type Object3D } from "three";

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
 * The colour an inner transmissive body shows through the glass: its base colour times the attenuation over its
 * own thickness (Beer-Lambert, as three's volume shader does), so a thick red syrup reads deep red and a thin
 * clear water stays pale.
 */
export function innerBodyColour(material: MeshPhysicalMaterial): Color {
  const colour = material.color.clone();
  const distance = material.attenuationDistance;
  if (!(distance > 0) || !Number.isFinite(distance)) return colour;
  const thickness = Math.max(material.thickness, 1e-4);
  const a = material.attenuationColor;
  const through = (c: number) => Math.pow(Math.max(c, 1e-4), thickness / distance);
  return colour.multiply(new Color(through(a.r), through(a.g), through(a.b)));
}

/** The opaque stand-in for an inner transmissive material: its colour, finish and maps; no transmission. */
export function innerBodyMaterial(material: MeshPhysicalMaterial): MeshPhysicalMaterial {
  const body = material.clone();
  body.name = material.name;
  body.transmission = 0;
  body.transmissionMap = null;
  body.thickness = 0;
  body.color.copy(innerBodyColour(material));
  body.transparent = false;
  body.opacity = 1;
  body.depthWrite = true;
  // A liquid reads as liquid by its gloss: keep it at least as smooth as it was, and give it a clear coat.
  body.clearcoat = Math.max(body.clearcoat, 0.5);
  body.userData = { ...material.userData, plinthInnerBodyOf: material.uuid };
  return body;
}

/**
 * Replaces the material of every transmissive mesh that sits inside another transmissive mesh of `root` (boxes in
 * `root`'s space) with its opaque stand-in. Returns the meshes changed. Materials are replaced, never edited: the
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
    inner.mesh.material = innerBodyMaterial(inner.mesh.material as MeshPhysicalMaterial);
    changed.push(inner.mesh);
  }
  return changed;
}
