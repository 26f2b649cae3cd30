/**
 * Pure undo/redo history. Every operation returns a new History; documents are
 * stored by reference (commands never mutate, so sharing is safe).
 *
 * Coalescing: a drag fires dozens of commands; pushing each with the same
 * `coalesceKey` replaces the present instead of adding a step, so the whole
 * drag undoes in one go. The run ends at the next push with another (or no)
 * key, at undo/redo, or explicitly with `endCoalescing` (call it on pointer-up
 * so two consecutive drags of the same handle stay two undo steps).
 */

export const HISTORY_LIMIT = 200;

export interface History<T> {
  /** Oldest first. At most `limit` entries. */
  readonly past: readonly T[];
  readonly present: T;
  /** Next redo first. */
  readonly future: readonly T[];
  /** Key of the coalescing run `present` belongs to, if any. */
  readonly coalesceKey: string | null;
  readonly limit: number;
}

export function createHistory<T>(present: T, limit: number = HISTORY_LIMIT): History<T> {
  return { past: [], present, future: [], coalesceKey: null, limit };
}

export interface PushOptions {
  coalesceKey?: string;
}

export function push<T>(history: History<T>, next: T, options: PushOptions = {}): History<T> {
  const key = options.coalesceKey ?? null;
  if (next === history.present) return key === history.coalesceKey ? history : { ...history, coalesceKey: key };
  if (key !== null && key === history.coalesceKey) {
    return { ...history, present: next, future: [] };
  }
  const past = [...history.past, history.present];
  // Drop the oldest entries beyond the cap so memory stays bounded in long sessions.
  if (past.length > history.limit) past.splice(0, past.length - history.limit);
  return { ...history, past, present: next, future: [], coalesceKey: key };
}

export function endCoalescing<T>(history: History<T>): History<T> {
  return history.coalesceKey === null ? history : { ...history, coalesceKey: null };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  if (!canUndo(history)) return history;
  const previous = history.past[history.past.length - 1];
  return {
    ...history,
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    coalesceKey: null,
  };
}

export function redo<T>(history: History<T>): History<T> {
  if (!canRedo(history)) return history;
  const [next, ...future] = history.future;
  return { ...history, past: [...history.past, history.present], present: next, future, coalesceKey: null };
}
