import { describe, expect, it } from "vitest";
import { OVERLAY_ANCHORS, type Overlay } from "@/lib/scene";
import { overlayRect, placementFor, safeArea } from "./layout";

const inside = (r: { left: number; top: number; width: number; height: number }, s: typeof r) =>
  r.left >= s.left && r.top >= s.top && r.left + r.width <= s.left + s.width && r.top + r.height <= s.top + s.height;

describe("safeArea", () => {
  it("keeps 9:16 overlays out of the top 14% and bottom 20% (Reels/TikTok/Stories chrome)", () => {
    expect(safeArea(1080, 1920)).toEqual({ left: 65, top: 269, width: 950, height: 1267 });
  });
  it("uses a 5% margin of the shorter side for feed ratios", () => {
    expect(safeArea(1080, 1080)).toEqual({ left: 54, top: 54, width: 972, height: 972 });
    expect(safeArea(1920, 1080)).toEqual({ left: 54, top: 54, width: 1812, height: 972 });
    expect(safeArea(1080, 1350)).toEqual({ left: 54, top: 54, width: 972, height: 1242 });
  });
});

describe("overlayRect", () => {
  it("anchors top-left in 1:1 at the margin, sized from the shorter side", () => {
    expect(overlayRect("top-left", 0.2, 2, 1080, 1080)).toEqual({ left: 54, top: 54, width: 432, height: 216 });
  });
  it("anchors bottom-centre in 9:16 just above the bottom UI zone", () => {
    const r = overlayRect("bottom-center", 0.2, 1, 1080, 1920);
    expect(r).toEqual({ left: 432, top: 1320, width: 216, height: 216 });
    expect(r.top + r.height).toBe(1920 - 384);
  });
  it("puts the thirds and the centre where their names say", () => {
    const c = overlayRect("center", 0.1, 1, 1000, 1000);
    expect(c.left + c.width / 2).toBe(500);
    expect(c.top + c.height / 2).toBe(500);
    const r = overlayRect("middle-right", 0.1, 1, 1000, 1000);
    expect(r.left + r.width).toBe(950);
  });
  it("stays inside the safe area for every anchor, ratio and size, shrinking what is too wide", () => {
    for (const [w, h] of [
      [1080, 1080],
      [1080, 1920],
      [1920, 1080],
      [1080, 1350],
      [64, 64],
    ]) {
      for (const anchor of OVERLAY_ANCHORS) {
        for (const [size, aspect] of [
          [0.02, 1],
          [0.6, 1],
          [0.3, 8],
          [0.6, 0.2],
        ]) {
          const r = overlayRect(anchor, size, aspect, w, h);
          expect(inside(r, safeArea(w, h)), `${anchor} ${size} ${aspect} in ${w}x${h}`).toBe(true);
          // Rounding to whole pixels bends the aspect of a tiny box only.
          if (r.height >= 16 && r.width >= 16) expect(Math.abs(r.width / r.height - aspect) / aspect).toBeLessThan(0.1);
        }
      }
    }
  });
});

describe("placementFor", () => {
  const outputs = [
    { id: "square", label: "1:1", width: 1080, height: 1080 },
    { id: "story", label: "9:16", width: 1080, height: 1920 },
  ];
  const logo: Overlay = {
    id: "logo",
    kind: "logo",
    assetId: "bra_x",
    placements: {
      default: { anchor: "top-left", size: 0.1, visible: true },
      story: { anchor: "bottom-center", size: 0.2, visible: true },
    },
  };
  it("uses the output's own entry, by size then by ratio, else the default", () => {
    expect(placementFor(logo, outputs, 1080, 1920).anchor).toBe("bottom-center");
    expect(placementFor(logo, outputs, 2160, 3840).anchor).toBe("bottom-center");
    expect(placementFor(logo, outputs, 1080, 1080).anchor).toBe("top-left");
    expect(placementFor(logo, outputs, 1920, 1080).anchor).toBe("top-left");
  });
});
