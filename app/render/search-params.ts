/** Query parsing shared by the public render pages (sample and template). */
export type SearchParams = Record<string, string | string[] | undefined>;

export const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A pixel size from the query, or the fallback when it is missing or outside 16..max. */
export function pixels(value: string | undefined, fallback: number, max = 8192): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 16 && parsed <= max ? parsed : fallback;
}
