import { describeErrorForLog } from "@/lib/logging/redact-error";
import { RENDER_FAILURE } from "@/lib/renders/failure-messages";

/**
 * Failure classes: a permanently bad job (invalid snapshot, missing model)
 * fails at once; anything else (browser crash, timeout, blank frame) is
 * retried on a fresh page, up to the queue's retry limit.
 */
export class PermanentRenderError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = "PermanentRenderError";
  }
}

/**
 * A finished video that does not match what was asked (worker/video-check.ts): fails for good (drawing it again
 * gives the same file), and its message, plain sentences about the file, is what the user reads.
 */
export class VideoCheckError extends PermanentRenderError {
  constructor(problems: string[]) {
    super(`The finished video did not match what was asked, so it was not kept: ${problems.join("; ")}.`);
    this.name = "VideoCheckError";
  }
}

export function isPermanent(err: unknown): boolean {
  return (
    err instanceof PermanentRenderError ||
    (typeof err === "object" && err !== null && (err as { permanent?: boolean }).permanent === true)
  );
}

/** File-system errors of a storage write: the user reads a plain sentence, never a server path. */
const STORAGE_WRITE_ERRORS = new Set(["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "ENOTDIR", "EISDIR", "EEXIST"]);

/** The user's sentence for a failure (lib/renders/failure-messages.ts): never a stack, a path or a browser message. */
export function userFailureMessage(err: unknown): string {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code === "string" && STORAGE_WRITE_ERRORS.has(code)) return RENDER_FAILURE.storage;
  if (err instanceof VideoCheckError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  if (/product model is missing/i.test(message)) return RENDER_FAILURE.missingModel;
  if (/over its .* budget/i.test(message)) return RENDER_FAILURE.gifBudget;
  if (/snapshot is not valid/i.test(message)) return RENDER_FAILURE.scene;
  if (/Timeout|timed out/i.test(message)) return RENDER_FAILURE.timeout;
  if (/Target (page|closed)|browser has been closed|crash/i.test(message)) return RENDER_FAILURE.crash;
  if (/Captured .* instead of|Tile drawn|is blank|bytes for a/i.test(message)) return RENDER_FAILURE.badImage;
  if (/model|gltf|glb|draco|meshopt|ktx2|texture/i.test(message)) return RENDER_FAILURE.model;
  if (/No WebGL|executable|Failed to launch|browser/i.test(message)) return RENDER_FAILURE.unavailable;
  return RENDER_FAILURE.unknown;
}

/**
 * What the Renders page shows (stored on the output), translated from the raw
 * error; the raw error itself goes to the worker's log here, once per failure,
 * with any query values redacted, so support can still see what happened.
 */
export function describeFailure(err: unknown): string {
  const message = userFailureMessage(err);
  console.warn(`[worker] render failure (shown as "${message}"):`, describeErrorForLog(err));
  return message;
}
