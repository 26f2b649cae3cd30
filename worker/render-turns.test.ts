import { describe, expect, it } from "vitest";
import type { Frame } from "./frame";
import { inLane, RenderTurns, type RenderLane, type SessionRenderer } from "./render-turns";

/** A draw that ends when the test says so, recording when it started. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  return { done, open };
}

describe("render turns: who draws next on the worker's one page", () => {
  it("draws a waiting export before waiting previews, then product thumbnails, then previews in order", async () => {
    const turns = new RenderTurns();
    const order: string[] = [];
    const first = gate();
    const all: Promise<void>[] = [];
    const draw = (lane: RenderLane, name: string, until?: Promise<void>) =>
      all.push(
        turns.run(lane, async () => {
          order.push(name);
          await until;
        }),
      );
    draw("preview", "preview 1", first.done); // drawing now
    draw("preview", "preview 2");
    draw("preview", "preview 3");
    draw("product-thumbnail", "product");
    draw("preview", "preview 4");
    draw("export", "export");
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(["preview 1"]);
    expect(turns.queued).toBe(5);
    first.open();
    await Promise.all(all);
    expect(order).toEqual(["preview 1", "export", "product", "preview 2", "preview 3", "preview 4"]);
  });

  it("lets a preview that waited too long go before newer exports (no starvation)", async () => {
    let clock = 0;
    const turns = new RenderTurns({ maxWaitMs: 30_000, now: () => clock });
    const order: string[] = [];
    const first = gate();
    const all = [
      turns.run("export", async () => {
        order.push("export 1");
        await first.done;
      }),
      turns.run("preview", async () => void order.push("preview")),
    ];
    clock = 31_000;
    all.push(turns.run("export", async () => void order.push("export 2")));
    first.open();
    await Promise.all(all);
    expect(order).toEqual(["export 1", "preview", "export 2"]);
  });

  it("passes results and errors through and keeps going after a failed draw", async () => {
    const turns = new RenderTurns();
    await expect(
      turns.run("export", async () => {
        throw new Error("browser crashed");
      }),
    ).rejects.toThrow("browser crashed");
    expect(await turns.run("preview", async () => 42)).toBe(42);
  });

  it("lets a still export drawn between a video's frames go first, and the video carry on after it", async () => {
    const turns = new RenderTurns();
    const order: string[] = [];
    const stillQueued = gate();
    const video = turns.run("export", async () => {
      for (let frame = 0; frame < 4; frame++) {
        order.push(`frame ${frame}`);
        if (frame === 1) await stillQueued.done;
        // Nobody waiting: the video keeps the page without a pause.
        const yielded = await turns.yieldTurn("export");
        if (yielded) order.push("video back");
      }
    });
    await new Promise((r) => setImmediate(r));
    const preview = turns.run("preview", async () => void order.push("preview"));
    const still = turns.run("export", async () => void order.push("still"));
    stillQueued.open();
    await Promise.all([video, still, preview]);
    // The still waits one frame, not the whole video; a preview (less urgent) still waits for the video's end.
    expect(order).toEqual(["frame 0", "frame 1", "still", "video back", "frame 2", "frame 3", "preview"]);
    expect(await turns.yieldTurn("export")).toBe(false);
  });

  it("hands the page to the next draw once a picture is drawn, while its pixels are still on their way", async () => {
    const turns = new RenderTurns();
    const order: string[] = [];
    const firstPixels = gate();
    const frame: Frame = { rgba: Buffer.alloc(4), width: 1, height: 1 };
    const browser: SessionRenderer = {
      renderOnSession: async (_url, job, _timeoutMs, onDrawn) => {
        const name = job.quality;
        order.push(`draw ${name}`);
        onDrawn?.();
        if (name === "final") await firstPixels.done;
        order.push(`pixels ${name}`);
        return frame;
      },
    };
    const exports = inLane(browser, turns, "export");
    const job = (quality: "final" | "draft") => ({ document: {} as never, products: {}, quality });
    const first = exports.renderOnSession("url", job("final"), 1000);
    await new Promise((r) => setImmediate(r));
    const second = exports.renderOnSession("url", job("draft"), 1000);
    await expect(second).resolves.toBe(frame);
    firstPixels.open();
    await expect(first).resolves.toBe(frame);
    expect(order).toEqual(["draw final", "draw draft", "pixels draft", "pixels final"]);
  });

  it("fails the render whose pixels never arrive, and keeps the page's turns going", async () => {
    const turns = new RenderTurns();
    const browser: SessionRenderer = {
      renderOnSession: async (_url, job, _timeoutMs, onDrawn) => {
        onDrawn?.();
        if (job.quality === "final") throw new Error("Target page, context or browser has been closed");
        return { rgba: Buffer.alloc(4), width: 1, height: 1 };
      },
    };
    const exports = inLane(browser, turns, "export");
    const job = (quality: "final" | "draft") => ({ document: {} as never, products: {}, quality });
    await expect(exports.renderOnSession("url", job("final"), 1000)).rejects.toThrow("has been closed");
    await expect(exports.renderOnSession("url", job("draft"), 1000)).resolves.toMatchObject({ width: 1 });
    expect(turns.queued).toBe(0);
  });
});
