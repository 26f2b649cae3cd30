/**
 * Turns an uploaded logo into the PNG Plinth stores and draws: the type is read from the bytes (magic numbers,
 * never the name or the declared type), SVGs are sanitised and then rasterised with sharp, rasters are decoded and
 * re-encoded (dropping metadata and anything smuggled after the image). Rasterising at upload means no SVG is ever
 * served or drawn later: previews and exports use the same PNG, and script risk ends here.
 */
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { readImageSize } from "@/lib/products/image-headers";
import { looksLikeSvg, sanitiseSvg } from "./svg-sanitise";

/** The largest logo file accepted (a 50 MB PNG is refused before it is read). */
export const LOGO_MAX_BYTES = 5 * 1024 * 1024;
/** The stored PNG's longer side: sharp at 4K outputs with the logo at 60% of the short side needs ~1300 px. */
export const LOGO_MAX_SIDE = 1600;
/** Decoding limit: a small file may declare an enormous canvas ("decompression bomb"). */
const MAX_INPUT_PIXELS = 40_000_000;

export type LogoPng = {
  png: Buffer;
  width: number;
  height: number;
  sourceFormat: "svg" | "png" | "jpeg" | "webp";
};

const NOT_AN_IMAGE = "This file is not an image. Upload the logo as SVG, PNG, WebP or JPEG.";

export async function logoToPng(bytes: Uint8Array): Promise<LogoPng> {
  if (bytes.length === 0) throw new AppError("bad_request", "The file is empty.");
  const raster = readImageSize(bytes);
  let sourceFormat: LogoPng["sourceFormat"];
  let input: Buffer;
  let density: number | undefined;
  if (raster && raster.format !== "ktx2") {
    if (raster.width * raster.height > MAX_INPUT_PIXELS) {
      throw new AppError("unprocessable", "This image is too large in pixels. Use one at most 6000 x 6000.");
    }
    sourceFormat = raster.format;
    input = Buffer.from(bytes);
  } else if (looksLikeSvg(bytes)) {
    sourceFormat = "svg";
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    input = Buffer.from(sanitiseSvg(text));
    // Draw SVGs large enough for the biggest placement, whatever their declared size.
    const meta = await sharp(input)
      .metadata()
      .catch(() => null);
    if (!meta?.width || !meta.height)
      throw new AppError("unprocessable", "This SVG could not be drawn: it has no size.");
    density = Math.min(2400, Math.max(72, (72 * LOGO_MAX_SIDE) / Math.max(meta.width, meta.height)));
  } else {
    throw new AppError("unsupported_media_type", NOT_AN_IMAGE);
  }
  try {
    const { data, info } = await sharp(input, { density, limitInputPixels: MAX_INPUT_PIXELS })
      .rotate() // JPEG orientation
      .resize({
        width: LOGO_MAX_SIDE,
        height: LOGO_MAX_SIDE,
        fit: "inside",
        withoutEnlargement: sourceFormat !== "svg",
      })
      .ensureAlpha()
      .png()
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height, sourceFormat };
  } catch {
    throw new AppError("unprocessable", "This image could not be read. It may be damaged; export it again.");
  }
}
