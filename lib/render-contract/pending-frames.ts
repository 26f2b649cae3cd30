import type { RenderedFrame } from "@/lib/render-contract/render-job";

/** Frames read back and waiting for the worker to take them: more means the worker gave up on some. */
const MAX_WAITING = 4;

/**
 * Frames the page has read back but not yet handed to the worker. Drawing and handing over are two calls
 * (window.__plinthDraw, then __plinthTakeFrame) so the worker can send the next job as soon as a picture is read:
 * the next draw's commands go to the GPU process first, and this frame's packing and deflating (about 40 ms of the
 * page's main thread at 1080p) run while that draw rasterises, instead of leaving the GL context idle.
 */
export class PendingFrames {
  private nextHandle = 1;
  private readonly frames = new Map<number, Promise<RenderedFrame>>();
  /** Encodes not finished yet, taken or not. */
  private readonly encoding = new Set<Promise<unknown>>();

  /**
   * Encodes a read frame in a later task (so the call that read it answers the worker first) and returns the
   * handle the worker takes it by.
   */
  add(encode: () => Promise<RenderedFrame>): number {
    const handle = this.nextHandle++;
    const encoded = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(encode);
    // Settled-safe: a frame nobody takes must not surface as an unhandled rejection.
    const settled = encoded.catch(() => undefined);
    this.encoding.add(settled);
    void settled.then(() => this.encoding.delete(settled));
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

  /**
   * Resolves once every frame added so far is encoded (or failed). The next draw waits for this after sending its
   * commands and before its own readback, which blocks the main thread until the GPU process is done.
   */
  async encoded(): Promise<void> {
    await Promise.all([...this.encoding]);
  }
}
