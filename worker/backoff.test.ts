import { describe, expect, it } from "vitest";
import { backoffMs } from "./backoff";

describe("backoffMs", () => {
  it("waits 2 s after the first failure, doubles, and stays at 60 s", () => {
    const schedule = [1, 2, 3, 4, 5, 6, 7, 8, 50, 5000].map((n) => backoffMs(n));
    expect(schedule).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it("does not wait before the first try", () => {
    expect(backoffMs(0)).toBe(0);
  });
});
