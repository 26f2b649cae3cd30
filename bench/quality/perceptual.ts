/**
 * The perceptual difference between a render and its path-traced reference: SSIM (Wang et al. 2004) on luminance
 * with ssim.js's defaults (its fast "weber" implementation, 11 px windows, the image first downsampled to about
 * 256 px as the authors recommend for viewing at a normal distance). Reported as DSSIM = 1 - SSIM, a difference that is 0 for identical
 * pictures and grows with visible change, so "half the difference" is a plain ratio.
 *
 * Why SSIM and not FLIP: SSIM is structural (contact darkening, soft shadow edges, reflections, texture detail are
 * structure), it ignores a uniform exposure shift that a marketer would not call "wrong", and a pinned pure-JS
 * implementation installs here; no maintained FLIP package does for Node.
 *
 * `{ fullResolution: true }` skips the downsampling: the same SSIM on every pixel, where a refraction's sharpness,
 * a thin glass edge or a liquid's meniscus (which the 256 px view averages away) count too.
 */
import { PNG } from "pngjs";
import { ssim } from "ssim.js";

export function dssim(a: Buffer, b: Buffer, options: { fullResolution?: boolean } = {}): number {
  const one = PNG.sync.read(a);
  const two = PNG.sync.read(b);
  if (one.width !== two.width || one.height !== two.height) {
    throw new RangeError(`dssim: sizes differ (${one.width}x${one.height} vs ${two.width}x${two.height})`);
  }
  const image = (png: PNG) => ({ data: new Uint8ClampedArray(png.data), width: png.width, height: png.height });
  const { mssim } = ssim(image(one), image(two), options.fullResolution ? { downsample: false } : {});
  return Math.round((1 - mssim) * 10000) / 10000;
}
