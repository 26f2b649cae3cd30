/**
 * White balance for the shipped HDRIs. Some carry a strong colour cast (the "park" sky is blue): every surface
 * lit by it shifts hue, so a black podium read navy and a brand green read teal. Like a photographer's grey card,
 * the environment's mean colour is moved most of the way to neutral (its luminance and its shape, sky above and
 * ground below, are kept); the warmth or coolness a template wants comes from its light rig's temperatures.
 */

/** Share of the cast removed: 1 would make every environment's average exactly grey. */
export const WHITE_BALANCE_STRENGTH = 0.85;

const LUMA = [0.2126, 0.7152, 0.0722] as const;

/** Per-channel gains that move `mean` (linear RGB) towards a grey of the same luminance. */
export function whiteBalanceGains(
  mean: readonly [number, number, number],
  strength = WHITE_BALANCE_STRENGTH,
): [number, number, number] {
  const luminance = LUMA[0] * mean[0] + LUMA[1] * mean[1] + LUMA[2] * mean[2];
  if (!(luminance > 0) || mean.some((c) => !(c > 0))) return [1, 1, 1];
  const full = mean.map((c) => luminance / c);
  const gains = full.map((g) => Math.pow(g, strength)) as [number, number, number];
  // Keep the luminance exactly: partial gains would shift it a little.
  const after = LUMA[0] * mean[0] * gains[0] + LUMA[1] * mean[1] * gains[1] + LUMA[2] * mean[2] * gains[2];
  const k = luminance / after;
  return gains.map((g) => g * k) as [number, number, number];
}
