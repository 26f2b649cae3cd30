/**
 * The pure parts of writing a GIF's frames, kept apart from the page so a unit test can run them.
 *
 * A turntable GIF mostly turns the product on a backdrop that does not move; a GIF written as whole frames pays
 * for that backdrop again every frame (LZW on 600x600 indices: about 60-120 KB a frame, over 2 MB in 5-10 s).
 * Each frame after the first is therefore written as the change from what is on screen: a pixel whose colour is
 * within `tolerance` of the colour already shown there becomes the transparent index (disposal "keep" leaves the
 * previous frame under it), and long runs of that one index compress to almost nothing. The tolerance is measured
 * against what is SHOWN, not against the previous source frame, so a slow drift can never build up past it.
 */
export type Rgb = readonly [number, number, number] | readonly number[];

/** A frame's palette indices against the screen so far; updates `shown` (indices on screen) in place. */
export function deltaIndices(
  pixels: Uint8ClampedArray | Uint8Array,
  indices: Uint8Array,
  palette: readonly Rgb[],
  shown: Uint8Array | null,
  transparentIndex: number,
  tolerance: number,
): { indices: Uint8Array; shown: Uint8Array } {
  if (!shown) return { indices, shown: indices.slice() };
  const out = new Uint8Array(indices.length);
  for (let p = 0; p < indices.length; p++) {
    const now = shown[p];
    const next = indices[p];
    if (next === now) {
      out[p] = transparentIndex;
      continue;
    }
    const c = palette[now];
    const o = p * 4;
    if (
      Math.abs(pixels[o] - c[0]) <= tolerance &&
      Math.abs(pixels[o + 1] - c[1]) <= tolerance &&
      Math.abs(pixels[o + 2] - c[2]) <= tolerance
    ) {
      out[p] = transparentIndex;
      continue;
    }
    out[p] = next;
    shown[p] = next;
  }
  return { indices: out, shown };
}

export type GifAttempt = { width: number; height: number; colours: number; tolerance: number };

/**
 * What to try, in order, until the GIF fits its budget: first the full size with all colours and a tolerance
 * below what an eye sees on a 256-colour frame; then a coarser tolerance (fewer pixels rewritten per frame); then
 * a quarter smaller with half the colours. Past the last one the GIF fails with the budget message.
 */
export function gifAttempts(width: number, height: number): GifAttempt[] {
  const smaller = (n: number) => Math.max(16, Math.round(n * 0.75));
  return [
    { width, height, colours: 256, tolerance: 6 },
    { width, height, colours: 256, tolerance: 14 },
    { width: smaller(width), height: smaller(height), colours: 128, tolerance: 14 },
  ];
}
