import sharp from "sharp";
import type { Frame } from "./frame";
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
export async function encodeAndCheck(frame: Frame, options: EncodeOptions): Promise<Encoded> {
  if (frame.width !== options.width || frame.height !== options.height) {
    throw new Error(`Captured ${frame.width}x${frame.height} instead of ${options.width}x${options.height}`);
  }
  const raw = { raw: { width: frame.width, height: frame.height, channels: 4 as const } };
  const stats = await sharp(frame.rgba, raw).stats();
  const colourChannels = stats.channels.slice(0, 3);
  if (colourChannels.every((c) => c.stdev < 0.5)) {
    const alphaVaries = stats.channels[3] ? stats.channels[3].stdev >= 0.5 : false;
    if (!alphaVaries) throw new Error("The captured image is blank (a single flat colour)");
  }
  const source = options.watermark ? await applyWatermark(frame) : frame;
  let pipeline = sharp(source.rgba, raw);
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
