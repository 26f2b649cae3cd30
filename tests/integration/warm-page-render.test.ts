/**
 * The worker draws scene after scene on one warm page. A scene must look the same there as on a fresh page: once,
 * the key light kept a shadow map drawn for the previous scene's stage, and the next scene's shadows floated on the
 * backdrop (components/scene/lights.tsx keys the light by its shadow frustum since). Drawn in real Chromium through
 * bench/quality's harness, like look-render.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { DEFAULT_LOOK, type LookSpec } from "@/lib/scene";
import { startHarness, type Harness } from "@/bench/quality/harness";

const SIZE = 400;
let harness: Harness;
let freshHarness: Harness;
beforeAll(async () => {
  [harness, freshHarness] = await Promise.all([startHarness(), startHarness()]);
}, 120_000);
afterAll(async () => Promise.all([harness?.close(), freshHarness?.close()]));

const NO_EFFECTS: LookSpec = { ...DEFAULT_LOOK, ambientOcclusion: { enabled: false, intensity: 1 } };

async function draw(templateId: string, look: LookSpec = NO_EFFECTS, on = harness): Promise<PNG> {
  const png = await on.draw({
    templateId,
    productId: "sample_drink-can",
    palette: null,
    width: SIZE,
    height: SIZE,
    quality: "final",
    patch: { look },
  });
  return PNG.sync.read(png);
}

/** Share of pixels whose colour differs by more than 12 levels in any channel. */
function changedShare(a: PNG, b: PNG): number {
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(
      Math.abs(a.data[i] - b.data[i]),
      Math.abs(a.data[i + 1] - b.data[i + 1]),
      Math.abs(a.data[i + 2] - b.data[i + 2]),
    );
    if (d > 12) changed++;
  }
  return changed / (a.width * a.height);
}

describe("a warm page draws each scene as a fresh page does", () => {
  it("draws a set after a scene with another stage as a fresh page draws it", async () => {
    const fresh = await draw("botanical-fern", NO_EFFECTS, freshHarness); // the first scene its page draws
    const other = await draw("minimal-ivory", DEFAULT_LOOK); // with ambient occlusion: the look's pipeline on
    const warm = await draw("botanical-fern"); // the same set, drawn next on the page that drew the other
    // The scene in between really is different (else this proves nothing)...
    expect(changedShare(fresh, other)).toBeGreaterThan(0.05);
    // ...and the set drawn after it matches the first drawing (a stale shadow changed about 4% of the frame).
    expect(changedShare(fresh, warm)).toBeLessThan(0.002);
  }, 180_000);
});
