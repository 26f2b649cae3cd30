import sharp from "sharp";
import { IMAGE_FORMATS, type ImageFormatId } from "@/lib/formats";
import type { Frame } from "./frame";
import { applyOverlay } from "./overlays";
import { applyWatermark } from "./watermark";

export type EncodeOptions = {
  format: ImageFormatId;
  width: number;
  height: number;
  transparent: boolean;
  /** The free trial's "Made with Plinth" mark, bottom right (worker/watermark.ts). */
  watermark?: boolean;
  /** Brand overlays as one full-frame PNG (worker/overlays.ts), drawn under the watermark. */
  overlay?: Buffer | null;
};
export type Encoded = { bytes: Buffer; contentType: string; extension: string };

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
  const branded = options.overlay ? await applyOverlay(frame, options.overlay) : frame;
  const source = options.watermark ? await applyWatermark(branded) : branded;
  let pipeline = sharp(source.rgba, raw);
  if (!options.transparent) pipeline = pipeline.removeAlpha();
  // Tag as sRGB so viewers show brand colours as rendered.
  pipeline = pipeline.withIccProfile("srgb");
  const format = IMAGE_FORMATS[options.format];
  const { encoder } = format;
  const bytes =
    encoder.kind === "png"
      ? await pipeline.png(encoder.options).toBuffer()
      : encoder.kind === "jpeg"
        ? await pipeline.jpeg(encoder.options as sharp.JpegOptions).toBuffer()
        : await pipeline.webp(encoder.options).toBuffer();
  return { bytes, contentType: format.contentType, extension: format.extension };
}
