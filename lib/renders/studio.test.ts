import { describe, expect, it } from "vitest";
import { creditsForOutputs } from "@/lib/billing/credits";
import { STUDIO_CREDIT_MULTIPLIER } from "@/lib/billing/plans";
import { exportRequestSchema } from "./export-options";
import { isStudioSize, studioBlockedReason, studioFields, studioRefusal } from "./studio";

const square = { label: "1:1", width: 1080, height: 1080 };
const portrait = { label: "4:5", width: 1080, height: 1350 };
const story = { label: "9:16", width: 1080, height: 1920 };

describe("Studio quality options", () => {
  it("the export request accepts studio as a quality (the server decides whether it may run)", () => {
    expect(exportRequestSchema.parse({ outputs: [square], quality: "studio" }).quality).toBe("studio");
    expect(exportRequestSchema.safeParse({ outputs: [square], quality: "cinema" }).success).toBe(false);
  });

  it("is refused while the server does not offer it, whatever the ratio", () => {
    expect(studioRefusal("studio", [square], { enabled: false })).toMatch(/not offered on this server/);
  });

  it("when offered, allows 1:1 and 4:5 (also scaled to the long-side cap) and names any other ratio", () => {
    const on = { enabled: true };
    expect(studioRefusal("studio", [square, portrait], on)).toBeNull();
    expect(isStudioSize({ width: 3277, height: 4096 })).toBe(true);
    expect(studioRefusal("studio", [square, story], on)).toMatch(/only for 1:1 and 4:5.*9:16 \(1080×1920\)/);
    expect(studioRefusal("final", [story], { enabled: false })).toBeNull();
  });

  it("the dialog's reason names what to untick; none when every image may be Studio", () => {
    expect(studioBlockedReason([square, portrait])).toBeNull();
    expect(studioBlockedReason([square, story, { label: "16:9", width: 1920, height: 1080 }])).toBe(
      "only for 1:1 and 4:5 images; untick 9:16, 16:9 to use it.",
    );
  });

  it("costs STUDIO_CREDIT_MULTIPLIER times a Final of the same size", () => {
    expect(creditsForOutputs([square, portrait], "studio")).toBe(2 * STUDIO_CREDIT_MULTIPLIER);
    expect(creditsForOutputs([square, portrait], "final")).toBe(2);
  });

  it("the Renders page says a drawing Studio image is path tracing, and shows the samples once done", () => {
    expect(studioFields("final", { status: "rendering", details: null }, 60)).toEqual({});
    expect(studioFields("studio", { status: "rendering", details: null }, 60).studio?.note).toBe(
      "Studio: path tracing, about 60 s per image",
    );
    const done = { status: "done", details: { studio: { samples: 7, traceMs: 60_000, budgetS: 60 } } };
    expect(studioFields("studio", done, 60)).toEqual({ studio: { note: null, samples: 7 } });
  });
});
