/**
 * The pure parts of turning a drawn frame into what the video encoder takes, kept apart from the page so a unit
 * test can run them.
 *
 * Why the page does this itself: handing the WebGL canvas to WebCodecs (a VideoFrame of the canvas, directly or
 * through a 2D canvas) costs Chromium about 45-65 ms of CPU a 1080x1080 frame on a render worker (software GL: the
 * canvas is copied out of the GPU process and converted there), more than the H.264 encode itself. One readPixels
 * into a reused buffer and the conversion below cost a few ms (bench:video's `readback` stage).
 *
 * The output is I420 in BT.709 "limited" (TV) range: what the canvas path produced, and what players and social
 * platforms assume for H.264 and VP9. A full-range frame would be tagged as such (ffprobe's yuvj420p), which some
 * players ignore, washing the blacks out or crushing them. 8-bit integer coefficients, rounded so that grey stays
 * exactly neutral (both chroma rows sum to 0) and white maps to 235, black to 16.
 */

/** The colour space the converted frames are tagged with (sRGB transfer: the canvas's values are sRGB-encoded). */
export const I420_COLOUR_SPACE = {
  primaries: "bt709",
  transfer: "iec61966-2-1",
  matrix: "bt709",
  fullRange: false,
} as const;

/** Bytes of an I420 frame: full-size luma, then two chroma planes at half size (rounded up for odd sizes). */
export function i420ByteLength(width: number, height: number): number {
  return width * height + 2 * ((width + 1) >> 1) * ((height + 1) >> 1);
}

/**
 * I420 from WebGL's readPixels layout (RGBA rows bottom-up; alpha ignored, so premultiplied pixels read as drawn
 * over black, as an opaque video frame shows them). Rows come out top-down. Each chroma sample is the mean of its
 * 2x2 block (edge pixels repeat for odd sizes).
 */
export function rgbaBottomUpToI420(rgba: Uint8Array, width: number, height: number, out: Uint8Array): void {
  if (rgba.length < width * height * 4) throw new Error(`${width}x${height} needs ${width * height * 4} RGBA bytes`);
  if (out.length < i420ByteLength(width, height)) throw new Error("The I420 buffer is too small");
  const chromaWidth = (width + 1) >> 1;
  const uOffset = width * height;
  const vOffset = uOffset + chromaWidth * ((height + 1) >> 1);
  const stride = width * 4;
  for (let y = 0; y < height; y += 2) {
    const y2 = Math.min(y + 1, height - 1);
    // Top-down row y is readPixels' row height - 1 - y.
    const rowA = (height - 1 - y) * stride;
    const rowB = (height - 1 - y2) * stride;
    const lumaA = y * width;
    const lumaB = y2 * width;
    let chroma = (y >> 1) * chromaWidth;
    for (let x = 0; x < width; x += 2) {
      const x2 = Math.min(x + 1, width - 1);
      const a = rowA + x * 4;
      const b = rowA + x2 * 4;
      const c = rowB + x * 4;
      const d = rowB + x2 * 4;
      out[lumaA + x] = 16 + ((47 * rgba[a] + 157 * rgba[a + 1] + 16 * rgba[a + 2] + 128) >> 8);
      out[lumaA + x2] = 16 + ((47 * rgba[b] + 157 * rgba[b + 1] + 16 * rgba[b + 2] + 128) >> 8);
      out[lumaB + x] = 16 + ((47 * rgba[c] + 157 * rgba[c + 1] + 16 * rgba[c + 2] + 128) >> 8);
      out[lumaB + x2] = 16 + ((47 * rgba[d] + 157 * rgba[d + 1] + 16 * rgba[d + 2] + 128) >> 8);
      const r = rgba[a] + rgba[b] + rgba[c] + rgba[d];
      const g = rgba[a + 1] + rgba[b + 1] + rgba[c + 1] + rgba[d + 1];
      const bl = rgba[a + 2] + rgba[b + 2] + rgba[c + 2] + rgba[d + 2];
      // Sums of four, so >> 10 is the mean's >> 8.
      out[uOffset + chroma] = 128 + ((-26 * r - 86 * g + 112 * bl + 512) >> 10);
      out[vOffset + chroma] = 128 + ((112 * r - 102 * g - 10 * bl + 512) >> 10);
      chroma++;
    }
  }
}

/** A layer drawn over every frame (brand overlay, trial watermark): straight-alpha RGBA, top-down, frame-sized. */
export type FrameLayer = {
  width: number;
  height: number;
  pixels: Uint8Array | Uint8ClampedArray;
  /** The rows and columns that have any coverage; only these are blended each frame. */
  box: { left: number; top: number; right: number; bottom: number } | null;
};

/** The layer with the box of its covered pixels (null when the layer is fully transparent). */
export function frameLayer(width: number, height: number, pixels: Uint8Array | Uint8ClampedArray): FrameLayer {
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[(y * width + x) * 4 + 3] === 0) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      bottom = y;
    }
  }
  return { width, height, pixels, box: right < 0 ? null : { left, top, right, bottom } };
}

/** Draws the layer over a frame in readPixels' layout (bottom-up rows), source-over, in place. */
export function blendLayerBottomUp(rgba: Uint8Array, layer: FrameLayer): void {
  const { width, height, pixels, box } = layer;
  if (!box) return;
  for (let y = box.top; y <= box.bottom; y++) {
    const target = (height - 1 - y) * width * 4;
    const source = y * width * 4;
    for (let x = box.left; x <= box.right; x++) {
      const s = source + x * 4;
      const alpha = pixels[s + 3];
      if (alpha === 0) continue;
      const t = target + x * 4;
      const keep = 255 - alpha;
      rgba[t] = (pixels[s] * alpha + rgba[t] * keep + 127) / 255;
      rgba[t + 1] = (pixels[s + 1] * alpha + rgba[t + 1] * keep + 127) / 255;
      rgba[t + 2] = (pixels[s + 2] * alpha + rgba[t + 2] * keep + 127) / 255;
      rgba[t + 3] = alpha + (rgba[t + 3] * keep + 127) / 255;
    }
  }
}
