import type { RenderedFrame } from "./render-job";

/** Frames read back and waiting for the worker to take them: more means the worker gave up on some. */
const MAX_WAITING = 4;

/**
 * Frames the page has read back but not yet handed to the worker. Drawing and handing over are two calls
 * (window.__plinthDraw, then __plinthTakeFrame) so the worker can send the next job as soon as a picture is read:
 * the next draw's commands go to the GPU process while this frame is encoded (off the page's main thread,
 * app/render/session/frame-encoder.ts), handed over and unpacked by the worker, instead of the GL context idling
 * through all of that.
 */
export class PendingFrames {
  private nextHandle = 1;
  private readonly frames = new Map<number, Promise<RenderedFrame>>();

  /** Keeps a frame being encoded; returns the handle the worker takes it by. */
  add(encoded: Promise<RenderedFrame>): number {
    const handle = this.nextHandle++;
    // A frame nobody takes must not surface as an unhandled rejection.
    encoded.catch(() => undefined);
    this.frames.set(handle, encoded);
    // A worker that timed out never takes its frame: keep only the newest few (each holds a frame's pixels).
    for (const old of this.frames.keys()) {
      if (this.frames.size <= MAX_WAITING) break;
      this.frames.delete(old);
    }
    return handle;
  }

  /** The encoded frame, once; an unknown or already taken handle is an error the worker reports. */
  take(handle: number): Promise<RenderedFrame> {
    const frame = this.frames.get(handle);
    if (!frame) return Promise.reject(new Error(`No drawn frame ${handle} waits on this page`));
    this.frames.delete(handle);
    return frame;
  }
}
