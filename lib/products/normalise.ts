import { runtimeRequire } from "./runtime-require";
import { getBounds, NodeIO, Primitive, type Document, type Node, type Scene } from "@gltf-transform/core";
import { ALL_EXTENSIONS, type KHRMaterialsVariants } from "@gltf-transform/extensions";
import { unpartition } from "@gltf-transform/functions";
import { MeshoptDecoder } from "meshoptimizer";
import type { Vec3 } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { GltfJson } from "./gltf-container";

/** Name of the node we put around the scene's content to stand it on the ground and scale it. */
const WRAPPER_NAME = "Plinth normalise";

type DracoModule = { createDecoderModule(options?: Record<string, unknown>): Promise<unknown> };

let ioPromise: Promise<NodeIO> | undefined;

/**
 * glTF-Transform's NodeIO with every Khronos extension and local decoders:
 * Draco (draco3dgltf, WASM from node_modules) and meshopt. KTX2 textures are
 * read and written as they are. Reads never touch the disk or the network:
 * every resource is handed over from the upload.
 */
export function getIO(): Promise<NodeIO> {
  ioPromise ??= (async () => {
    // Loaded at run time from node_modules so its WASM is found next to it (bundlers would move the JS away).
    const draco = runtimeRequire<DracoModule>("draco3dgltf");
    await MeshoptDecoder.ready;
    return new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({
      "draco3d.decoder": await draco.createDecoderModule(),
      "meshopt.decoder": MeshoptDecoder,
    });
  })();
  ioPromise.catch(() => (ioPromise = undefined));
  return ioPromise;
}

export type ModelFacts = {
  /** Bounding-box size in model units [x, y, z]. */
  sourceSize: Vec3;
  triangles: number;
  materials: string[];
  variants: string[];
};

export type ProcessedModel = ModelFacts & { glb: Uint8Array };

function sceneOf(doc: Document): Scene | null {
  const root = doc.getRoot();
  return root.getDefaultScene() ?? root.listScenes()[0] ?? null;
}

function countFacts(doc: Document, scene: Scene): { triangles: number; primitives: number; materials: string[] } {
  let triangles = 0;
  let primitives = 0;
  const seen = new Set<unknown>();
  const materials: string[] = [];
  const allMaterials = doc.getRoot().listMaterials();
  scene.traverse((node: Node) => {
    const mesh = node.getMesh();
    if (!mesh) return;
    for (const prim of mesh.listPrimitives()) {
      const position = prim.getAttribute("POSITION");
      if (!position) continue;
      primitives += 1;
      const n = prim.getIndices()?.getCount() ?? position.getCount();
      const mode = prim.getMode();
      if (mode === Primitive.Mode.TRIANGLES) triangles += Math.floor(n / 3);
      else if (mode === Primitive.Mode.TRIANGLE_STRIP || mode === Primitive.Mode.TRIANGLE_FAN)
        triangles += Math.max(0, n - 2);
      const material = prim.getMaterial();
      if (material && !seen.has(material)) {
        seen.add(material);
        materials.push(material.getName() || `Material ${allMaterials.indexOf(material) + 1}`);
      }
    }
  });
  return { triangles, primitives, materials };
}

function applyPlacement(wrapper: Node, center: Vec3, scale: number) {
  wrapper.setScale([scale, scale, scale]);
  wrapper.setTranslation([-center[0] * scale, -center[1] * scale, -center[2] * scale]);
  wrapper.setExtras({ ...wrapper.getExtras(), plinth: { center, scale } });
}

/**
 * Reads a validated glTF (JSON + the upload's resources), measures it, stands
 * it on the ground (min y = 0) centred on x/z at `scale` (model units ->
 * metres), and writes a self-contained web-ready GLB with geometry decoded.
 */
export async function normaliseModel(
  json: GltfJson,
  resources: Record<string, Uint8Array>,
  scale: number,
): Promise<ProcessedModel> {
  const io = await getIO();
  let doc: Document;
  try {
    doc = await io.readJSON({ json: json as never, resources: resources as never });
  } catch (err) {
    throw new AppError(
      "unprocessable",
      `The model could not be read: ${err instanceof Error ? err.message : String(err)}.`,
    );
  }
  const root = doc.getRoot();
  const scene = sceneOf(doc);
  const counted = scene ? countFacts(doc, scene) : { triangles: 0, primitives: 0, materials: [] };
  if (!scene || counted.primitives === 0 || counted.triangles === 0) {
    throw new AppError(
      "unprocessable",
      "The model has no meshes: its scene is empty, so there is nothing to show. Check that the export included the product's geometry.",
    );
  }
  root.setDefaultScene(scene);
  const { min, max } = getBounds(scene);
  const sourceSize: Vec3 = [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
  if (!sourceSize.every((v) => Number.isFinite(v)) || Math.max(...sourceSize) <= 0) {
    throw new AppError("unprocessable", "The model's geometry has no size (all its points are in one place).");
  }

  const wrapper = doc.createNode(WRAPPER_NAME);
  for (const child of scene.listChildren()) {
    scene.removeChild(child);
    wrapper.addChild(child);
  }
  scene.addChild(wrapper);
  applyPlacement(wrapper, [(min[0] + max[0]) / 2, min[1], (min[2] + max[2]) / 2], scale);

  // The web copy carries plain geometry: drop compression so the editor and renderer need no decoder for it.
  for (const ext of root.listExtensionsUsed()) {
    if (ext.extensionName === "KHR_draco_mesh_compression" || ext.extensionName === "EXT_meshopt_compression")
      ext.dispose();
  }
  if (root.listBuffers().length === 0) {
    const buffer = doc.createBuffer();
    for (const accessor of root.listAccessors()) accessor.setBuffer(buffer);
  }
  if (root.listBuffers().length > 1) await doc.transform(unpartition());

  const variantsExt = root.listExtensionsUsed().find((e) => e.extensionName === "KHR_materials_variants") as
    KHRMaterialsVariants | undefined;
  const variants = variantsExt ? variantsExt.listVariants().map((v, i) => v.getName() || `Colourway ${i + 1}`) : [];
  root.getAsset().generator = "Plinth (glTF-Transform)";
  const glb = await io.writeBinary(doc);
  return {
    glb,
    sourceSize: sourceSize.map(round6) as Vec3,
    triangles: counted.triangles,
    materials: counted.materials,
    variants,
  };
}

/** Re-scales an existing web-ready GLB (from `normaliseModel`) to a new unit scale; it stays on the ground and centred. */
export async function rescaleModel(glb: Uint8Array, scale: number): Promise<Uint8Array> {
  const io = await getIO();
  const doc = await io.readBinary(glb);
  const scene = sceneOf(doc);
  const wrapper = scene?.listChildren().find((n) => n.getName() === WRAPPER_NAME);
  const center = (wrapper?.getExtras() as { plinth?: { center?: Vec3 } } | undefined)?.plinth?.center;
  if (!wrapper || !center)
    throw new AppError("internal", "This product's web model cannot be re-scaled; upload it again.");
  applyPlacement(wrapper, center, scale);
  return io.writeBinary(doc);
}

/** Six significant digits: enough for any model, at any scale. */
function round6(n: number): number {
  return Number(n.toPrecision(6));
}
