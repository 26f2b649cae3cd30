import { AppError, toAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";

/** An AppError with the public API's own `type` where the code alone is too coarse (idempotency, bad keys). */
export class ApiV1Error extends AppError {
  constructor(
    code: ErrorCode,
    public readonly type: string,
    message: string,
    fieldErrors?: FieldErrors,
  ) {
    super(code, message, fieldErrors);
  }
}

/** The one error object of /api/v1: `{ error: { type, message, fields? } }`; the status follows lib/errors.ts. */
export function v1ErrorResponse(err: unknown): Response {
  const e = toAppError(err);
  const type = e instanceof ApiV1Error ? e.type : e.code;
  const error = { type, message: e.message, ...(e.fieldErrors ? { fields: e.fieldErrors } : {}) };
  return Response.json({ error }, { status: e.status, headers: { "cache-control": "no-store" } });
}
