import { describe, expect, it } from "vitest";
import { canRedo, canUndo, createHistory, endCoalescing, HISTORY_LIMIT, push, redo, undo } from "./history";

describe("history", () => {
  it("undoes and redoes", () => {
    let h = createHistory("a");
    expect(canUndo(h)).toBe(false);
    h = push(h, "b");
    h = push(h, "c");
    h = undo(h);
    expect(h.present).toBe("b");
    expect(canRedo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe("a");
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe("c");
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it("drops the redo stack on a new push", () => {
    const h = push(undo(push(createHistory(1), 2)), 3);
    expect(h.present).toBe(3);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(1);
  });

  it("never mutates a previous history", () => {
    const h1 = push(createHistory("a"), "b");
    const h2 = push(h1, "c");
    undo(h2);
    expect(h1).toEqual({ past: ["a"], present: "b", future: [], coalesceKey: null, limit: HISTORY_LIMIT });
  });

  it("coalesces a drag (same key) into one undo step", () => {
    let h = push(createHistory(0), 1);
    for (let x = 2; x <= 30; x++) h = push(h, x, { coalesceKey: "drag:product-1" });
    expect(h.present).toBe(30);
    expect(h.past).toEqual([0, 1]);
    expect(undo(h).present).toBe(1);
  });

  it("starts a new step on a different key, after endCoalescing, and after undo", () => {
    let h = push(createHistory(0), 1, { coalesceKey: "rotate" });
    h = push(h, 2, { coalesceKey: "rotate" });
    h = push(h, 3, { coalesceKey: "light:key" });
    expect(h.past).toEqual([0, 2]);
    h = endCoalescing(h);
    h = push(h, 4, { coalesceKey: "light:key" });
    expect(h.past).toEqual([0, 2, 3]);
    h = push(undo(h), 5, { coalesceKey: "light:key" });
    expect(h.past).toEqual([0, 2, 3]);
    h = push(h, 6); // no key never coalesces
    h = push(h, 7);
    expect(h.past).toEqual([0, 2, 3, 5, 6]);
  });

  it("caps the past at 200 entries, dropping the oldest", () => {
    let h = createHistory(0);
    for (let i = 1; i <= 250; i++) h = push(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
    expect(h.present).toBe(250);
    let steps = 0;
    while (canUndo(h)) {
      h = undo(h);
      steps++;
    }
    expect(steps).toBe(200);
    expect(h.present).toBe(50);
  });

  it("ignores pushing the present again", () => {
    const h = push(createHistory("a"), "b");
    expect(push(h, "b")).toBe(h);
  });
});
