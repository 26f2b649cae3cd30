/**
 * HTTP byte ranges (RFC 9110 §14) for serving stored files: a video player
 * seeks by asking for parts of the file. One range only; a request for
 * several is answered with the whole file (allowed by the RFC, and no
 * player we serve needs multipart/byteranges).
 */
export type RangeRequest =
  /** No usable Range header (absent, malformed, several ranges, or If-Range no longer matching): send it all. */
  | { kind: "whole" }
  | { kind: "partial"; start: number; end: number }
  /** Valid syntax but nothing of the file lies in it: 416. */
  | { kind: "unsatisfiable" };

const SINGLE = /^(\d*)-(\d*)$/;

export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return { kind: "whole" };
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match) return { kind: "whole" };
  const specs = match[1].split(",").map((s) => s.trim());
  if (specs.length !== 1) return { kind: "whole" };
  const parts = SINGLE.exec(specs[0]);
  if (!parts || (parts[1] === "" && parts[2] === "")) return { kind: "whole" };
  if (parts[1] === "") {
    // Suffix: the last N bytes.
    const suffix = Number(parts[2]);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(parts[1]);
  const end = parts[2] === "" ? Infinity : Number(parts[2]);
  if (end < start) return { kind: "whole" }; // invalid: ignore the header
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}

/**
 * If-Range: the client holds part of a file and asks for the rest only if it
 * is still the same file. A date must match our Last-Modified exactly (weak
 * dates are not good enough, RFC 9110 §13.1.5); an entity tag our ETag.
 */
export function ifRangeMatches(ifRange: string | null, validators: { lastModified?: string; etag?: string }): boolean {
  if (!ifRange) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return !value.startsWith("W/") && value === validators.etag;
  return validators.lastModified !== undefined && value === validators.lastModified;
}
