import sharp from "sharp";
import type { StoredObject } from "@/lib/storage";

/** The longest side of a grid preview; the full file stays one click away. */
export const PREVIEW_SIDE = 480;

/** A light WebP (as a stored object, so it is served like one) of a stored image, for grids (the Renders board) instead of the full-size file. */
export async function imagePreview(object: StoredObject): Promise<StoredObject> {
  const bytes = Buffer.from(await new Response(object.stream).arrayBuffer());
  const preview = await sharp(bytes)
    .resize({ width: PREVIEW_SIDE, height: PREVIEW_SIDE, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 82 })
    .toBuffer();
  return { stream: new Blob([new Uint8Array(preview)]).stream(), size: preview.byteLength, contentType: "image/webp" };
}
