import sharp from "sharp";
import type { StoredObject } from "@/lib/storage";

/** Longest side of a "web-size" image (full-screen view and web-size downloads). */
export const WEB_SIDE = 2048;
/** Longest side of an album grid's thumbnail. */
export const THUMB_SIDE = 640;

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/**
 * A subtle diagonal repeat of the album's name over the picture: enough to say "shared for review", light enough not
 * to spoil it. Drawn with sharp from an SVG (no font download: the system's sans-serif).
 */
function watermarkSvg(width: number, height: number, text: string): Buffer {
  const size = Math.max(14, Math.round(Math.min(width, height) / 24));
  const step = size * 9;
  const label = escapeXml(text.slice(0, 60));
  const rows: string[] = [];
  for (let y = -height; y < height * 2; y += step / 2) {
    for (let x = -width; x < width * 2; x += step) {
      rows.push(`<text x="${x}" y="${y}">${label}</text>`);
    }
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<g transform="rotate(-30 ${width / 2} ${height / 2})" font-family="sans-serif" font-size="${size}" ` +
      `fill="#ffffff" fill-opacity="0.22" stroke="#000000" stroke-opacity="0.08" stroke-width="1">${rows.join("")}</g></svg>`,
  );
}

/** A WebP at most `side` px a side, watermarked with `watermark` when given, as a stored object to serve. */
export async function resizedImage(object: StoredObject, side: number, watermark?: string): Promise<StoredObject> {
  const bytes = Buffer.from(await new Response(object.stream).arrayBuffer());
  const resized = await sharp(bytes)
    .resize({ width: side, height: side, fit: "inside", withoutEnlargement: true })
    .toBuffer({ resolveWithObject: true });
  let image = sharp(resized.data);
  if (watermark) {
    image = image.composite([{ input: watermarkSvg(resized.info.width, resized.info.height, watermark) }]);
  }
  const out = await image.webp({ quality: 84 }).toBuffer();
  return { stream: new Blob([new Uint8Array(out)]).stream(), size: out.byteLength, contentType: "image/webp" };
}
