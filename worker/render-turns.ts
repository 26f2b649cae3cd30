import type { RenderTurn } from "@/lib/jobs/define-job";
import type { RenderBrowser } from "./browser";

/** Which kind's turn a draw takes (each kind declares it in lib/jobs/registry.ts), most urgent first. */
export type RenderLane = RenderTurn;
const RANK: Record<RenderLane, number> = { export: 0, "product-thumbnail": 1, preview: 2 };

/** A draw that has waited this long goes next whatever its lane: exports cannot starve previews till their jobs expire. */
const MAX_WAIT_MS = 30_000;

type Waiter = { rank: number; since: number; start: () => void };

/**
 * The worker holds jobs of three queues at once (one pg-boss work() per queue) and all of them draw on one
 * browser page. Turns decide who draws next: one draw at a time; when the page frees up, the most urgent lane
 * goes first (exports, then product thumbnails, then previews), oldest first within a lane. So an export that
 * arrives while previews wait is drawn as soon as the current draw ends, not after them.
 */
export class RenderTurns {
  private busy = false;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: { maxWaitMs?: number; now?: () => number } = {}) {}

  run<T>(lane: RenderLane, draw: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.busy = true;
        Promise.resolve()
          .then(draw)
          .then(resolve, reject)
          .finally(() => {
            this.busy = false;
            this.next();
          });
      };
      this.waiting.push({ rank: RANK[lane], since: this.now(), start });
      this.next();
    });
  }

  /**
   * Called by the draw holding the page (a video, between two frames): when a draw of its own lane or a more
   * urgent one waits (a still export), it goes first and this resolves once the page is handed back (true);
   * with nobody waiting it resolves at once (false). So a still queued during a long video waits one frame,
   * not the whole video.
   */
  async yieldTurn(lane: RenderLane): Promise<boolean> {
    const rank = RANK[lane];
    if (!this.busy || !this.waiting.some((w) => w.rank <= rank)) return false;
    await new Promise<void>((resolve) => {
      // Behind everyone waiting now, in its own lane: those of the lane go first, then this draw carries on.
      this.waiting.push({
        rank,
        since: this.now(),
        start: () => {
          this.busy = true;
          resolve();
        },
      });
      this.busy = false;
      this.next();
    });
    return true;
  }

  /** How many draws wait for the page (not counting the one drawing). */
  get queued(): number {
    return this.waiting.length;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private next(): void {
    if (this.busy || this.waiting.length === 0) return;
    const maxWait = this.options.maxWaitMs ?? MAX_WAIT_MS;
    // Waiters are in arrival order: the oldest one that waited too long, else the first of the most urgent lane.
    const overdue = this.waiting.findIndex((w) => this.now() - w.since >= maxWait);
    let pick = overdue;
    if (pick < 0) {
      pick = 0;
      for (let i = 1; i < this.waiting.length; i++) if (this.waiting[i].rank < this.waiting[pick].rank) pick = i;
    }
    const [chosen] = this.waiting.splice(pick, 1);
    chosen.start();
  }
}

/** What a handler draws with. */
export type SessionRenderer = Pick<RenderBrowser, "renderOnSession"> &
  Partial<Pick<RenderBrowser, "recordOnSession" | "letOthersDraw" | "usdzOnSession">>;

/**
 * The browser as one lane sees it: every draw takes its turn. A whole video is one turn, but after each frame it
 * lets waiting exports (stills) draw on the same page first (RenderTurns.yieldTurn), then carries on.
 */
export function inLane(browser: SessionRenderer, turns: RenderTurns, lane: RenderLane): SessionRenderer {
  const record = browser.recordOnSession?.bind(browser);
  const letOthersDraw = browser.letOthersDraw?.bind(browser);
  const usdz = browser.usdzOnSession?.bind(browser);
  return {
    // The turn ends once the picture is drawn and read (onDrawn), not when its pixels arrive: the next draw starts
    // while they travel (RenderBrowser.renderOnSession).
    renderOnSession: async (sessionUrl, job, timeoutMs, onDrawn) => {
      let frame: ReturnType<SessionRenderer["renderOnSession"]> | undefined;
      await turns.run(
        lane,
        () =>
          new Promise<void>((drawn, failed) => {
            frame = browser.renderOnSession(sessionUrl, job, timeoutMs, () => {
              onDrawn?.();
              drawn();
            });
            frame.then(() => drawn(), failed);
          }),
      );
      return frame!;
    },
    recordOnSession: record
      ? (sessionUrl, job, timeoutMs, sink) =>
          turns.run(lane, () =>
            record(sessionUrl, job, timeoutMs, {
              ...sink,
              progress: async (framesDone) => {
                const keepGoing = await sink.progress(framesDone);
                if (keepGoing && letOthersDraw) await letOthersDraw(() => turns.yieldTurn(lane));
                return keepGoing;
              },
            }),
          )
      : undefined,
    usdzOnSession: usdz
      ? (sessionUrl, job, timeoutMs) => turns.run(lane, () => usdz(sessionUrl, job, timeoutMs))
      : undefined,
  };
}
