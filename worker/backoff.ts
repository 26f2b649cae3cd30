/**
 * How long to wait before the next try after `failures` failures in a row: 2 s, doubling, at most 60 s.
 * The worker waits this long between tries to find and launch a browser, and `npm start` between restarts of a
 * worker that keeps exiting, so a broken set-up costs one line a minute instead of a crash every 2 s.
 */
export function backoffMs(failures: number, { firstMs = 2_000, maxMs = 60_000 } = {}): number {
  if (failures < 1) return 0;
  return Math.min(maxMs, firstMs * 2 ** Math.min(failures - 1, 30));
}
