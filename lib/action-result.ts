import type { FieldErrors } from "./errors";

/** What every server action returns: forms show `error` at the top and `fieldErrors` beside each input. */
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; error: string; code: string; fieldErrors?: FieldErrors };
