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

export function isPermanent(err: unknown): boolean {
  return err instanceof PermanentRenderError || (typeof err === "object" && err !== null && (err as { permanent?: boolean }).permanent === true);
}

/** What the Renders page shows: short, human, no stack traces. */
/** File-system errors of a storage write: the user reads a plain sentence, never a server path. */
const STORAGE_WRITE_ERRORS = new Set(["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "ENOTDIR", "EISDIR", "EEXIST"]);

export function describeFailure(err: unknown): string {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code === "string" && STORAGE_WRITE_ERRORS.has(code)) return "The image could not be saved: storage is full or not writable.";
  const message = err instanceof Error ? err.message : String(err);
  if (/Timeout|timed out/i.test(message)) return "The renderer took too long to draw this image.";
  if (/Target (page|closed)|browser has been closed|crash/i.test(message)) return "The renderer stopped unexpectedly.";
  return message.split("\n")[0].slice(0, 300);
}
