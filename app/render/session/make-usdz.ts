"use client";
/**
 * A published viewer's USDZ for iOS Quick Look, made on the worker's session page (a real browser: the exporter
 * draws each texture on a canvas to write it as PNG). From the web-ready GLB: meshopt geometry decoded, the
 * viewer's colourway applied (KHR_materials_variants; a USDZ carries one look), then three's USDZExporter writes
 * static meshes and their PBR materials, textures no larger than `maxTextureSize`. Animations, skins, morph
 * targets and most material extensions (transmission, clearcoat, sheen...) are not carried.
 */
import type { UsdzJob, UsdzResult } from "@/lib/render-contract/usdz-job";

type VariantsExtension = { variants: { name: string }[] };
type VariantMapping = { material: number; variants: number[] };

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

async function toBase64(bytes: Uint8Array): Promise<string> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error("Could not read the USDZ"));
    reader.readAsDataURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  });
  return dataUrl.slice(dataUrl.indexOf(",") + 1);
}

export async function makeUsdz(job: UsdzJob): Promise<UsdzResult> {
  const [{ GLTFLoader }, { MeshoptDecoder }, { USDZExporter }] = await Promise.all([
    import("three/examples/jsm/loaders/GLTFLoader.js"),
    import("three/examples/jsm/libs/meshopt_decoder.module.js"),
    import("three/examples/jsm/exporters/USDZExporter.js"),
  ]);
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  const gltf = await loader.parseAsync(fromBase64(job.glbBase64), "");

  const extension = gltf.parser.json.extensions?.KHR_materials_variants as VariantsExtension | undefined;
  const variantIndex = job.variant && extension ? extension.variants.findIndex((v) => v.name === job.variant) : -1;
  if (variantIndex >= 0) {
    const swaps: Promise<void>[] = [];
    gltf.scene.traverse((object) => {
      const mappings = object.userData.gltfExtensions?.KHR_materials_variants?.mappings as VariantMapping[] | undefined;
      const mapping = mappings?.find((m) => m.variants.includes(variantIndex));
      if (!mapping || !("material" in object)) return;
      swaps.push(
        gltf.parser.getDependency("material", mapping.material).then((material) => {
          object.material = material;
        }),
      );
    });
    await Promise.all(swaps);
  }

  const usdz = await new USDZExporter().parseAsync(gltf.scene, {
    maxTextureSize: job.maxTextureSize,
    quickLookCompatible: true,
  });
  return { usdzBase64: await toBase64(usdz) };
}
