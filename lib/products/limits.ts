import { env } from "@/lib/env";

/** What one upload may cost. The model checks run in a worker process (lib/products/model-worker). */
export type UploadLimits = {
  /** Largest request body / upload, in bytes. */
  maxBytes: number;
  /** Largest total uncompressed size of the .zip entries the model uses (zip bombs stop here). */
  maxUnzippedBytes: number;
  /** Most entries in a .zip. */
  maxZipEntries: number;
} & Partial<ModelLimits>;

/** Limits on the model itself and on the worker that checks it; each has a default (MODEL_LIMITS). */
export type ModelLimits = {
  /** Deepest JSON nesting of a .gltf: gltf-validator recurses and overflows its stack on very deep input. */
  maxJsonDepth: number;
  /** Most a zip entry over 1 MB may grow when unpacked; real model files compress far less (bombs: ~1000:1). */
  maxZipRatio: number;
  /** Largest texture side in pixels: the editor and the render worker decode every texture on the GPU. */
  maxTextureSide: number;
  /** Most decoded texture pixels in one model, all textures together (each costs 4 bytes or more on the GPU). */
  maxTexturePixels: number;
  /** Longest the worker may spend on one model. */
  timeoutMs: number;
  /** Most memory (resident) the worker may use while it checks one model. */
  memoryMb: number;
};

export const MODEL_LIMITS: ModelLimits = {
  maxJsonDepth: 128,
  maxZipRatio: 100,
  maxTextureSide: 8192,
  // Two textures at the largest size, or eight at 4096x4096: real product models stay well inside it.
  maxTexturePixels: 2 * 8192 * 8192,
  timeoutMs: 60_000,
  memoryMb: 1024,
};

export function uploadLimits(): UploadLimits {
  const e = env();
  const maxBytes = Math.round(e.PRODUCT_MAX_MB * 1024 * 1024);
  return {
    maxBytes,
    maxUnzippedBytes: maxBytes * 3,
    maxZipEntries: 1000,
    timeoutMs: e.UPLOAD_TIMEOUT_S * 1000,
    memoryMb: e.UPLOAD_WORKER_MEMORY_MB,
  };
}

/** Every limit filled in: the defaults for what the caller left out. */
export function fullLimits(limits: UploadLimits): Required<UploadLimits> {
  const filled = { ...MODEL_LIMITS };
  for (const [k, v] of Object.entries(limits)) if (v !== undefined) (filled as Record<string, unknown>)[k] = v;
  return filled as Required<UploadLimits>;
}

export function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
