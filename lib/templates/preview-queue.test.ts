import { describe, expect, it } from "vitest";
import { previewPriority, SAMPLE_PREVIEW_PRIORITY, waitingBefore } from "./preview-queue";

describe("preview priorities", () => {
  it("puts a workspace's n-th waiting preview at -n, so workspaces interleave", () => {
    expect(previewPriority(0, "prd_abc")).toBe(0);
    expect(previewPriority(40, "prd_abc")).toBe(-40);
  });

  it("ranks every sample preview below every preview of an own product", () => {
    expect(previewPriority(0, "sample_drink-can")).toBe(SAMPLE_PREVIEW_PRIORITY);
    // Even an absurd queue of own previews stays above the samples.
    expect(previewPriority(5000, "prd_abc")).toBeGreaterThan(previewPriority(0, "sample_drink-can"));
  });

  it("counts only the previews of the same class before a new one", () => {
    const waiting = { total: 60, samples: 53 };
    expect(waitingBefore(waiting, "prd_abc")).toBe(7);
    expect(waitingBefore(waiting, "sample_kraft-box")).toBe(53);
  });
});
