/**
 * Turns a product definition (parts = mesh data + material) into a glTF
 * document: recentres it (standing on y = 0, centred on x/z), writes
 * accessors, one node per part, and KHR_materials_variants mappings.
 */
import { Document, NodeIO, getBounds, type Material } from "@gltf-transform/core";
import { KHRONOS_EXTENSIONS, KHRMaterialsVariants } from "@gltf-transform/extensions";
import { countFlippedFaces, translate, triangleCount, type MeshData } from "./geometry";
import { MaterialKit } from "./materials";

export interface Part {
  /** Node / mesh name, e.g. "Cap". */
  name: string;
  mesh: MeshData;
  material: Material;
  /**
   * Keep TEXCOORD_0 even without a texture: surfaces where the editor may
   * place a label/decal. Textured parts always get UVs.
   */
  printable?: boolean;
  /** Material per variant, aligned with {@link ProductBuild.variants}. */
  variantMaterials?: Material[];
}

export interface ProductBuild {
  parts: Part[];
  /** Colourway names (KHR_materials_variants); the first matches the default materials. */
  variants?: string[];
}

export interface ProductDef {
  slug: string;
  name: string;
  build(doc: Document, kit: MaterialKit): ProductBuild;
}

export interface GeneratedProduct {
  slug: string;
  name: string;
  glb: Uint8Array;
  dimensionsM: [number, number, number];
  triangles: number;
  materials: string[];
  variants: string[];
}

export function createIO(): NodeIO {
  return new NodeIO().registerExtensions(KHRONOS_EXTENSIONS);
}

export async function generate(def: ProductDef): Promise<GeneratedProduct> {
  const doc = new Document();
  doc.getRoot().getAsset().generator = "Plinth sample generator (glTF-Transform)";
  const buffer = doc.createBuffer();
  const kit = new MaterialKit(doc);
  const built = def.build(doc, kit);

  // Recentre: bottom on y = 0, bounding box centred on x/z.
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const part of built.parts) {
    const p = part.mesh.positions;
    for (let k = 0; k < p.length; k += 3) {
      for (let a = 0; a < 3; a++) {
        min[a] = Math.min(min[a], p[k + a]);
        max[a] = Math.max(max[a], p[k + a]);
      }
    }
  }
  const shift = [-(min[0] + max[0]) / 2, -min[1], -(min[2] + max[2]) / 2];
  for (const part of built.parts) {
    if (shift.some((s) => Math.abs(s) > 1e-7)) translate(part.mesh, shift[0], shift[1], shift[2]);
    const flipped = countFlippedFaces(part.mesh);
    if (flipped > 0) throw new Error(`${def.slug}/${part.name}: ${flipped} faces disagree with their normals`);
  }

  const variantNames = built.variants ?? [];
  const variantExt = variantNames.length > 0 ? doc.createExtension(KHRMaterialsVariants) : null;
  const variants = variantExt ? variantNames.map((name) => variantExt.createVariant(name)) : [];

  const scene = doc.createScene(def.name);
  const root = doc.createNode(def.name);
  scene.addChild(root);
  let triangles = 0;
  const materialNames: string[] = [];
  for (const part of built.parts) {
    const m = part.mesh;
    const vertexCount = m.positions.length / 3;
    const indices = vertexCount < 65536 ? Uint16Array.from(m.indices) : m.indices;
    const prim = doc
      .createPrimitive()
      .setAttribute(
        "POSITION",
        doc.createAccessor(`${part.name}_position`, buffer).setType("VEC3").setArray(m.positions),
      )
      .setAttribute("NORMAL", doc.createAccessor(`${part.name}_normal`, buffer).setType("VEC3").setArray(m.normals));
    const textured = [part.material, ...(part.variantMaterials ?? [])].some(
      (mat) => mat.getBaseColorTexture() !== null,
    );
    if (textured || part.printable) {
      prim.setAttribute("TEXCOORD_0", doc.createAccessor(`${part.name}_uv`, buffer).setType("VEC2").setArray(m.uvs));
    }
    prim
      .setIndices(doc.createAccessor(`${part.name}_indices`, buffer).setType("SCALAR").setArray(indices))
      .setMaterial(part.material);
    if (part.variantMaterials && variantExt) {
      if (part.variantMaterials.length !== variants.length) {
        throw new Error(`${def.slug}/${part.name}: expected ${variants.length} variant materials`);
      }
      const ext = variantExt;
      const list = ext.createMappingList();
      // Group variants that share a material into one mapping.
      const byMaterial = new Map<Material, number[]>();
      part.variantMaterials.forEach((mat, i) => byMaterial.set(mat, [...(byMaterial.get(mat) ?? []), i]));
      for (const [mat, idx] of byMaterial) {
        const mapping = ext.createMapping().setMaterial(mat);
        for (const i of idx) mapping.addVariant(variants[i]);
        list.addMapping(mapping);
      }
      prim.setExtension("KHR_materials_variants", list);
    }
    const mesh = doc.createMesh(part.name).addPrimitive(prim);
    root.addChild(doc.createNode(part.name).setMesh(mesh));
    triangles += triangleCount(m);
    const matName = part.material.getName();
    if (!materialNames.includes(matName)) materialNames.push(matName);
  }

  const bounds = getBounds(scene);
  const dims = [0, 1, 2].map((a) => round5(bounds.max[a] - bounds.min[a])) as [number, number, number];
  const glb = await createIO().writeBinary(doc);
  return {
    slug: def.slug,
    name: def.name,
    glb,
    dimensionsM: dims,
    triangles,
    materials: materialNames,
    variants: variantNames,
  };
}

function round5(x: number): number {
  return Math.round(x * 100000) / 100000;
}
