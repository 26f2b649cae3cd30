/**
 * glTF loading through drei's useGLTF, with every decoder served by the app
 * itself (public/decoders/, see scripts/copy-decoders.ts): never a CDN.
 *
 *  - Draco: drei's shared DRACOLoader, pointed at /decoders/draco/.
 *  - KTX2 / Basis: three's KTX2Loader with /decoders/basis/, imported only when a file has KTX2 textures (the
 *    loader, its worker pool and zstd decoder are about 30 KB gzip the editor need not load otherwise).
 *  - Meshopt: instantiated lazily, only when a file actually needs it, so a
 *    page that never meets a meshopt file never compiles WebAssembly.
 *  - KHR_materials_variants: a loader plugin resolves every variant material
 *    up front, so switching variants never suspends and never refetches.
 */
import type { WebGLRenderer, Material, Object3D } from "three";
import { useGLTF } from "@react-three/drei";
import type { KTX2Loader } from "three/examples/jsm/loaders/KTX2Loader.js";
import type { GLTF, GLTFLoader, GLTFLoaderPlugin, GLTFParser } from "three-stdlib";
import { MeshoptDecoder } from "three-stdlib";

export const DRACO_DECODER_PATH = "/decoders/draco/";
export const BASIS_TRANSCODER_PATH = "/decoders/basis/";

/** Where a mesh's variant materials are stored: variant name -> material. */
/**
 * Each mesh's KHR_materials_variants materials by variant name. Kept beside the model, not in userData: three's
 * clone copies userData through JSON, which turned the materials into plain objects (a colourway then crashed
 * the view with "clone is not a function") and serialised every material on each clone.
 */
const variantMaterials = new WeakMap<Object3D, Record<string, Material>>();

/** The variant materials of a node of a loaded model (not of a clone: pair the clone with its original). */
export function variantMaterialsOf(node: Object3D): Record<string, Material> | undefined {
  return variantMaterials.get(node);
}

type MeshoptLike = Extract<ReturnType<typeof MeshoptDecoder>, { ready: Promise<void> }>;
let meshopt: MeshoptLike | null = null;
function loadMeshopt(): MeshoptLike {
  if (!meshopt) {
    const decoder = MeshoptDecoder();
    if (!("ready" in decoder)) throw new Error("Meshopt decoding needs WebAssembly");
    meshopt = decoder;
  }
  return meshopt;
}
/** Looks like a decoder to GLTFLoader but only compiles the WASM on first use. */
const lazyMeshopt = {
  supported: typeof WebAssembly === "object",
  get ready() {
    return loadMeshopt().ready;
  },
  decodeGltfBuffer(...args: Parameters<MeshoptLike["decodeGltfBuffer"]>) {
    return loadMeshopt().decodeGltfBuffer(...args);
  },
};

let ktx2: Promise<KTX2Loader> | null = null;
function ktx2Loader(gl: WebGLRenderer): Promise<KTX2Loader> {
  ktx2 ??= import("three/examples/jsm/loaders/KTX2Loader.js").then(({ KTX2Loader }) =>
    new KTX2Loader().setTranscoderPath(BASIS_TRANSCODER_PATH).detectSupport(gl),
  );
  return ktx2;
}

/** Looks like a KTX2Loader to GLTFLoader (which only calls load) but imports the real one on first use. */
function lazyKtx2(gl: WebGLRenderer) {
  return {
    load(url: string, onLoad: (texture: unknown) => void, onProgress: undefined, onError: (err: unknown) => void) {
      ktx2Loader(gl).then((loader) => loader.load(url, onLoad, onProgress, onError), onError);
    },
  };
}

interface VariantsExtension {
  variants?: Array<{ name: string }>;
}
interface VariantMapping {
  material: number;
  variants: number[];
}

/** Not named "KHR_materials_variants" on purpose: unknown extensions stay in userData. */
function variantsPlugin(parser: GLTFParser): GLTFLoaderPlugin {
  const plugin: GLTFLoaderPlugin & { name: string } = {
    name: "plinth_materials_variants",
    async afterRoot(gltf: GLTF) {
      const root = (parser.json as { extensions?: Record<string, VariantsExtension> }).extensions;
      const names = root?.KHR_materials_variants?.variants?.map((variant) => variant.name) ?? [];
      if (names.length === 0) return;
      const jobs: Promise<void>[] = [];
      for (const scene of gltf.scenes) {
        scene.traverse((object: Object3D) => {
          const mappings = (object.userData.gltfExtensions?.KHR_materials_variants?.mappings ?? []) as VariantMapping[];
          if (mappings.length === 0) return;
          const byName: Record<string, Material> = {};
          variantMaterials.set(object, byName);
          for (const mapping of mappings) {
            jobs.push(
              (parser.getDependency("material", mapping.material) as Promise<Material>).then((material) => {
                for (const index of mapping.variants) if (names[index]) byName[names[index]] = material;
              }),
            );
          }
        });
      }
      await Promise.all(jobs);
      gltf.userData.variantNames = names;
    },
  };
  return plugin;
}

const configured = new WeakSet<object>();
function extendLoader(gl: WebGLRenderer) {
  return (loader: GLTFLoader) => {
    if (configured.has(loader)) return;
    configured.add(loader);
    loader.register(variantsPlugin);
    // three's own KTX2Loader (matches the shipped transcoder); the API GLTFLoader uses is the same.
    loader.setKTX2Loader(lazyKtx2(gl) as unknown as Parameters<GLTFLoader["setKTX2Loader"]>[0]);
    loader.setMeshoptDecoder(lazyMeshopt as unknown as Parameters<GLTFLoader["setMeshoptDecoder"]>[0]);
  };
}

/**
 * Suspends until the model at `url` is loaded. Not a React hook: drei's
 * useGLTF only reads a suspense cache (no hook state), so it may be called
 * once per product in a loop; each URL is cached on its own.
 */
export function readModel(url: string, gl: WebGLRenderer): GLTF {
  const read = useGLTF;
  return read(url, DRACO_DECODER_PATH, false, extendLoader(gl) as never) as unknown as GLTF;
}

/** Starts loading without suspending (so several products download in parallel). */
export function preloadModel(url: string, gl: WebGLRenderer): void {
  useGLTF.preload(url, DRACO_DECODER_PATH, false, extendLoader(gl) as never);
}
