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
export function describeFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/Timeout|timed out/i.test(message)) return "The renderer took too long to draw this image.";
  if (/Target (page|closed)|browser has been closed|crash/i.test(message)) return "The renderer stopped unexpectedly.";
  return message.split("\n")[0].slice(0, 300);
}
