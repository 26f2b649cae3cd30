import type { z } from "zod";

/**
 * Text that Postgres cannot store, checked at the boundary so bad input is a
 * 422 with a field message instead of a database error (a 500 before):
 * - U+0000: Postgres text and jsonb refuse it (errors 22021 and 22P05);
 * - a lone UTF-16 surrogate is no character at all: text silently turns it into
 *   U+FFFD, jsonb refuses its \uD800 escape.
 * Plain pure code (no Next or Node imports): route handlers, actions and tests share it.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No input of ours nests deeper than this (a scene document is about 6 levels); deeper is an attack or a bug. */
export const MAX_INPUT_DEPTH = 64;

export const NUL_MESSAGE = "Remove the NUL character (\\u0000) from this text: it cannot be stored.";
export const SURROGATE_MESSAGE =
  "This text contains a broken character (a lone UTF-16 surrogate). Remove it and try again.";
export const TOO_DEEP_MESSAGE = "This value is nested too deeply.";

/** Why `s` cannot be stored, or null when it can. */
export function unsafeTextMessage(s: string): string | null {
  if (s.includes("\u0000")) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(s)) return SURROGATE_MESSAGE;
  return null;
}

/** A zod refinement for string schemas: `z.string().max(80).superRefine(refineSafeText)`. */
export function refineSafeText(value: string, ctx: z.RefinementCtx): void {
  const message = unsafeTextMessage(value);
  if (message) ctx.addIssue({ code: "custom", message });
}

export type UnsafeInput = { path: string; message: string };

/**
 * The first string (or object key) anywhere in a parsed JSON body, action
 * argument or FormData entries that cannot be stored, with its dotted path as
 * zod names fields; also refuses nesting deeper than MAX_INPUT_DEPTH.
 * Iterative, so a body of 100,000 nested arrays cannot overflow the stack.
 */
export function findUnsafeInput(value: unknown): UnsafeInput | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    const at = () => path.join(".") || "_form";
    if (typeof v === "string") {
      const message = unsafeTextMessage(v);
      if (message) return { path: at(), message };
      continue;
    }
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    // Only plain data: a File, Date or Blob in FormData is not text we store as-is.
    const isArray = Array.isArray(v);
    if (!isArray && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) continue;
    if (path.length >= MAX_INPUT_DEPTH) return { path: at(), message: TOO_DEEP_MESSAGE };
    seen.add(v);
    for (const [key, child] of Object.entries(v)) {
      if (!isArray) {
        const message = unsafeTextMessage(key);
        if (message) return { path: at(), message };
      }
      stack.push({ value: child, path: [...path, isArray ? Number(key) : key] });
    }
  }
  return null;
}

/**
 * Whether a path parameter can be one of our ids (prd_…, scn_…, sample_kraft-box,
 * template slugs). Anything else names nothing, so callers answer 404 without a query.
 */
export function isWellFormedId(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/.test(value);
}
