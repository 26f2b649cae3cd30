import sharp from "sharp";
import { applyWatermark } from "./watermark";

export type EncodeOptions = {
  format: "png" | "jpg" | "webp";
  width: number;
  height: number;
  transparent: boolean;
  /** The free trial's "Made with Plinth" mark, bottom right (worker/watermark.ts). */
  watermark?: boolean;
};
export type Encoded = { bytes: Buffer; contentType: string; extension: string };

const CONTENT_TYPES = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" } as const;

/**
 * Encodes the captured frame and checks it before anything is stored: exact
 * size, not blank, not a single flat colour (a product is always in frame).
 */
export async function encodeAndCheck(capturedPng: Buffer, options: EncodeOptions): Promise<Encoded> {
  const image = sharp(capturedPng);
  const meta = await image.metadata();
  if (meta.width !== options.width || meta.height !== options.height) {
    throw new Error(`Captured ${meta.width}x${meta.height} instead of ${options.width}x${options.height}`);
  }
  const stats = await image.stats();
  const colourChannels = stats.channels.slice(0, 3);
  if (colourChannels.every((c) => c.stdev < 0.5)) {
    const alphaVaries = stats.channels[3] ? stats.channels[3].stdev >= 0.5 : false;
    if (!alphaVaries) throw new Error("The captured image is blank (a single flat colour)");
  }
  const source = options.watermark ? await applyWatermark(capturedPng, options.width, options.height) : capturedPng;
  let pipeline = sharp(source);
  if (!options.transparent) pipeline = pipeline.removeAlpha();
  // Tag as sRGB so viewers show brand colours as rendered.
  pipeline = pipeline.withIccProfile("srgb");
  const bytes =
    options.format === "png"
      ? await pipeline.png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer()
      : options.format === "jpg"
        ? await pipeline.jpeg({ quality: 92, chromaSubsampling: "4:4:4", mozjpeg: false }).toBuffer()
        : await pipeline.webp({ quality: 92, alphaQuality: 100 }).toBuffer();
  return { bytes, contentType: CONTENT_TYPES[options.format], extension: options.format };
}
