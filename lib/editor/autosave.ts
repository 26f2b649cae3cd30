/**
 * Pure autosave scheduler (no React, no fetch): debounces edits, keeps at most
 * one save in flight, and guarantees the latest edit wins. If edits arrive
 * while a save is in flight, exactly one more save (of the newest document)
 * follows when it settles; an older document is never sent after a newer one.
 *
 * The only exception is `flush({ keepalive: true })` when the page is being
 * hidden/closed: the newest document is sent at once even if a save is in
 * flight, because no JS will run to send it later.
 *
 * Revisions: every save names the revision its edits started from (the last
 * one the server confirmed). A save refused as stale (`conflict`) stops
 * autosaving for good: nothing more is sent, later edits are kept in memory,
 * and the editor asks the user to reload or to keep the document as a copy.
 */

/** `revision`: the scene's revision after the save. `conflict`: the save was stale; the revision the server has now. */
export type SaveOutcome =
  { ok: true; revision?: number } | { ok: false; message: string; conflict?: { revision: number } };

export type SaveFn<T> = (doc: T, options: { keepalive: boolean; revision: number | undefined }) => Promise<SaveOutcome>;

export type AutosaveState = "idle" | "pending" | "saving" | "saved" | "error" | "conflict";

export interface AutosaveStatus {
  state: AutosaveState;
  /** The failure message when state is "error" or "conflict". */
  message: string | null;
}

export interface AutosaveOptions<T> {
  save: SaveFn<T>;
  /** Debounce after the last edit, ms. Default 800. */
  delayMs?: number;
  onStatus?: (status: AutosaveStatus) => void;
  /** The revision of the document being edited, as loaded. */
  revision?: number;
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

export function createAutosaver<T>(options: AutosaveOptions<T>): Autosaver<T> {
  const { save, delayMs = AUTOSAVE_DELAY_MS, onStatus, revision } = options;
  let base = revision; // the newest revision the server confirmed: what the next save starts from
  let conflict: string | null = null; // once set, nothing more is sent
  let seq = 0; // sequence number of the newest edit
  let savedSeq = 0; // newest sequence number confirmed saved
  let pending: { doc: T; seq: number } | null = null;
  let inFlight: { doc: T; seq: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let error: string | null = null;
  let disposed = false;
  let last: AutosaveStatus = { state: "idle", message: null };

  function compute(): AutosaveStatus {
    if (conflict !== null) return { state: "conflict", message: conflict };
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
      if (outcome.revision !== undefined) base = Math.max(base ?? 0, outcome.revision);
      if (savedSeq >= seq) error = null;
    } else if (outcome.conflict && (isMain || inFlight === null)) {
      // Stale: someone else saved. Stop here; the newest document stays in memory (pending) for a copy.
      conflict = outcome.message;
      clearTimer();
      if (pending === null && job.seq > savedSeq) pending = job;
    } else if (outcome.conflict) {
      // An out-of-band (keepalive) save overtook the save in flight, which will bump the revision it named:
      // not a real conflict. Keep the document; the in-flight save sends it again when it settles.
      if (pending === null && job.seq > savedSeq) pending = job;
    } else {
      error = outcome.message;
      // Keep the failed document for a retry unless something newer is waiting.
      if (pending === null && job.seq > savedSeq) pending = job;
    }
    // Newer edits arrived during the save: save the newest once the debounce is over.
    if (conflict === null && isMain && outcome.ok && pending !== null && timer === null) start(false);
    emit();
  }

  function start(keepalive: boolean) {
    clearTimer();
    if (pending === null || conflict !== null) return;
    const job = pending;
    pending = null;
    inFlight = job;
    error = null;
    emit();
    run(job, keepalive, true, base);
  }

  function run(job: { doc: T; seq: number }, keepalive: boolean, isMain: boolean, from: number | undefined) {
    let promise: Promise<SaveOutcome>;
    try {
      promise = save(job.doc, { keepalive, revision: from });
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
      // In conflict nothing is sent any more; the newest document is only kept.
      if (conflict === null) timer = setTimeout(onTimer, delayMs);
      emit();
    },
    retry() {
      if (disposed || inFlight !== null) return;
      start(false);
    },
    flush({ keepalive = false } = {}) {
      if (disposed || conflict !== null) return;
      if (inFlight === null) {
        start(keepalive);
        return;
      }
      if (!keepalive) return; // the in-flight save triggers the next one
      clearTimer();
      const job = pending ?? inFlight;
      pending = null;
      // Out-of-band: the page is going away, nothing will run after the in-flight save. It names the revision
      // the in-flight save will create, since the server is expected to take that one first.
      run(job, true, false, base === undefined ? undefined : base + 1);
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
