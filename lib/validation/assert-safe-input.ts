import { AppError, notFound } from "@/lib/errors";
import { findUnsafeInput, isWellFormedId } from "./safe-text";

/**
 * The boundary check every route handler and server action runs before zod:
 * a body or argument with text Postgres cannot store (NUL, lone surrogates) or
 * absurd nesting is a 422 naming the field. Returns the input unchanged.
 */
export function assertSafeInput<T>(input: T): T {
  const bad = findUnsafeInput(input);
  if (bad) throw new AppError("unprocessable", "Some fields need attention.", { [bad.path]: bad.message });
  return input;
}

/** Path parameters name ids: one that cannot be an id names nothing (404, and no query runs). */
export function assertWellFormedParams(params: Record<string, string>): void {
  for (const value of Object.values(params)) if (!isWellFormedId(value)) throw notFound();
}
