/**
 * Per-stage timing of one video (RENDER_TIMING=1): where a video's time goes, split into one-time setup and the
 * stages every frame passes through. Both sides of the contract fill one: the session page (draw, readback,
 * encode, chunk hand-off) and the worker (page warm-up, storage writes, the read-back check). Plain types and
 * one small collector, no React or playwright, so both import it.
 */

/** The stages of one frame. */
export const FRAME_STAGES = [
  /** React commit of the frame's time until the draw starts (scene graph updated to t). */
  "sceneUpdate",
  /** three's render of the frame (shadow maps, transmission, main pass), finished on the GL side. */
  "render",
  /** The WebGL canvas composited onto the 2D frame canvas (and the watermark): the pixels leave GL here. */
  "readback",
  /** VideoFrame made from the frame canvas and queued on the encoder, waiting on its backpressure. */
  "encode",
  /** The page's progress call to the worker (progress row, cancel check, stills taking their turn). */
  "progress",
] as const;
export type FrameStage = (typeof FRAME_STAGES)[number];

export type StageStats = { totalMs: number; meanMs: number; maxMs: number; count: number };

export type VideoTimingReport = {
  frames: number;
  /** three renders the page made while recording: one per frame, or something draws twice. */
  draws?: number;
  /** One-time costs (ms), by name. */
  setupMs: Record<string, number>;
  /** Per-frame stages (and page-worker transfers), each over all frames. */
  stages: Record<string, StageStats>;
};

/** Adds up durations by stage name. */
export class StageClock {
  private readonly stats = new Map<string, StageStats>();
  readonly setupMs: Record<string, number> = {};

  add(stage: string, ms: number): void {
    const s = this.stats.get(stage) ?? { totalMs: 0, meanMs: 0, maxMs: 0, count: 0 };
    s.totalMs += ms;
    s.count += 1;
    s.maxMs = Math.max(s.maxMs, ms);
    this.stats.set(stage, s);
  }

  /** Runs `work` and adds its wall time to `stage`. */
  async time<T>(stage: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - started);
    }
  }

  /** Runs `work` once and records its wall time as a setup cost. */
  async once<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.setupMs[name] = Math.round((this.setupMs[name] ?? 0) + performance.now() - started);
    }
  }

  report(frames: number): VideoTimingReport {
    const stages: Record<string, StageStats> = {};
    for (const [name, s] of this.stats) {
      stages[name] = {
        totalMs: Math.round(s.totalMs),
        meanMs: Math.round((s.totalMs / Math.max(1, s.count)) * 10) / 10,
        maxMs: Math.round(s.maxMs),
        count: s.count,
      };
    }
    return { frames, setupMs: { ...this.setupMs }, stages };
  }
}
