import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAutosaver, type AutosaveStatus, type SaveOutcome } from "./autosave";

/** A save function whose calls resolve only when the test says so. */
function fakeSave() {
  type Call = {
    doc: string;
    keepalive: boolean;
    revision?: number;
    resolve: (o: SaveOutcome) => void;
    reject: (e: Error) => void;
  };
  const calls: Call[] = [];
  const save = vi.fn((doc: string, { keepalive, revision }: { keepalive: boolean; revision?: number }) => {
    return new Promise<SaveOutcome>((resolve, reject) => calls.push({ doc, keepalive, revision, resolve, reject }));
  });
  return { save, calls };
}

async function settle() {
  // Let promise callbacks run.
  await vi.advanceTimersByTimeAsync(0);
}

describe("createAutosaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("debounces edits and saves only the last one", async () => {
    const { save, calls } = fakeSave();
    const statuses: AutosaveStatus["state"][] = [];
    const saver = createAutosaver<string>({ save, delayMs: 800, onStatus: (s) => statuses.push(s.state) });
    saver.edit("A");
    await vi.advanceTimersByTimeAsync(500);
    saver.edit("B");
    await vi.advanceTimersByTimeAsync(799);
    expect(save).not.toHaveBeenCalled();
    expect(saver.status().state).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.doc)).toEqual(["B"]);
    expect(saver.status().state).toBe("saving");
    calls[0].resolve({ ok: true });
    await settle();
    expect(saver.status().state).toBe("saved");
    expect(saver.hasUnsavedChanges()).toBe(false);
    expect(statuses).toEqual(["pending", "saving", "saved"]);
  });

  it("race: A in flight, edits B and C, A resolves -> exactly one more save, with C", async () => {
    const { save, calls } = fakeSave();
    const saver = createAutosaver<string>({ save, delayMs: 800 });
    saver.edit("A");
    await vi.advanceTimersByTimeAsync(800);
    expect(calls.map((c) => c.doc)).toEqual(["A"]);

    saver.edit("B");
    await vi.advanceTimersByTimeAsync(300);
    saver.edit("C");
    // The debounce for C elapses while A is still in flight: no second concurrent save.
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(1);
    expect(saver.status().state).toBe("saving");

    calls[0].resolve({ ok: true });
    await settle();
    expect(calls.map((c) => c.doc)).toEqual(["A", "C"]);
    expect(saver.status().state).toBe("saving");

    calls[1].resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
    expect(saver.status().state).toBe("saved");
  });

  it("race: A resolves before the debounce of C elapsed -> C saved once after the debounce", async () => {
    const { save, calls } = fakeSave();
    const saver = createAutosaver<string>({ save, delayMs: 800 });
    saver.edit("A");
    await vi.advanceTimersByTimeAsync(800);
    saver.edit("B");
    saver.edit("C");
    calls[0].resolve({ ok: true });
    await settle();
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(800);
    expect(calls.map((c) => c.doc)).toEqual(["A", "C"]);
  });

  it("never has two saves in flight and never sends an older document after a newer one", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const sent: number[] = [];
    const save = vi.fn(async (doc: number) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      sent.push(doc);
      await new Promise((r) => setTimeout(r, 100 + (doc % 7) * 150));
      inFlight--;
      return { ok: true } as const;
    });
    const saver = createAutosaver<number>({ save, delayMs: 800 });
    for (let i = 1; i <= 40; i++) {
      saver.edit(i);
      await vi.advanceTimersByTimeAsync(i % 5 === 0 ? 900 : 200);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(maxInFlight).toBe(1);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(sent.at(-1)).toBe(40);
    expect(saver.status().state).toBe("saved");
  });

  it("shows the failure, keeps the document and saves it again on retry", async () => {
    const { save, calls } = fakeSave();
    const saver = createAutosaver<string>({ save, delayMs: 800 });
    saver.edit("A");
    await vi.advanceTimersByTimeAsync(800);
    calls[0].resolve({ ok: false, message: "background.color: must be a hex colour" });
    await settle();
    expect(saver.status()).toEqual({ state: "error", message: "background.color: must be a hex colour" });
    expect(saver.hasUnsavedChanges()).toBe(true);
    // No automatic retry loop.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);

    saver.retry();
    expect(calls.map((c) => c.doc)).toEqual(["A", "A"]);
    expect(saver.status().state).toBe("saving");
    calls[1].resolve({ ok: true });
    await settle();
    expect(saver.status().state).toBe("saved");
  });

  it("treats a rejected save (network error) as a failure", async () => {
    const { save, calls } = fakeSave();
    const saver = createAutosaver<string>({ save, delayMs: 800 });
    saver.edit("A");
    await vi.advanceTimersByTimeAsync(800);
    calls[0].reject(new Error("Failed to fetch"));
    await settle();
    expect(saver.status()).toEqual({ state: "error", message: "Failed to fetch" });
    saver.edit("B");
    expect(saver.status().state).toBe("pending");
    await vi.advanceTimersByTimeAsync(800);
    expect(calls.map((c) => c.doc)).toEqual(["A", "B"]);
  });

  it("flush with keepalive sends the pending document at once", async () => {
    const { save, calls } = fakeSave();
    const saver = createAutosaver<string>({ save, delayMs: 800 });
    saver.edit("A");
    saver.flush({ keepalive: true });
    expect(calls).toEqual([expect.objectContaining({ doc: "A", keepalive: true })]);
    calls[0].resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(saver.status().state).toBe("saved");
  });

  it("flush with keepalive during a save sends the newest document, and nothing more afterwards", async () => {
    const { save, calls } = fakeSave();
    const saver = createAutosaver<string>({ save, delayMs: 800 });
    saver.edit("A");
    await vi.advanceTimersByTimeAsync(800);
    saver.edit("B");
    saver.flush({ keepalive: true });
    expect(calls.map((c) => [c.doc, c.keepalive])).toEqual([
      ["A", false],
      ["B", true],
    ]);
    calls[1].resolve({ ok: true });
    calls[0].resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
    expect(saver.status().state).toBe("saved");
  });

  it("flush without anything to save does nothing", () => {
    const { save } = fakeSave();
    const saver = createAutosaver<string>({ save });
    saver.flush({ keepalive: true });
    expect(save).not.toHaveBeenCalled();
    expect(saver.status().state).toBe("idle");
  });

  it("stops after dispose", async () => {
    const { save } = fakeSave();
    const saver = createAutosaver<string>({ save });
    saver.edit("A");
    saver.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
  });
});

