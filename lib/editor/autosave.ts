/**
 * Pure autosave scheduler (no React, no fetch): debounces edits, keeps at most
 * one save in flight, and guarantees the latest edit wins. If edits arrive
 * while a save is in flight, exactly one more save (of the newest document)
 * follows when it settles; an older document is never sent after a newer one.
 *
 * The only exception is `flush({ keepalive: true })` when the page is being
 * hidden/closed: the newest document is sent at once even if a save is in
 * flight, because no JS will run to send it later.
 */

export type SaveOutcome = { ok: true } | { ok: false; message: string };

export type SaveFn<T> = (doc: T, options: { keepalive: boolean }) => Promise<SaveOutcome>;

export type AutosaveState = "idle" | "pending" | "saving" | "saved" | "error";

export interface AutosaveStatus {
  state: AutosaveState;
  /** The failure message when state is "error". */
  message: string | null;
}

export interface AutosaveOptions<T> {
  save: SaveFn<T>;
  /** Debounce after the last edit, ms. Default 800. */
  delayMs?: number;
  onStatus?: (status: AutosaveStatus) => void;
}

export interface Autosaver<T> {
  /** Records a new document to save (debounced). */
  edit(doc: T): void;
  /** Saves the pending document now (after a failure, or to skip the debounce). */
  retry(): void;
  /**
   * Sends the pending document immediately (page hide / unload). With
   * `keepalive`, also re-sends the in-flight document when nothing newer is
   * pending (a page unload may abort a normal request).
   */
  flush(options?: { keepalive?: boolean }): void;
  status(): AutosaveStatus;
  /** True while something has not been confirmed saved. */
  hasUnsavedChanges(): boolean;
  dispose(): void;
}

export const AUTOSAVE_DELAY_MS = 800;

export function createAutosaver<T>({ save, delayMs = AUTOSAVE_DELAY_MS, onStatus }: AutosaveOptions<T>): Autosaver<T> {
  let seq = 0; // sequence number of the newest edit
  let savedSeq = 0; // newest sequence number confirmed saved
  let pending: { doc: T; seq: number } | null = null;
  let inFlight: { doc: T; seq: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let error: string | null = null;
  let disposed = false;
  let last: AutosaveStatus = { state: "idle", message: null };

  function compute(): AutosaveStatus {
    if (error !== null && inFlight === null) return { state: "error", message: error };
    if (inFlight !== null) return { state: "saving", message: null };
    if (pending !== null) return { state: "pending", message: null };
    if (seq > 0 && savedSeq === seq) return { state: "saved", message: null };
    return { state: "idle", message: null };
  }

  function emit() {
    const next = compute();
    if (next.state !== last.state || next.message !== last.message) {
      last = next;
      onStatus?.(next);
    }
  }

  function clearTimer() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function settle(job: { doc: T; seq: number }, outcome: SaveOutcome, isMain: boolean) {
    if (disposed) return;
    if (isMain) inFlight = null;
    if (outcome.ok) {
      savedSeq = Math.max(savedSeq, job.seq);
      if (savedSeq >= seq) error = null;
    } else {
      error = outcome.message;
      // Keep the failed document for a retry unless something newer is waiting.
      if (pending === null && job.seq > savedSeq) pending = job;
    }
    // Newer edits arrived during the save: save the newest once the debounce is over.
    if (isMain && outcome.ok && pending !== null && timer === null) start(false);
    emit();
  }

  function start(keepalive: boolean) {
    clearTimer();
    if (pending === null) return;
    const job = pending;
    pending = null;
    inFlight = job;
    error = null;
    emit();
    run(job, keepalive, true);
  }

  function run(job: { doc: T; seq: number }, keepalive: boolean, isMain: boolean) {
    let promise: Promise<SaveOutcome>;
    try {
      promise = save(job.doc, { keepalive });
    } catch (e) {
      promise = Promise.reject(e);
    }
    promise.then(
      (outcome) => settle(job, outcome, isMain),
      (e: unknown) => settle(job, { ok: false, message: e instanceof Error ? e.message : "Network error" }, isMain),
    );
  }

  function onTimer() {
    timer = null;
    // A save is running: it starts the next one when it settles.
    if (inFlight === null) start(false);
  }

  return {
    edit(doc) {
      if (disposed) return;
      seq += 1;
      pending = { doc, seq };
      error = null;
      clearTimer();
      timer = setTimeout(onTimer, delayMs);
      emit();
    },
    retry() {
      if (disposed || inFlight !== null) return;
      start(false);
    },
    flush({ keepalive = false } = {}) {
      if (disposed) return;
      if (inFlight === null) {
        start(keepalive);
        return;
      }
      if (!keepalive) return; // the in-flight save triggers the next one
      clearTimer();
      const job = pending ?? inFlight;
      pending = null;
      // Out-of-band: the page is going away, nothing will run after the in-flight save.
      run(job, true, false);
      emit();
    },
    status: () => compute(),
    hasUnsavedChanges: () => pending !== null || inFlight !== null || savedSeq < seq,
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
