import { describe, expect, it } from "vitest";
import type { RenderedFrame } from "./render-job";
import { PendingFrames } from "./pending-frames";

const frame = (width: number): RenderedFrame => ({ width, height: 1, channels: 3, deflatedBase64: "" });

function gate() {
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  return { done, open };
}

describe("frames drawn on the render page, waiting for the worker", () => {
  it("hands each frame over once, by its handle", async () => {
    const pending = new PendingFrames();
    const a = pending.add(async () => frame(1));
    const b = pending.add(async () => frame(2));
    expect(a).not.toBe(b);
    await expect(pending.take(b)).resolves.toEqual(frame(2));
    await expect(pending.take(a)).resolves.toEqual(frame(1));
    await expect(pending.take(a)).rejects.toThrow(`No drawn frame ${a}`);
    await expect(pending.take(999)).rejects.toThrow("No drawn frame 999");
  });

  it("encodes after the call that read the frame has answered", async () => {
    const pending = new PendingFrames();
    let started = false;
    pending.add(async () => {
      started = true;
      return frame(1);
    });
    expect(started).toBe(false);
    await pending.encoded();
    expect(started).toBe(true);
  });

  it("lets the next readback wait for a frame still encoding, even one already taken", async () => {
    const pending = new PendingFrames();
    const slow = gate();
    const handle = pending.add(async () => {
      await slow.done;
      return frame(1);
    });
    const taken = pending.take(handle);
    let waited = false;
    const encoded = pending.encoded().then(() => (waited = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(waited).toBe(false);
    slow.open();
    await encoded;
    await expect(taken).resolves.toEqual(frame(1));
  });

  it("passes an encoding error to the worker, not to the next draw", async () => {
    const pending = new PendingFrames();
    const handle = pending.add(async () => {
      throw new Error("deflate failed");
    });
    await expect(pending.encoded()).resolves.toBeUndefined();
    await expect(pending.take(handle)).rejects.toThrow("deflate failed");
  });

  it("keeps only the newest few frames a worker never took (each holds a frame's pixels)", async () => {
    const pending = new PendingFrames();
    const handles = Array.from({ length: 6 }, (_, i) => pending.add(async () => frame(i)));
    await expect(pending.take(handles[0])).rejects.toThrow("No drawn frame");
    await expect(pending.take(handles[1])).rejects.toThrow("No drawn frame");
    await expect(pending.take(handles[5])).resolves.toEqual(frame(5));
  });
});
