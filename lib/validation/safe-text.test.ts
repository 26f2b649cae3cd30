import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  findUnsafeInput,
  isWellFormedId,
  MAX_INPUT_DEPTH,
  NUL_MESSAGE,
  refineSafeText,
  SURROGATE_MESSAGE,
  TOO_DEEP_MESSAGE,
  unsafeTextMessage,
} from "./safe-text";

describe("text Postgres cannot store", () => {
  it("refuses NUL and lone surrogates, keeps every real character", () => {
    expect(unsafeTextMessage("a\u0000b")).toBe(NUL_MESSAGE);
    expect(unsafeTextMessage("x\uD800")).toBe(SURROGATE_MESSAGE);
    expect(unsafeTextMessage("\uDC00x")).toBe(SURROGATE_MESSAGE);
    expect(unsafeTextMessage("\uDC00\uD800")).toBe(SURROGATE_MESSAGE); // a low then a high: both alone
    for (const fine of [
      "",
      "Kraft box",
      "😀 emoji pair",
      "\u202Eevil RTL",
      "'; drop table users; --",
      "<script>x</script>",
      "tab\tnew\nline",
      "日本語",
    ]) {
      expect(unsafeTextMessage(fine), JSON.stringify(fine)).toBeNull();
    }
  });

  it("works as a zod refinement with a field message", () => {
    const schema = z.object({ name: z.string().max(80).superRefine(refineSafeText) });
    const r = schema.safeParse({ name: "a\u0000" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["name"], message: NUL_MESSAGE });
    expect(schema.parse({ name: "Brand ✨" })).toEqual({ name: "Brand ✨" });
  });

  it("finds the first bad string or key anywhere in a body, with its path", () => {
    expect(findUnsafeInput({ a: [1, { b: "ok" }, { c: "x\u0000" }] })).toEqual({ path: "a.2.c", message: NUL_MESSAGE });
    expect(findUnsafeInput({ document: { ["k\u0000"]: 1 } })).toEqual({ path: "document", message: NUL_MESSAGE });
    expect(findUnsafeInput("\uD83D")).toEqual({ path: "_form", message: SURROGATE_MESSAGE });
    expect(findUnsafeInput({ name: "fine", n: 3, list: [null, true, "😀"] })).toBeNull();
    // FormData entries (File objects) and Dates are not walked.
    expect(findUnsafeInput({ file: new Blob(["\u0000"]), at: new Date() })).toBeNull();
  });

  it("refuses deep nesting without overflowing the stack", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeInput(deep)?.message).toBe(TOO_DEEP_MESSAGE);
    let ok: unknown = "leaf";
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { a: ok };
    expect(findUnsafeInput(ok)).toBeNull();
  });

  it("knows what can be an id", () => {
    for (const id of ["prd_0a1b2c", "sample_kraft-box", "studio", "tth_sec1x"])
      expect(isWellFormedId(id), id).toBe(true);
    for (const id of ["", "a\u0000", "../etc", "prd_ x", "x".repeat(81), "'; drop", "%00", "é"])
      expect(isWellFormedId(id), id).toBe(false);
  });
});
