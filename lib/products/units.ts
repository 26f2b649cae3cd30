/** Unit fix-ups a user can pick on the product page: model units -> metres. */
export const UNIT_OPTIONS = {
  m: { scale: 1, label: "Metres (as exported)", phrase: "in metres" },
  cm: { scale: 0.01, label: "Centimetres", phrase: "in centimetres" },
  mm: { scale: 0.001, label: "Millimetres", phrase: "in millimetres" },
  in: { scale: 0.0254, label: "Inches", phrase: "in inches" },
  x1000: { scale: 1000, label: "1000× larger", phrase: "1000 times too small" },
} as const;

export type UnitKey = keyof typeof UNIT_OPTIONS;
export const UNIT_KEYS = Object.keys(UNIT_OPTIONS) as UnitKey[];

export function unitForScale(scale: number): UnitKey | null {
  return UNIT_KEYS.find((k) => Math.abs(UNIT_OPTIONS[k].scale - scale) < 1e-9) ?? null;
}

/** Products are handheld to furniture-sized: about 5 mm to 5 m. */
const MIN_PLAUSIBLE_M = 0.005;
const MAX_PLAUSIBLE_M = 5;
const TYPICAL_M = 0.3;

/**
 * When a model's largest side (read as metres) is implausible for a product,
 * the unit it was most likely authored in; null when it looks right.
 * E.g. a bottle 210 units tall -> "mm" (21 cm); 21 units tall -> "cm".
 */
export function suggestUnit(sourceSize: readonly number[]): UnitKey | null {
  const largest = Math.max(...sourceSize);
  if (!Number.isFinite(largest) || largest <= 0) return null;
  if (largest < MIN_PLAUSIBLE_M) return "x1000";
  if (largest <= MAX_PLAUSIBLE_M) return null;
  const candidates: UnitKey[] = ["cm", "mm"];
  const dist = (k: UnitKey) => Math.abs(Math.log(largest * UNIT_OPTIONS[k].scale) - Math.log(TYPICAL_M));
  return candidates.reduce((best, k) => (dist(k) < dist(best) ? k : best));
}

export function unitSuggestionText(unit: UnitKey): string {
  return unit === "x1000"
    ? "This looks very small, as if it were 1000 times too small."
    : `This looks like it is ${UNIT_OPTIONS[unit].phrase}.`;
}
