import { AppError } from "@/lib/errors";
import type { GltfJson } from "./gltf-container";
import { readImageSize } from "./image-headers";

type TextureLimits = { maxTextureSide: number; maxTexturePixels: number };

/** Bytes of a data: URI, or null when it is not base64 or percent-encoded data. */
function dataUriBytes(uri: string): Uint8Array | null {
  const comma = uri.indexOf(",");
  if (comma < 0) return null;
  const payload = uri.slice(comma + 1);
  if (/;base64$/i.test(uri.slice(0, comma))) return new Uint8Array(Buffer.from(payload, "base64"));
  try {
    return new TextEncoder().encode(decodeURIComponent(payload));
  } catch {
    return null;
  }
}

/** The bytes behind one image: a file of the upload, a data: URI or a buffer view of a buffer. */
function imageBytes(
  json: GltfJson,
  index: number,
  bin: Uint8Array | undefined,
  byUri: Record<string, Uint8Array>,
): Uint8Array | null {
  const image = json.images?.[index];
  if (!image) return null;
  if (typeof image.uri === "string")
    return image.uri.startsWith("data:") ? dataUriBytes(image.uri) : (byUri[image.uri] ?? null);
  if (typeof image.bufferView !== "number") return null;
  const view = json.bufferViews?.[image.bufferView];
  const buffer = typeof view?.buffer === "number" ? json.buffers?.[view.buffer] : undefined;
  if (!view || !buffer) return null;
  const data =
    typeof buffer.uri === "string"
      ? buffer.uri.startsWith("data:")
        ? dataUriBytes(buffer.uri)
        : byUri[buffer.uri]
      : bin;
  const start = Number(view.byteOffset ?? 0);
  const length = Number(view.byteLength);
  if (!data || !Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < 0 || length < 0) return null;
  return data.subarray(start, start + length);
}

/**
 * Refuses textures too large to decode, from their headers alone (the upload
 * is never decoded here): the editor and the render worker decode every
 * texture on the GPU, and one 60000x60000 PNG would take gigabytes there.
 * Images whose header cannot be read are left to the validator.
 */
export function checkTextureSizes(
  json: GltfJson,
  bin: Uint8Array | undefined,
  byUri: Record<string, Uint8Array>,
  limits: TextureLimits,
) {
  let pixels = 0;
  const max = limits.maxTextureSide;
  for (let i = 0; i < (json.images?.length ?? 0); i++) {
    const bytes = imageBytes(json, i, bin, byUri);
    const size = bytes ? readImageSize(bytes) : null;
    if (!size) continue;
    const image = json.images![i];
    const label =
      typeof image.uri === "string" && !image.uri.startsWith("data:") ? image.uri : image.name || `image ${i + 1}`;
    if (size.width > max || size.height > max) {
      throw new AppError(
        "unprocessable",
        `This texture ("${String(label).slice(0, 80)}") is ${size.width}x${size.height} pixels; the largest we accept is ${max}x${max}. ` +
          "Scale it down in your 3D tool and export again.",
      );
    }
    pixels += size.width * size.height * size.layers;
  }
  if (pixels > limits.maxTexturePixels) {
    const mp = (n: number) => (n >= 10e6 ? String(Math.round(n / 1e6)) : (n / 1e6).toFixed(1));
    throw new AppError(
      "unprocessable",
      `The model's textures add up to ${mp(pixels)} megapixels; the most we accept is ${mp(limits.maxTexturePixels)} megapixels per model. ` +
        "Use smaller textures and export again.",
    );
  }
}
