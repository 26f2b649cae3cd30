import { describe, expect, it } from "vitest";
import { createDefaultScene } from "../scene";
import { applyCommand, commands } from "./commands";

describe("setLook", () => {
  it("patches one field of a nested block and keeps the rest", () => {
    const doc = createDefaultScene({ productId: "sample_drink-can", seed: 1 });
    const out = commands.setLook(doc, { depthOfField: { enabled: true } });
    expect(out.look.depthOfField).toEqual({ enabled: true, fNumber: doc.look.depthOfField.fNumber });
    expect(out.look.ambientOcclusion).toEqual(doc.look.ambientOcclusion);
    expect(doc.look.depthOfField.enabled).toBe(false);
  });

  it("is validated like every command: an out-of-range aperture never reaches the document", () => {
    const doc = createDefaultScene({ productId: "sample_drink-can", seed: 1 });
    expect(() => applyCommand(doc, { type: "setLook", args: { depthOfField: { fNumber: 0.5 } } })).toThrow();
    expect(applyCommand(doc, { type: "setLook", args: { grade: "film", vignette: 0.2 } }).look).toMatchObject({
      grade: "film",
      vignette: 0.2,
    });
  });
});
