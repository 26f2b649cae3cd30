/** Unit fix-ups: model units -> metres, picked automatically at upload when the size is implausible, or by hand. */
export const UNIT_OPTIONS = {
  m: { scale: 1, label: "Metres (as exported)", phrase: "in metres" },
  cm: { scale: 0.01, label: "Centimetres", phrase: "in centimetres" },
  mm: { scale: 0.001, label: "Millimetres", phrase: "in millimetres" },
  in: { scale: 0.0254, label: "Inches", phrase: "in inches" },
  x10: { scale: 10, label: "10× larger", phrase: "10 times too small" },
  x1000: { scale: 1000, label: "1000× larger", phrase: "1000 times too small" },
} as const;

export type UnitKey = keyof typeof UNIT_OPTIONS;
export const UNIT_KEYS = Object.keys(UNIT_OPTIONS) as UnitKey[];

export function unitForScale(scale: number): UnitKey | null {
  return UNIT_KEYS.find((k) => Math.abs(UNIT_OPTIONS[k].scale - scale) < 1e-9) ?? null;
}

/** Packaged goods, handheld to furniture-sized: the largest side is about 1 cm to 2 m. */
export const MIN_PLAUSIBLE_M = 0.01;
export const MAX_PLAUSIBLE_M = 2;
/** A size further than this factor from what the product's name suggests is implausible too. */
const NAME_TOLERANCE = 6;

/** Usual largest side (metres) of products named so; the first match in the name wins. */
const TYPICAL_BY_NAME: readonly [RegExp, number][] = [
  [/\b(ring|earring|pendant)s?\b/, 0.025],
  [/\b(watch|lipstick|lip ?balm)(es)?\b/, 0.05],
  [/\b(avocado|apple|orange|lemon|fruit|egg|soap)s?\b/, 0.08],
  [/\b(cup|mug|glass|tumbler|espresso)s?\b/, 0.1],
  [/\b(jar|candle|can|tin|perfume|serum|cream)s?\b/, 0.1],
  [/\b(teapot|kettle|phone|smartphone|camera|wallet)s?\b/, 0.16],
  [/\b(bottle|vase|flask|carafe|jug|pitcher)s?\b/, 0.25],
  [/\b(shoe|sneaker|boot|trainer)s?\b/, 0.3],
  [/\b(box|package|pack|book|headphones?|speaker|radio|boombox|boom box|lantern|lamp|helmet|bag|handbag)s?\b/, 0.35],
  [/\b(laptop|keyboard|monitor|backpack|suitcase)s?\b/, 0.45],
  [/\b(chair|stool|table|desk)s?\b/, 0.9],
  [/\b(sofa|couch|bike|bicycle|guitar|shelf)s?\b/, 1.5],
];

/** The usual size of what the name says, else a guess from the proportions (slim and tall: a bottle). */
export function typicalSize(sourceSize: readonly number[], name = ""): { metres: number; fromName: boolean } {
  // "BoomBox" -> "boom box", "water_bottle-2" -> "water bottle": words the patterns can match.
  const words = ` ${name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")} `;
  const joined = ` ${name.toLowerCase().replace(/[^a-z]+/g, " ")} `;
  for (const [pattern, metres] of TYPICAL_BY_NAME) {
    if (pattern.test(words) || pattern.test(joined)) return { metres, fromName: true };
  }
  const [x, y, z] = sourceSize;
  const footprint = Math.max(x, z);
  if (y > footprint * 2.5) return { metres: 0.25, fromName: false };
  if (y < Math.max(x, y, z) * 0.25) return { metres: 0.3, fromName: false };
  return { metres: 0.2, fromName: false };
}

/** Units an exporter is likely to have used, most common first (a tie goes to the earlier). */
const CANDIDATES: readonly UnitKey[] = ["m", "mm", "cm", "in", "x10", "x1000"];

/**
 * When a model's size (read as metres) is implausible for a product, the unit it was most likely authored in;
 * null when it looks right. Implausible: the largest side outside 1 cm to 2 m, or (when the name says what it is)
 * more than 6 times off the usual size of such a product. The pick is the unit that lands the largest side inside
 * the range, nearest (on a log scale) to the usual size. E.g. a bottle 365 units tall -> "mm" (36.5 cm); a
 * "teapot" 4.3 units tall -> "in" (10.9 cm); a "boombox" 0.02 units wide -> "x10" (20 cm).
 */
export function suggestUnit(sourceSize: readonly number[], name = ""): UnitKey | null {
  const largest = Math.max(...sourceSize);
  if (!Number.isFinite(largest) || largest <= 0) return null;
  const typical = typicalSize(sourceSize, name);
  const plausible = (metres: number) => metres >= MIN_PLAUSIBLE_M && metres <= MAX_PLAUSIBLE_M;
  const offBy = (metres: number) => Math.abs(Math.log(metres / typical.metres));
  const asIs = plausible(largest) && (!typical.fromName || offBy(largest) <= Math.log(NAME_TOLERANCE));
  if (asIs) return null;
  let best: UnitKey | null = null;
  for (const unit of CANDIDATES) {
    const metres = largest * UNIT_OPTIONS[unit].scale;
    if (!plausible(metres)) continue;
    if (best === null || offBy(metres) < offBy(largest * UNIT_OPTIONS[best].scale) - 1e-9) best = unit;
  }
  return best === "m" ? null : best;
}

export function unitSuggestionText(unit: UnitKey): string {
  return unit === "x1000" || unit === "x10"
    ? `This looks very small, as if it were ${UNIT_OPTIONS[unit].phrase}.`
    : `This looks like it is ${UNIT_OPTIONS[unit].phrase}.`;
}

/** What the upload did, in words: "Read as millimetres", "Scaled up 10 times". */
export function appliedUnitText(unit: UnitKey): string {
  return unit === "x1000" || unit === "x10"
    ? `scaled it up ${UNIT_OPTIONS[unit].scale} times (it looked ${UNIT_OPTIONS[unit].phrase})`
    : `read it ${UNIT_OPTIONS[unit].phrase}`;
}
