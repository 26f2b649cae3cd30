import { describe, expect, it } from "vitest";
import { createDefaultScene, SceneValidationError } from "@/lib/scene";
import { applyCommand, CommandError } from "./commands";

const base = createDefaultScene({ productId: "prd_x", productSize: [0.1, 0.2, 0.1] });

describe("overlay commands", () => {
  it("adds a logo top-left everywhere, then places it bottom-centre in 9:16 only", () => {
    let doc = applyCommand(base, { type: "addOverlay", args: { overlay: { kind: "logo", assetId: "bra_abc" } } });
    expect(doc.overlays).toEqual([
      {
        id: "logo-1",
        kind: "logo",
        assetId: "bra_abc",
        placements: { default: { anchor: "top-left", size: 0.14, visible: true } },
      },
    ]);
    doc = applyCommand(doc, {
      type: "setOverlayPlacement",
      args: { id: "logo-1", outputId: "story", placement: { anchor: "bottom-center" } },
    });
    expect(doc.overlays[0].placements).toEqual({
      default: { anchor: "top-left", size: 0.14, visible: true },
      story: { anchor: "bottom-center", size: 0.14, visible: true },
    });
    doc = applyCommand(doc, { type: "resetOverlayPlacement", args: { id: "logo-1", outputId: "story" } });
    expect(Object.keys(doc.overlays[0].placements)).toEqual(["default"]);
    expect(base.overlays).toEqual([]); // never mutated
  });

  it("edits a text line's words, font and colour, and refuses a font that is not bundled", () => {
    let doc = applyCommand(base, { type: "addOverlay", args: { overlay: { kind: "text", role: "price" } } });
    doc = applyCommand(doc, { type: "setOverlayText", args: { id: "price-1", text: "€39", fontId: "bebas-neue" } });
    expect(doc.overlays[0]).toMatchObject({ text: "€39", fontId: "bebas-neue", color: "#111827" });
    expect(() => applyCommand(doc, { type: "setOverlayText", args: { id: "price-1", fontId: "comic-sans" } })).toThrow(
      SceneValidationError,
    );
    expect(() => applyCommand(doc, { type: "setOverlayText", args: { id: "price-1", text: "  " } })).toThrow(
      SceneValidationError,
    );
  });

  it("removes overlays and names missing ones", () => {
    const doc = applyCommand(base, { type: "addOverlay", args: { overlay: { kind: "text", role: "cta" } } });
    expect(applyCommand(doc, { type: "removeOverlay", args: { id: "cta-1" } }).overlays).toEqual([]);
    expect(() => applyCommand(doc, { type: "removeOverlay", args: { id: "nope" } })).toThrow(CommandError);
  });

  it("stops at six overlays", () => {
    let doc = base;
    for (let i = 0; i < 6; i++)
      doc = applyCommand(doc, { type: "addOverlay", args: { overlay: { kind: "text", role: "headline" } } });
    expect(() => applyCommand(doc, { type: "addOverlay", args: { overlay: { kind: "text", role: "cta" } } })).toThrow(
      /at most 6/,
    );
  });
});
