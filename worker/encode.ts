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
  if (isFlatColour(frame.rgba)) throw new Error("The captured image is blank (a single flat colour)");
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

/** How far (per channel) a pixel may be from the first one and still count as the same flat colour. */
const FLAT_TOLERANCE = 2;

/**
 * True when every pixel (colour and alpha) is within FLAT_TOLERANCE of the first: what a draw that failed leaves
 * (the clear colour). Stops at the first pixel that differs, which in a real picture is within its first rows:
 * sharp's stats() answered the same question in about 50 ms of CPU a 1080p image, while the next image draws.
 */
export function isFlatColour(rgba: Uint8Array): boolean {
  const [r, g, b, a] = [rgba[0], rgba[1], rgba[2], rgba[3]];
  for (let i = 4; i < rgba.length; i += 4) {
    if (
      Math.abs(rgba[i] - r) > FLAT_TOLERANCE ||
      Math.abs(rgba[i + 1] - g) > FLAT_TOLERANCE ||
      Math.abs(rgba[i + 2] - b) > FLAT_TOLERANCE ||
      Math.abs(rgba[i + 3] - a) > FLAT_TOLERANCE
    )
      return false;
  }
  return true;
}
