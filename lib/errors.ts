import { ZodError } from "zod";
import { describeErrorForLog } from "@/lib/logging/redact-error";

/** Every failure a user can cause has a code; the code alone decides the HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  payment_required: 402,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Not found and "not yours" look the same from outside, so ids from other workspaces leak nothing. */
export function notFound(what = "That item"): AppError {
  return new AppError("not_found", `${what} was not found.`);
}

/** The first message per field, keyed by dotted path: what a form shows next to each input. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** The Postgres error (a SQLSTATE `code`) behind `err`: drizzle wraps it as the `cause` of a DrizzleQueryError. */
export function postgresErrorCode(err: unknown): string | null {
  for (let e = err, i = 0; typeof e === "object" && e !== null && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const { code, severity } = e as { code?: unknown; severity?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof severity === "string") return code;
  }
  return null;
}

/**
 * Input the database refused as data, not a fault of ours: class 22 (data exception: NUL in text 22021,
 * untranslatable \u0000 in jsonb 22P05, invalid text representation 22P02, out of range 22003, ...) and
 * 54000 (a value too long to index). Validation at the boundary catches these first; this is defence in depth.
 */
function isInvalidInputCode(code: string | null): boolean {
  return code !== null && (code.startsWith("22") || code === "54000");
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    return new AppError("unprocessable", "Some fields need attention.", zodFieldErrors(err));
  }
  const pgCode = postgresErrorCode(err);
  if (isInvalidInputCode(pgCode)) {
    console.warn(`[error] input refused by the database (${pgCode}):`, describeErrorForLog(err).split("\n")[0]);
    return new AppError(
      "bad_request",
      "Some of the text sent cannot be stored. Remove unusual characters and try again.",
    );
  }
  // Never the error object itself: drizzle's message and `.params` carry every value of the query.
  console.error("[error] unexpected:", describeErrorForLog(err));
  return new AppError("internal", "Something went wrong on our side. Please try again.");
}

export function errorResponse(err: unknown): Response {
  const e = toAppError(err);
  // no-store: an error is about one request of one user; no cache may keep it.
  const body = { error: { code: e.code, message: e.message, fields: e.fieldErrors } };
  return Response.json(body, { status: e.status, headers: { "cache-control": "no-store" } });
}
