import { describe, expect, it } from "vitest";
import {
  creditsForOutputs,
  insufficientCreditsMessage,
  oversizeMessage,
  oversizeOutput,
  planAllowing,
} from "./credits";
import { creditsForOutput, getPlan, PAID_PLAN_IDS, PLANS } from "./plans";

/** A ledger balance is the sum of its deltas (the database sums them: lib/db/queries/billing.ts). */
const sumDeltas = (rows: { delta: number }[]): number => rows.reduce((sum, r) => sum + r.delta, 0);

describe("credit math", () => {
  it("charges one credit for any output up to 2048×2048 px", () => {
    expect(creditsForOutput(16, 16)).toBe(1);
    expect(creditsForOutput(1080, 1080)).toBe(1);
    expect(creditsForOutput(1080, 1920)).toBe(1);
    expect(creditsForOutput(2048, 2048)).toBe(1);
  });

  it("charges larger outputs by area, rounded up", () => {
    expect(creditsForOutput(2049, 2048)).toBe(2);
    expect(creditsForOutput(4096, 2048)).toBe(2);
    expect(creditsForOutput(3000, 3000)).toBe(3); // 9.0 MP / 4.19 MP = 2.15 -> 3
    expect(creditsForOutput(4096, 4096)).toBe(4);
    expect(creditsForOutput(4096, 2304)).toBe(3);
  });

  it("prices a batch as the sum of its outputs", () => {
    expect(creditsForOutputs([])).toBe(0);
    expect(
      creditsForOutputs([
        { width: 1080, height: 1080 },
        { width: 1080, height: 1350 },
        { width: 4096, height: 4096 },
      ]),
    ).toBe(6);
  });

  it("sums ledger deltas into the balance", () => {
    expect(sumDeltas([{ delta: 30 }, { delta: -1 }, { delta: -4 }, { delta: 4 }])).toBe(29);
    expect(sumDeltas([])).toBe(0);
  });

  it("knows each plan's limits", () => {
    const trial = getPlan("trial");
    expect(trial).toMatchObject({ monthlyCredits: 30, maxOutputPx: 2048, watermark: true, seats: 1 });
    for (const id of ["pro", "business"]) expect(getPlan(id)).toMatchObject({ maxOutputPx: 4096, watermark: false });
    expect(getPlan("nonsense").id).toBe("trial");
    expect(PLANS.filter((p) => p.watermark).map((p) => p.id)).toEqual(["trial"]);
  });

  it("finds outputs over the plan's long side and names the limit and the upgrade", () => {
    const trial = getPlan("trial");
    expect(oversizeOutput(trial, [{ width: 2048, height: 1152 }])).toBeNull();
    const big = oversizeOutput(trial, [
      { width: 1080, height: 1080 },
      { width: 2160, height: 3840 },
    ]);
    expect(big).toEqual({ width: 2160, height: 3840 });
    const msg = oversizeMessage(trial, big!, PAID_PLAN_IDS);
    expect(oversizeMessage(trial, big!, [])).not.toContain("Upgrade");
    expect(msg).toContain("2048 px");
    expect(msg).toContain("Upgrade to Pro");
    expect(msg).not.toContain("/settings/billing");
    expect(planAllowing(5000)).toBeNull();
  });

  it("offers no upgrade when this server sells no plans (billing off), and says the limit is the server's", () => {
    const trial = getPlan("trial");
    const msg = oversizeMessage(trial, { width: 3000, height: 1000 }, []);
    expect(msg).toBe(
      "On this server outputs can be at most 2048 px on the long side; this export asks for 3000×1000 px. Pick a smaller size.",
    );
    expect(msg).not.toMatch(/upgrade|billing|pro\b/i);
    expect(insufficientCreditsMessage(3, 1, [])).not.toMatch(/upgrade|billing/i);
    // Only plans on sale are offered: with only Business priced, Business is the upgrade.
    expect(oversizeMessage(trial, { width: 3000, height: 1000 }, ["business"])).toContain("Upgrade to Business");
    expect(planAllowing(3000, [])).toBeNull();
  });

  it("words the refusal for missing credits", () => {
    expect(insufficientCreditsMessage(1, 0, PAID_PLAN_IDS)).toMatch(
      /needs 1 render credit and your workspace has 0 left\. Upgrade/,
    );
    expect(insufficientCreditsMessage(3, -2, PAID_PLAN_IDS)).toContain("has 0 left");
  });
});
