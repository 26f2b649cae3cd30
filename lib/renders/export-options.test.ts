import { describe, expect, it } from "vitest";
import { allowedMultiplier, exportRequestSchema, multiplierOptions, planOutputs } from "./export-options";

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

describe("size multipliers a plan allows", () => {
  const social = [
    { width: 1080, height: 1080 },
    { width: 1080, height: 1350 },
    { width: 1080, height: 1920 },
    { width: 1920, height: 1080 },
  ];

  it("refuses 2× to 4× of the social set on the trial's 2048 px, each with its size", () => {
    const options = multiplierOptions(social, 2048);
    expect(options.map((o) => o.allowed)).toEqual([true, false, false, false]);
    expect(options[1].reason).toBe("3840 px is over the 2048 px limit");
    // 4× is capped at 4096 px like the export itself.
    expect(options[3].reason).toBe("4096 px is over the 2048 px limit");
  });

  it("refuses even 2× of a single square: 2160 px is over 2048 px", () => {
    expect(multiplierOptions([{ width: 1080, height: 1080 }], 2048)[1]).toMatchObject({ allowed: false });
    expect(multiplierOptions([{ width: 1000, height: 500 }], 2048).map((o) => o.allowed)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("allows every multiplier on a 4096 px plan, and 1× always", () => {
    expect(multiplierOptions(social, 4096).every((o) => o.allowed)).toBe(true);
    expect(multiplierOptions([{ width: 3000, height: 3000 }], 2048)[0]).toEqual({
      multiplier: 1,
      allowed: true,
      reason: null,
    });
  });

  it("falls back to the largest allowed multiplier below the one picked", () => {
    const options = multiplierOptions([{ width: 1000, height: 500 }], 2048);
    expect(allowedMultiplier(4, options)).toBe(2);
    expect(allowedMultiplier(2, options)).toBe(2);
    expect(allowedMultiplier(3, multiplierOptions(social, 2048))).toBe(1);
  });
});
