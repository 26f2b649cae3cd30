/** Formatting shared by server and client: no node or server imports here. */

function trim(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/**
 * Real-world size as width × depth × height, e.g. "7.2 × 7.2 × 21.3 cm".
 * `dimensionsM` is [x, y, z] in metres with y up.
 */
export function formatDimensions(dimensionsM: readonly [number, number, number] | readonly number[]): string {
  const [x, y, z] = dimensionsM;
  const sides = [x, z, y];
  const largest = Math.max(...sides);
  if (largest >= 1) return `${sides.map((v) => trim(v, 2)).join(" × ")} m`;
  if (largest >= 0.01) return `${sides.map((v) => trim(v * 100, 1)).join(" × ")} cm`;
  if (largest >= 0.001) return `${sides.map((v) => trim(v * 1000, 1)).join(" × ")} mm`;
  return `${sides.map((v) => trim(v * 1000, 3)).join(" × ")} mm`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function pluralise(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
