import { describe, expect, it } from "vitest";
import type { RenderedFrame } from "./render-job";
import { PendingFrames } from "./pending-frames";

const frame = (width: number): RenderedFrame => ({ width, height: 1, channels: 3, deflatedBase64: "" });

describe("frames drawn on the render page, waiting for the worker", () => {
  it("hands each frame over once, by its handle, in whatever order the worker asks", async () => {
    const pending = new PendingFrames();
    const a = pending.add(Promise.resolve(frame(1)));
    const b = pending.add(Promise.resolve(frame(2)));
    expect(a).not.toBe(b);
    await expect(pending.take(b)).resolves.toEqual(frame(2));
    await expect(pending.take(a)).resolves.toEqual(frame(1));
    await expect(pending.take(a)).rejects.toThrow(`No drawn frame ${a}`);
    await expect(pending.take(999)).rejects.toThrow("No drawn frame 999");
  });

  it("passes an encoding error to the worker that takes the frame", async () => {
    const pending = new PendingFrames();
    const handle = pending.add(Promise.reject(new Error("deflate failed")));
    // Nothing unhandled while it waits to be taken.
    await new Promise((r) => setTimeout(r, 10));
    await expect(pending.take(handle)).rejects.toThrow("deflate failed");
  });

  it("keeps only the newest few frames a worker never took (each holds a frame's pixels)", async () => {
    const pending = new PendingFrames();
    const handles = Array.from({ length: 6 }, (_, i) => pending.add(Promise.resolve(frame(i))));
    await expect(pending.take(handles[0])).rejects.toThrow("No drawn frame");
    await expect(pending.take(handles[1])).rejects.toThrow("No drawn frame");
    await expect(pending.take(handles[2])).resolves.toEqual(frame(2));
    await expect(pending.take(handles[5])).resolves.toEqual(frame(5));
  });
});
