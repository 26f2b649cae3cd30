import { redactLogArgs } from "./redact-error";

/**
 * Makes every console.error / console.warn of this process log-safe (no query
 * parameters, see redact-error.ts), including what Next.js prints for an error
 * thrown in a page or route that our own handlers never saw. Called once at
 * start-up by the web server (scripts/start.ts) and the render worker.
 */
export function installLogRedaction(target: Pick<Console, "error" | "warn"> = console): void {
  const marked = target as { __plinthRedacted?: boolean } & Pick<Console, "error" | "warn">;
  if (marked.__plinthRedacted) return;
  marked.__plinthRedacted = true;
  for (const level of ["error", "warn"] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => original(...redactLogArgs(args));
  }
}
