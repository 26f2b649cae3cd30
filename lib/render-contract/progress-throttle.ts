/**
 * How a recording page tells the worker how far it is: every frame was one CDP round trip (the worker's exposed
 * `__plinthVideoProgress`): 20.7 ms a frame in bench:video at load 5 (501 ms frames), a share of every frame.
 * Now it reports when `everyMs` have passed since the last report (the first frame included) and always on the
 * last one: every second frame of a quiet machine's 1080x1080 Final (about 260 ms a frame), every frame when
 * frames are slower than that. The answer still carries a cancel and lets queued stills draw between two frames;
 * the worker checks the cancel every 500 ms (worker/handlers/render-video.ts), so a cancel reaches the page
 * within about 500 ms + everyMs + a frame: about a second.
 */
export function progressReporter(
  total: number,
  send: (framesDone: number) => Promise<boolean> = async (done) => (await window.__plinthVideoProgress?.(done)) ?? true,
  everyMs = 400,
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
