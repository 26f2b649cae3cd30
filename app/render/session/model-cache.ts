"use client";
/**
 * Models kept between the outputs a worker renders. Each job brings its own
 * token-signed model URL (different for every output), so loading by that URL
 * would download and parse the same GLB again for every ratio of a batch.
 * Instead the bytes are fetched once per model version into a blob: URL that
 * stays the same between jobs, and drei's GLTF cache (keyed by URL) then keeps
 * the parsed model too. The worker's `cacheKey` names the exact file version.
 */
import { useGLTF } from "@react-three/drei";
import type { SessionProductAsset } from "@/lib/render-contract/render-job";

/**
 * Enough for a batch of multi-product scenes; the byte budget bounds memory when
 * models are large (uploads may be up to 100 MB). A model let go here keeps its
 * GPU buffers (three frees them only on dispose) until the worker reloads the
 * page, which it does once its memory passes a limit (worker/browser-memory.ts).
 */
const KEEP = 8;
const KEEP_BYTES = 256 * 1024 * 1024;
type Entry = { url: string; bytes: number };
const models = new Map<string, Promise<Entry>>(); // cacheKey -> blob URL, least recently used first
const sizes = new Map<string, number>(); // cacheKey -> bytes, once downloaded

async function download(url: string): Promise<Entry> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The product model could not be loaded (HTTP ${response.status})`);
  const blob = await response.blob();
  return { url: URL.createObjectURL(blob), bytes: blob.size };
}

function forget(key: string) {
  const entry = models.get(key);
  models.delete(key);
  sizes.delete(key);
  entry?.then(
    ({ url }) => {
      useGLTF.clear(url);
      URL.revokeObjectURL(url);
    },
    () => {},
  );
}

const cachedBytes = () => [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);

/** productId -> a URL to load the model from: a cached blob: URL when the worker named the version. */
export async function resolveModelUrls(
  products: Record<string, SessionProductAsset>,
): Promise<Record<string, { url: string }>> {
  const inUse = new Set<string>();
  const resolved = await Promise.all(
    Object.entries(products).map(async ([productId, asset]) => {
      if (!asset.cacheKey) return [productId, { url: asset.url }] as const;
      const key = asset.cacheKey;
      inUse.add(key);
      let entry = models.get(key);
      if (entry)
        models.delete(key); // re-inserted below as the most recently used
      else {
        entry = download(asset.url);
        entry.catch(() => models.get(key) === entry && models.delete(key));
      }
      models.set(key, entry);
      const { url, bytes } = await entry;
      if (models.get(key) === entry) sizes.set(key, bytes);
      return [productId, { url }] as const;
    }),
  );
  // Least recently used first; never a model this job needs.
  for (const key of [...models.keys()]) {
    if (models.size <= KEEP && cachedBytes() <= KEEP_BYTES) break;
    if (!inUse.has(key)) forget(key);
  }
  return Object.fromEntries(resolved);
}
