import { describe, expect, it } from "vitest";
import { ifRangeMatches, parseRange } from "./range";

const SIZE = 1000;

describe("parseRange", () => {
  it("sends the whole file without a Range header", () => {
    expect(parseRange(null, SIZE)).toEqual({ kind: "whole" });
  });

  it("reads a closed range, clamping an end past the file", () => {
    expect(parseRange("bytes=0-99", SIZE)).toEqual({ kind: "partial", start: 0, end: 99 });
    expect(parseRange("bytes=900-5000", SIZE)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseRange("bytes=5-5", SIZE)).toEqual({ kind: "partial", start: 5, end: 5 });
  });

  it("reads an open-ended range to the end of the file", () => {
    expect(parseRange("bytes=500-", SIZE)).toEqual({ kind: "partial", start: 500, end: 999 });
  });

  it("reads a suffix range as the last N bytes, the whole file when N is larger", () => {
    expect(parseRange("bytes=-100", SIZE)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseRange("bytes=-5000", SIZE)).toEqual({ kind: "partial", start: 0, end: 999 });
  });

  it("answers a range that starts past the end, or an empty suffix, as unsatisfiable (416)", () => {
    expect(parseRange("bytes=1000-", SIZE)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=2000-3000", SIZE)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", SIZE)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
  });

  it("sends the whole file for several ranges (no multipart)", () => {
    expect(parseRange("bytes=0-10, 20-30", SIZE)).toEqual({ kind: "whole" });
  });

  it("ignores a malformed header or another unit, as the RFC asks", () => {
    for (const header of ["bytes=abc", "bytes=-", "items=0-10", "bytes=10-5", "0-10", "bytes=1.5-3"]) {
      expect(parseRange(header, SIZE), header).toEqual({ kind: "whole" });
    }
  });
});

describe("ifRangeMatches", () => {
  const lastModified = new Date("2026-01-02T03:04:05Z").toUTCString();
  it("allows the range when absent or when the date or strong tag matches", () => {
    expect(ifRangeMatches(null, { lastModified })).toBe(true);
    expect(ifRangeMatches(lastModified, { lastModified })).toBe(true);
    expect(ifRangeMatches('"abc"', { etag: '"abc"' })).toBe(true);
  });
  it("sends the whole file when the file changed or the tag is weak", () => {
    expect(ifRangeMatches(new Date("2025-01-01").toUTCString(), { lastModified })).toBe(false);
    expect(ifRangeMatches('"old"', { etag: '"abc"' })).toBe(false);
    expect(ifRangeMatches('W/"abc"', { etag: '"abc"' })).toBe(false);
    expect(ifRangeMatches(lastModified, {})).toBe(false);
  });
});
