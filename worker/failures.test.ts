import { afterEach, describe, expect, it, vi } from "vitest";
import { RENDER_FAILURE, shownRenderError } from "@/lib/renders/failure-messages";
import { describeFailure, isPermanent, PermanentRenderError } from "./failures";

afterEach(() => vi.restoreAllMocks());

describe("render failure classification", () => {
  it("fails bad input at once and retries the rest", () => {
    expect(isPermanent(new PermanentRenderError("The scene is not valid"))).toBe(true);
    expect(isPermanent(new Error("page.waitForSelector: Timeout 60000ms exceeded."))).toBe(false);
    expect(isPermanent(new Error("Target page, context or browser has been closed"))).toBe(false);
  });

  it("says what happened in plain words, never the raw error", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const cases: [unknown, string][] = [
      [new Error("page.waitForSelector: Timeout 60000ms exceeded.\n  at ..."), RENDER_FAILURE.timeout],
      [new Error("Target page, context or browser has been closed"), RENDER_FAILURE.crash],
      [
        new PermanentRenderError("The product model is missing (prd_x); it may have been deleted."),
        RENDER_FAILURE.missingModel,
      ],
      [new PermanentRenderError("The scene snapshot is not valid: products.0 Required"), RENDER_FAILURE.scene],
      [
        new Error(
          "page.evaluate: Error: The product model could not be loaded (HTTP 404)\n    at render (http://localhost/_next/x.js:1:2)",
        ),
        RENDER_FAILURE.model,
      ],
      [
        new Error("page.evaluate: TypeError: Cannot read properties of undefined (reading 'attributes')"),
        RENDER_FAILURE.unknown,
      ],
      [new Error("The captured image is blank (a single flat colour)"), RENDER_FAILURE.badImage],
      [
        Object.assign(new Error("ENOSPC: no space left on device, open '/srv/data/x.png'"), { code: "ENOSPC" }),
        RENDER_FAILURE.storage,
      ],
      ["a thrown string", RENDER_FAILURE.unknown],
    ];
    for (const [err, want] of cases) expect(describeFailure(err), String(err)).toBe(want);
  });

  it("keeps the technical detail in the log, without query values", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    describeFailure(new Error("page.evaluate: Error: boom\nparams: $2b$11$secret"));
    const logged = warn.mock.calls.flat().join(" ");
    expect(logged).toContain("page.evaluate: Error: boom");
    expect(logged).not.toContain("$2b$11$secret");
  });

  it("the page shows only known sentences (old rows with raw errors become generic)", () => {
    expect(shownRenderError(RENDER_FAILURE.timeout)).toBe(RENDER_FAILURE.timeout);
    expect(shownRenderError(`Retrying: ${RENDER_FAILURE.crash}`)).toBe(`Retrying: ${RENDER_FAILURE.crash}`);
    expect(shownRenderError("page.evaluate: TypeError: x is undefined\n    at y")).toBe(RENDER_FAILURE.unknown);
    expect(shownRenderError("Retrying: Render session page answered 500")).toBe(`Retrying: ${RENDER_FAILURE.unknown}`);
    expect(shownRenderError(null)).toBeNull();
  });
});
