/**
 * How a recording page tells the worker how far it is: every frame was one CDP round trip (the worker's exposed
 * `__plinthVideoProgress`), a measurable share of a 1080x1080 frame on 2 cores. Now it reports at most every
 * `everyMs` (the first frame included) and always on the last one; the answer still carries a cancel (and lets queued stills draw between
 * two frames), so a cancelled video stops within everyMs plus one frame, well inside a second.
 */
export function progressReporter(
  total: number,
  send: (framesDone: number) => Promise<boolean> = async (done) => (await window.__plinthVideoProgress?.(done)) ?? true,
  everyMs = 250,
  now: () => number = () => performance.now(),
): (framesDone: number) => Promise<boolean> {
  let last = -Infinity;
  return async (framesDone) => {
    const t = now();
    if (framesDone < total && t - last < everyMs) return true;
    last = t;
    return send(framesDone);
  };
}
