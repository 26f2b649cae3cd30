import { ZodError } from "zod";

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

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    return new AppError("unprocessable", "Some fields need attention.", zodFieldErrors(err));
  }
  console.error("[error] unexpected:", err);
  return new AppError("internal", "Something went wrong on our side. Please try again.");
}

export function errorResponse(err: unknown): Response {
  const e = toAppError(err);
  return Response.json({ error: { code: e.code, message: e.message, fields: e.fieldErrors } }, { status: e.status });
}
