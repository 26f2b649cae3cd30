import { AppError } from "@/lib/errors";

/**
 * Request bodies read with a byte cap: a declared Content-Length over the cap
 * is refused before anything is read, and a body without one (chunked) or
 * with a lying one is cut off as soon as the count passes the cap, so an
 * oversized body is never held in memory. Limits per kind of request:
 */
export const BODY_LIMITS = {
  /** Sign-up, sign-in and other small public forms. */
  publicJson: 64 * 1024,
  /** Workspace JSON: the largest template scene document is about 5 KB; brand kits and variations less. */
  workspaceJson: 1024 * 1024,
  /** Stripe events are a few KB; Stripe documents no event above a few hundred. */
  stripeWebhook: 1024 * 1024,
} as const;

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

function tooLarge(maxBytes: number): AppError {
  const limit = formatLimit(maxBytes);
  return new AppError("payload_too_large", `The request body is larger than ${limit}, the most this endpoint accepts.`);
}

/** The body as bytes, at most `maxBytes` of them (413 past that). An absent body reads as empty. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      // The client went away mid-body (a reload during an autosave, a closed tab): its request, not our fault,
      // so a plain 4xx nobody reads instead of an "unexpected" server error in the log.
      throw new AppError("bad_request", "The request body was cut off before it ended.");
    }
    const { done, value } = step;
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      // Stop reading: the rest of the upload is never buffered.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The body as UTF-8 text, capped like readBodyBytes. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes));
}

const NOT_JSON = "Send the request body as JSON (Content-Type: application/json).";

/** True for application/json, with or without parameters (charset). */
export function isJsonContentType(contentType: string | null): boolean {
  return (contentType ?? "").split(";")[0].trim().toLowerCase() === "application/json";
}

/**
 * A JSON body: only as application/json (415 otherwise, so a cross-site form
 * post in text/plain or multipart can never be read as JSON), at most
 * `maxBytes` (413), well-formed (400). A request with no body at all reads as
 * `empty` (an empty object by default), so DELETE and body-less POSTs work.
 */
export async function readJsonBody(request: Request, maxBytes: number, empty: unknown = {}): Promise<unknown> {
  const contentType = request.headers.get("content-type");
  if (contentType && !isJsonContentType(contentType)) {
    await request.body?.cancel().catch(() => undefined);
    throw new AppError("unsupported_media_type", NOT_JSON);
  }
  const text = await readBodyText(request, maxBytes);
  if (!text.trim()) return empty;
  if (!contentType) throw new AppError("unsupported_media_type", NOT_JSON);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}
