/**
 * Colour temperature (Kelvin) -> linear-sRGB light colour. Pure, no three.js.
 *
 * Uses the Planckian locus in CIE 1931 xy (Kim et al. 2002 cubic fit), converts
 * to linear sRGB, white-balances to D65 (so 6500 K reads as neutral white, the
 * way a photographer's daylight-balanced camera sees it) and normalises the
 * brightest channel to 1 so temperature never changes a light's intensity.
 */
export type LinearRgb = [number, number, number];

export const MIN_KELVIN = 1500;
export const MAX_KELVIN = 12000;
const WHITE_POINT_KELVIN = 6500;

function planckianXy(kelvin: number): [number, number] {
  const t = kelvin;
  const t2 = t * t;
  const t3 = t2 * t;
  const x =
    t <= 4000
      ? -0.2661239e9 / t3 - 0.2343589e6 / t2 + 0.8776956e3 / t + 0.17991
      : -3.0258469e9 / t3 + 2.1070379e6 / t2 + 0.2226347e3 / t + 0.24039;
  const x2 = x * x;
  const x3 = x2 * x;
  const y =
    t <= 2222
      ? -1.1063814 * x3 - 1.3481102 * x2 + 2.18555832 * x - 0.20219683
      : t <= 4000
        ? -0.9549476 * x3 - 1.37418593 * x2 + 2.09137015 * x - 0.16748867
        : 3.081758 * x3 - 5.8733867 * x2 + 3.75112997 * x - 0.37001483;
  return [x, y];
}

function xyToLinearSrgb([x, y]: [number, number]): LinearRgb {
  const X = x / y;
  const Y = 1;
  const Z = (1 - x - y) / y;
  return [
    3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z,
    -0.969266 * X + 1.8760108 * Y + 0.041556 * Z,
    0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z,
  ];
}

const WHITE = xyToLinearSrgb(planckianXy(WHITE_POINT_KELVIN));

/** Linear-sRGB colour of a light at `kelvin` (clamped to 1500-12000 K), max channel = 1. */
export function kelvinToLinearRgb(kelvin: number): LinearRgb {
  const k = Number.isFinite(kelvin) ? Math.min(MAX_KELVIN, Math.max(MIN_KELVIN, kelvin)) : WHITE_POINT_KELVIN;
  const raw = xyToLinearSrgb(planckianXy(k));
  const balanced = raw.map((value, i) => Math.max(0, value / WHITE[i])) as LinearRgb;
  const max = Math.max(...balanced);
  return balanced.map((value) => value / max) as LinearRgb;
}
