import { describe, expect, it } from "vitest";
import { exportLimitsFor } from "./export-limits";
import { getPlan } from "./plans";

describe("export limits the dialog is given", () => {
  it("without billing: the trial's limit, nothing for sale, no upgrade", () => {
    expect(exportLimitsFor(getPlan("trial"), [], 4096)).toEqual({
      planName: "Free trial",
      maxOutputPx: 2048,
      billing: false,
      upgrade: null,
    });
  });

  it("with billing: the cheapest plan on sale that allows the largest outputs", () => {
    expect(exportLimitsFor(getPlan("trial"), ["pro", "business"], 4096).upgrade).toEqual({
      planName: "Pro",
      maxOutputPx: 4096,
    });
    expect(exportLimitsFor(getPlan("trial"), ["business"], 4096).upgrade?.planName).toBe("Business");
    // A plan that already allows the most needs no upgrade.
    expect(exportLimitsFor(getPlan("pro"), ["pro", "business"], 4096)).toMatchObject({ billing: true, upgrade: null });
  });
});
