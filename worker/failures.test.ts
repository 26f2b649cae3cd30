import { describe, expect, it } from "vitest";
import { describeFailure, isPermanent, PermanentRenderError } from "./failures";

describe("render failure classification", () => {
  it("fails bad input at once and retries the rest", () => {
    expect(isPermanent(new PermanentRenderError("The scene is not valid"))).toBe(true);
    expect(isPermanent(new Error("page.waitForSelector: Timeout 60000ms exceeded."))).toBe(false);
    expect(isPermanent(new Error("Target page, context or browser has been closed"))).toBe(false);
  });

  it("says what happened in plain words", () => {
    expect(describeFailure(new Error("page.waitForSelector: Timeout 60000ms exceeded.\n  at ..."))).toBe("The renderer took too long to draw this image.");
    expect(describeFailure(new Error("Target page, context or browser has been closed"))).toBe("The renderer stopped unexpectedly.");
    expect(describeFailure(new PermanentRenderError("Product model is missing: prd_x"))).toBe("Product model is missing: prd_x");
  });
});
