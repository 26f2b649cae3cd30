/**
 * The pure parts of handing a drawn frame from the render page to the worker (the page packs, the worker unpacks),
 * kept apart so a unit test can run both ends.
 *
 * Why packed: the raw RGBA of a 1080x1080 frame is 4.7 MB, 6.2 MB as base64, and carrying that string through the
 * DevTools protocol (the page, Chromium's browser process, the worker's node) cost about 100 ms of CPU a frame
 * (measured with a rendered can, bench-style, 2026-12-05). An opaque frame drops its alpha (every pixel 255) and
 * the page deflates what is left with CompressionStream: 41 ms for that can, 65 ms for a frame with grain over
 * every pixel; the worker inflates it in a few ms.
 */

/** RGB of an RGBA frame whose every alpha is 255; null when any pixel is not opaque (the alpha must travel). */
export function packOpaqueRgb(rgba: Uint8Array): Uint8Array<ArrayBuffer> | null {
  const rgb = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    if (rgba[i + 3] !== 255) return null;
    rgb[j] = rgba[i];
    rgb[j + 1] = rgba[i + 1];
    rgb[j + 2] = rgba[i + 2];
  }
  return rgb;
}

/** RGBA again from packed pixels (channels 3: opaque RGB; 4: RGBA as it was). */
export function unpackToRgba(pixels: Uint8Array, channels: 3 | 4): Uint8Array {
  if (channels === 4) return pixels;
  const rgba = new Uint8Array((pixels.length / 3) * 4);
  for (let i = 0, j = 0; j < pixels.length; i += 4, j += 3) {
    rgba[i] = pixels[j];
    rgba[i + 1] = pixels[j + 1];
    rgba[i + 2] = pixels[j + 2];
    rgba[i + 3] = 255;
  }
  return rgba;
}
