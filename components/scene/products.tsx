"use client";
/**
 * The placed products. Each placement gets its own clone of the cached model
 * with cloned materials, so variants and material overrides never leak into
 * the shared glTF cache (or into another placement of the same product).
 */
import { useEffect, useMemo } from "react";
import { Color, Mesh, type Material, type Object3D } from "three";
import type { GLTF } from "three-stdlib";
import {
  groundedBounds,
  groundingOffset,
  placeBounds,
  unionBounds,
  type Bounds,
  type MaterialOverride,
  type ProductPlacement,
  type ProductPose,
} from "@/lib/scene";
import { modelBounds } from "./model-bounds";
import { variantMaterialsOf } from "./model-loader";
import { resolveNestedTransmission } from "./nested-transmission";

export { modelBounds };

export interface LoadedProduct {
  placement: ProductPlacement;
  model: GLTF;
}

/** Union of every placed product's real bounds; null when nothing is placed. */
export function productGroupBounds(products: readonly LoadedProduct[]): Bounds | null {
  if (products.length === 0) return null;
  return unionBounds(
    products.map(({ placement, model }) => placeBounds(groundedBounds(modelBounds(model)), placement)),
  );
}

type PbrLike = Material & { color?: Color; roughness?: number; metalness?: number };

function applyOverride(material: PbrLike, override: MaterialOverride | undefined) {
  if (!override) return;
  if (override.color && material.color) material.color.set(override.color);
  if (override.roughness !== undefined && material.roughness !== undefined) material.roughness = override.roughness;
  if (override.metalness !== undefined && material.metalness !== undefined) material.metalness = override.metalness;
}

function instantiate(model: GLTF, placement: ProductPlacement): { object: Object3D; materials: Material[] } {
  const object = model.scene.clone(true);
  const materials: Material[] = [];
  const clones = new Map<Material, Material>();
  // clone(true) copies the tree in traversal order: pair each copy with its original, whose variants are known.
  const originals: Object3D[] = [];
  model.scene.traverse((node) => void originals.push(node));
  let index = 0;
  object.traverse((node) => {
    const original = originals[index++];
    if (!(node instanceof Mesh)) return;
    node.castShadow = true;
    node.receiveShadow = true;
    const variants = variantMaterialsOf(original);
    const defaultMaterial = node.material as Material;
    const source = (placement.variant && variants?.[placement.variant]) || defaultMaterial;
    let material = clones.get(source);
    if (!material) {
      material = source.clone();
      applyOverride(material, placement.materialOverrides[defaultMaterial.name]);
      if (source.name !== defaultMaterial.name) applyOverride(material, placement.materialOverrides[source.name]);
      clones.set(source, material);
      materials.push(material);
    }
    node.material = material;
  });
  // A liquid inside a glass bottle would vanish in three's transmission pass: its back faces join the glass's backdrop.
  for (const mesh of resolveNestedTransmission(object)) materials.push(mesh.material as Material);
  return { object, materials };
}

function Product({ placement, model }: LoadedProduct) {
  const overridesKey = JSON.stringify(placement.materialOverrides);
  const { object, materials } = useMemo(
    () => instantiate(model, placement),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt only when the look changes, not the transform
    [model, placement.variant, overridesKey],
  );
  useEffect(() => () => materials.forEach((material) => material.dispose()), [materials]);
  // Stands on its surface whatever the model's origin: bottom on the placement's height, centred (bounds.ts).
  const offset = groundingOffset(modelBounds(model));
  return (
    // Named so the editor can find (select, drag) a placement: a direct child of the "products" group.
    <group
      name={`product-${placement.id}`}
      position={placement.position}
      rotation={[0, placement.rotationY, 0]}
      scale={placement.scale}
    >
      <primitive object={object} position={offset} />
    </group>
  );
}

export function Products({ products, pose }: { products: readonly LoadedProduct[]; pose?: ProductPose }) {
  const placed = products.map((product) => <Product key={product.placement.id} {...product} />);
  if (!pose) return <group name="products">{placed}</group>;
  // A video frame: lifted, then tilted about the group's bottom centre (lib/scene/motion.ts posePoint).
  const [x, y, z] = pose.pivot;
  return (
    <group name="products" position={[x, y + pose.lift, z]} rotation={[0, 0, pose.tiltRad]}>
      <group position={[-x, -y, -z]}>{placed}</group>
    </group>
  );
}
