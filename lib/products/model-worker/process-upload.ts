import type { ProductWarning } from "@/lib/db/schema";
import { checkTextureSizes } from "../check-textures";
import { parseContainer, referencedPaths, resolveResources } from "../gltf-container";
import { fullLimits, type UploadLimits } from "../limits";
import { normaliseModel, type ProcessedModel } from "../normalise";
import { collectUpload, type UploadFile } from "../upload-files";
import { validateGltf } from "../validate";

/** What the web process stores: the web-ready model, its facts, and how to keep the original. */
export type ProcessedUpload = {
  format: "glb" | "gltf" | "zip";
  model: ProcessedModel;
  warnings: ProductWarning[];
  /** `bytes` only when the original was built here (several files zipped); otherwise it is the one uploaded file. */
  original: { filename: string; contentType: string; bytes?: Uint8Array };
};

/**
 * The whole check of an upload, from raw files to a web-ready GLB: sort out
 * the files, refuse what is not a sound glTF (cheap structural checks first,
 * then gltf-validator), normalise. Runs in the model worker process
 * (./child.ts), never in the web process: the tools it drives recurse and
 * allocate on untrusted input.
 */
export async function processUpload(input: UploadFile[], uploadLimits: UploadLimits): Promise<ProcessedUpload> {
  const limits = fullLimits(uploadLimits);
  const upload = collectUpload(input, limits);
  const container = parseContainer(upload.main, upload.files.get(upload.main)!, limits.maxJsonDepth);
  // A .zip gives up only the files the model references: nothing else in it is ever unpacked.
  if (upload.zip) {
    for (const [p, bytes] of upload.zip.unpack(referencedPaths(upload.main, container.json)))
      upload.files.set(p, bytes);
  }
  const { byUri } = resolveResources(upload.main, container.json, upload.files);
  checkTextureSizes(container.json, container.bin, byUri, limits);
  const warnings = await validateGltf(upload.main, upload.files);
  const resources: Record<string, Uint8Array> = { ...byUri };
  if (container.bin) resources["@glb.bin"] = container.bin;
  const model = await normaliseModel(container.json, resources, 1);
  const built = input.length > 1;
  return {
    format: upload.format,
    model,
    warnings,
    original: {
      filename: upload.original.filename,
      contentType: upload.original.contentType,
      bytes: built ? upload.original.bytes : undefined,
    },
  };
}