describe("createAutosaver with revisions", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const STALE = "This scene was changed in another tab or by someone else since you opened it.";

  it("sends each save from the revision the server confirmed last", async () => {
    const { save, calls } = fakeSave();
    const saver = createAutosaver<string>({ save, delayMs: 800, revision: 4 });
    saver.edit("A");
    await vi.advanceTimersByTimeAsync(800);
    calls[0].resolve({ ok: true, revision: 5 });
    await settle();
    saver.edit("B");
    await vi.advanceTimersByTimeAsync(800);
    expect(calls.map((c) => [c.doc, c.revision])).toEqual([
      ["A", 4],
      ["B", 5],
    ]);
  });

  it("a stale save stops autosaving: the conflict is shown, later edits are kept but never sent", async () => {
    const { save, calls } = fakeSave();
    const statuses: AutosaveStatus[] = [];
    const saver = createAutosaver<string>({ save, delayMs: 800, revision: 1, onStatus: (s) => statuses.push(s) });
    saver.edit("A");
    await vi.advanceTimersByTimeAsync(800);
    saver.edit("B"); // typed while the stale save is in flight
    calls[0].resolve({ ok: false, message: STALE, conflict: { revision: 2 } });
    await settle();
    expect(saver.status()).toEqual({ state: "conflict", message: STALE });
    expect(statuses.at(-1)).toEqual({ state: "conflict", message: STALE });

    saver.edit("C");
    await vi.advanceTimersByTimeAsync(10_000);
    saver.retry();
    saver.flush();
    saver.flush({ keepalive: true }); // the page is hidden or closed: still nothing overwrites the other save
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls.map((c) => c.doc)).toEqual(["A"]);
    expect(saver.status().state).toBe("conflict");
    expect(saver.hasUnsavedChanges()).toBe(true);
  });

  it("a conflict on the only save keeps the document as unsaved", async () => {
    const { save, calls } = fakeSave();
    const saver = createAutosaver<string>({ save, delayMs: 800, revision: 1 });
    saver.edit("A");
    await vi.advanceTimersByTimeAsync(800);
    calls[0].resolve({ ok: false, message: STALE, conflict: { revision: 3 } });
    await settle();
    expect(saver.status().state).toBe("conflict");
    expect(saver.hasUnsavedChanges()).toBe(true);
  });

  it("keepalive flush during a save names the revision that save will create", async () => {
    const { save, calls } = fakeSave();
    const saver = createAutosaver<string>({ save, delayMs: 800, revision: 7 });
    saver.edit("A");
    await vi.advanceTimersByTimeAsync(800);
    saver.edit("B");
    saver.flush({ keepalive: true });
    expect(calls.map((c) => [c.doc, c.keepalive, c.revision])).toEqual([
      ["A", false, 7],
      ["B", true, 8],
    ]);
    calls[0].resolve({ ok: true, revision: 8 });
    calls[1].resolve({ ok: true, revision: 9 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
    expect(saver.status().state).toBe("saved");
  });

  it("a keepalive save that overtakes the save in flight is not a conflict: the newest document is sent again", async () => {
    const { save, calls } = fakeSave();
    const saver = createAutosaver<string>({ save, delayMs: 800, revision: 7 });
    saver.edit("A");
    await vi.advanceTimersByTimeAsync(800);
    saver.edit("B");
    saver.flush({ keepalive: true }); // the tab was only hidden: the page stays
    calls[1].resolve({ ok: false, message: STALE, conflict: { revision: 7 } }); // arrived before A
    await settle();
    expect(saver.status().state).toBe("saving");
    calls[0].resolve({ ok: true, revision: 8 });
    await settle();
    expect(calls.map((c) => [c.doc, c.revision])).toEqual([
      ["A", 7],
      ["B", 8],
      ["B", 8],
    ]);
    calls[2].resolve({ ok: true, revision: 9 });
    await settle();
    expect(saver.status().state).toBe("saved");
    expect(saver.hasUnsavedChanges()).toBe(false);
  });
});
