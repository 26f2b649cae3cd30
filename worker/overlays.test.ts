import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { createDefaultScene, parseScene, type SceneDocument } from "@/lib/scene";
import type { StorageDriver } from "@/lib/storage";
import { encodeAndCheck } from "./encode";
import { buildOverlayLayer } from "./overlays";
import { watermarkLayout } from "./watermark";

// Text overlays need neither the database nor storage (logos do: tests/integration and e2e cover them).
const deps = { db: null as unknown as Database, storage: null as unknown as StorageDriver };

function sceneWithText(anchor: "top-left", story?: "bottom-center"): SceneDocument {
  const doc = createDefaultScene({ productId: "prd_x", productSize: [0.1, 0.2, 0.1] });
  return parseScene({
    ...doc,
    overlays: [
      {
        id: "headline",
        kind: "text",
        role: "headline",
        text: "NEW SERUM",
        fontId: "bebas-neue",
        color: "#ff00ff",
        placements: {
          default: { anchor, size: 0.1, visible: true },
          ...(story ? { story: { anchor: story, size: 0.1, visible: true } } : {}),
        },
      },
    ],
  });
}

async function magentaBounds(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (data[i + 3] > 200 && data[i] > 200 && data[i + 1] < 60 && data[i + 2] > 200) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  return { minX, minY, maxX, maxY };
}

describe("overlay layer", () => {
  it("sets a text line in its bundled font where its anchor says, per output", async () => {
    const doc = sceneWithText("top-left", "bottom-center");
    const square = await buildOverlayLayer(deps, "ws", doc, { width: 1080, height: 1080 });
    const b = await magentaBounds(square!.png);
    // Top-left of the 5% margin (54 px); 10% of 1080 = 108 px tall box.
    expect(b.minX).toBeGreaterThanOrEqual(54);
    expect(b.minX).toBeLessThan(54 + 20);
    expect(b.minY).toBeGreaterThanOrEqual(54);
    expect(b.maxY).toBeLessThan(54 + 108);
    const story = await buildOverlayLayer(deps, "ws", doc, { width: 1080, height: 1920 });
    const s = await magentaBounds(story!.png);
    expect(Math.abs((s.minX + s.maxX) / 2 - 540)).toBeLessThan(12); // centred
    expect(s.maxY).toBeLessThanOrEqual(1920 - 384); // above the bottom 20% UI zone
    expect(s.maxY).toBeGreaterThan(1920 - 384 - 108);
  });

  it("draws nothing where the placement is hidden", async () => {
    const doc = sceneWithText("top-left");
    const hidden = parseScene({
      ...doc,
      overlays: doc.overlays.map((o) => ({
        ...o,
        placements: { default: { ...o.placements.default, visible: false } },
      })),
    });
    expect(await buildOverlayLayer(deps, "ws", hidden, { width: 512, height: 512 })).toBeNull();
  });

  it("keeps the trial watermark on top of an overlay in the same corner", async () => {
    const [width, height] = [1080, 1080];
    // Layout keeps overlays clear of the mark's corner; the order still matters when one is drawn large there.
    const layer = {
      png: await sharp({ create: { width, height, channels: 4, background: { r: 255, g: 0, b: 255, alpha: 1 } } })
        .png()
        .toBuffer(),
    };
    const grey = await sharp({ create: { width, height, channels: 4, background: { r: 90, g: 90, b: 90, alpha: 1 } } })
      .composite([
        { input: { create: { width: 50, height: 50, channels: 4, background: "#000" } }, left: 500, top: 500 },
      ])
      .raw()
      .toBuffer();
    const frame = { rgba: grey, width, height };
    const base = { format: "png" as const, width, height, transparent: false, watermark: true };
    const withOverlay = await encodeAndCheck(frame, { ...base, overlay: layer.png });
    const markOnly = await encodeAndCheck(frame, base);
    const mark = watermarkLayout(width, height)!;
    const region = { left: mark.left, top: mark.top, width: mark.width, height: mark.height };
    const a = await sharp(withOverlay.bytes).extract(region).raw().toBuffer();
    const b = await sharp(markOnly.bytes).extract(region).raw().toBuffer();
    // Wherever the watermark drew white, the overlay's magenta does not show through.
    let whiteInMark = 0;
    for (let i = 0; i < b.length; i += 3) {
      if (b[i] > 240 && b[i + 1] > 240 && b[i + 2] > 240) {
        whiteInMark++;
        expect(Math.abs(a[i + 1] - b[i + 1])).toBeLessThan(20);
      }
    }
    expect(whiteInMark).toBeGreaterThan(50);
  });
});
