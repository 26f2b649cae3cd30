/**
 * Final video frames in real pixels (issue 14): the app's own SceneCanvas drawn in headless Chromium (llvmpipe, as
 * the worker draws) through bench/quality's harness, no server needed. A video frame takes a cheaper path than a
 * still (no multisampled canvas), so these check what a viewer would notice if that path cut a corner: the
 * turning product's silhouette keeps its antialiasing (a stair-stepped edge shimmers in motion), and a frame is
 * the same picture every time it is drawn (frame i at t = i / fps, whatever was drawn before it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { DEFAULT_LOOK, type LookSpec, type MotionSpec } from "@/lib/scene";
import { startHarness, type Harness } from "@/bench/quality/harness";
import type { DrawJob } from "@/bench/quality/page";
import { edgeSoftness } from "@/bench/quality/edge-softness";

const SIZE = 540;
const TURNTABLE: MotionSpec = { move: "turntable", durationS: 2, fps: 30 };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 120_000);
afterAll(async () => harness?.close());

let drawn = 0;
async function draw(job: Partial<DrawJob>, look: LookSpec = DEFAULT_LOOK): Promise<PNG> {
  const png = await harness.draw({
    templateId: "minimal-ivory",
    productId: "sample_drink-can",
    palette: null,
    width: SIZE,
    height: SIZE,
    quality: "final",
    ...job,
    patch: { look, motion: TURNTABLE },
  });
  // LOOK_SHOTS=dir keeps every drawn frame, to look at what a failing assertion saw.
  if (process.env.LOOK_SHOTS) writeFileSync(path.join(process.env.LOOK_SHOTS, `video-${++drawn}.png`), png);
  return PNG.sync.read(png);
}

/** The open backdrop above the podium, where the can's sides and rim meet the background. */
const silhouette = (png: PNG) => edgeSoftness(png, { rows: [0, 0.6] });

describe("Final video frames, rendered", () => {
  it("keep the product's silhouette as smooth as a Final still's", async () => {
    // Frame 0 of a turntable is the still's pose: the same edges, drawn by the two paths.
    const still = silhouette(await draw({}));
    const frame = silhouette(await draw({ time: 0 }));
    // The measure sees aliasing here: Draft (no antialiasing at all) is clearly harder-edged.
    const draft = silhouette(await draw({ quality: "draft" }));
    expect(still.crossings).toBeGreaterThan(200);
    expect(draft.soft).toBeLessThan(still.soft * 0.6);
    expect(frame.crossings).toBeGreaterThan(still.crossings * 0.8);
    expect(frame.soft).toBeGreaterThan(still.soft * 0.85);
  }, 180_000);

  it("darken where things meet with ambient occlusion about as much as a Final still does", async () => {
    // The video tier applies N8AO's half-resolution AO with the look's own composite (LOOK_TIERS.video): the
    // occlusion must still be there, in about the still's amount (not dropped, not doubled). Without AO the look
    // keeps a negligible vignette, so both pictures take the same look path and differ only by the AO.
    const noAo: LookSpec = {
      ...DEFAULT_LOOK,
      ambientOcclusion: { ...DEFAULT_LOOK.ambientOcclusion, enabled: false },
      vignette: 0.001,
    };
    const darkened = (withAo: PNG, without: PNG) => {
      let count = 0;
      for (let i = 0; i < withAo.data.length; i += 4) {
        const luma = (png: PNG) => 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2];
        if (luma(without) - luma(withAo) > 6) count++;
      }
      return count;
    };
    const still = darkened(await draw({}), await draw({}, noAo));
    const frame = darkened(await draw({ time: 0 }), await draw({ time: 0 }, noAo));
    // About 11,000 pixels of a 540x540 frame for this scene, in either.
    expect(still).toBeGreaterThan(3000);
    expect(frame).toBeGreaterThan(still * 0.7);
    expect(frame).toBeLessThan(still * 1.4);
  }, 180_000);

  it("draw the same frame the same way every time, whatever was drawn before", async () => {
    const look: LookSpec = { ...DEFAULT_LOOK, grain: 0.3, vignette: 0.2 };
    const first = await draw({ time: 0.5 }, look);
    const other = await draw({ time: 1 }, look);
    const again = await draw({ time: 0.5 }, look);
    expect(Buffer.compare(first.data, again.data)).toBe(0);
    expect(Buffer.compare(first.data, other.data)).not.toBe(0);
  }, 180_000);
});
