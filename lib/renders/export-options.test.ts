import { describe, expect, it } from "vitest";
import { exportRequestSchema, planOutputs } from "./export-options";

describe("export options", () => {
  it("multiplies sizes and caps the long side at 4096 keeping the ratio", () => {
    const request = exportRequestSchema.parse({
      outputs: [
        { label: "1:1", width: 1080, height: 1080 },
        { label: "9:16", width: 1080, height: 1920 },
      ],
      multiplier: 4,
    });
    expect(planOutputs(request)).toEqual([
      { label: "1:1", width: 4096, height: 4096 },
      { label: "9:16", width: 2304, height: 4096 },
    ]);
  });

  it("refuses JPG with transparency and empty selections with field messages", () => {
    const jpg = exportRequestSchema.safeParse({
      outputs: [{ label: "1:1", width: 100, height: 100 }],
      format: "jpg",
      transparent: true,
    });
    expect(jpg.success).toBe(false);
    expect(jpg.error?.issues[0].path).toEqual(["transparent"]);
    const none = exportRequestSchema.safeParse({ outputs: [] });
    expect(none.error?.issues[0].message).toBe("Pick at least one format.");
  });
});
