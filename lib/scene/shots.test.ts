import { describe, expect, it } from "vitest";
import { createDefaultScene } from "./defaults";
import { safeParseScene } from "./parse";
import { sceneForShot, type Shot } from "./schema";

const scene = createDefaultScene({ productId: "sample_perfume", seed: 1 });
const topDown: Shot = {
  id: "shot-1",
  label: "Top-down",
  camera: { ...scene.camera, preset: "top-down", elevation: 89 },
  outputIds: ["square", "story"],
};

describe("shots in the scene document", () => {
  it("a document with shots parses; sceneForShot swaps in the shot's camera and nothing else", () => {
    const parsed = safeParseScene({ ...scene, shots: [topDown] });
    expect(parsed.success).toBe(true);
    const doc = parsed.success ? parsed.data : scene;
    const view = sceneForShot(doc, "shot-1");
    expect(view.camera.elevation).toBe(89);
    expect({ ...view, camera: doc.camera }).toEqual(doc);
    // The main shot, and a shot that is gone, are the document itself.
    expect(sceneForShot(doc, null)).toBe(doc);
    expect(sceneForShot(doc, "shot-9")).toBe(doc);
  });

  it("names the field of each bad shot", () => {
    const issues = (shots: unknown[]) => {
      const parsed = safeParseScene({ ...scene, shots });
      return parsed.success ? [] : parsed.issues;
    };
    expect(issues([{ ...topDown, outputIds: [] }])).toEqual([
      { path: "shots.0.outputIds", message: "a shot needs at least one ratio" },
    ]);
    expect(issues([{ ...topDown, outputIds: ["square", "square"] }])).toEqual([
      { path: "shots.0.outputIds", message: "a ratio is listed twice" },
    ]);
    expect(issues([{ ...topDown, outputIds: ["square", "banner"] }])).toEqual([
      {
        path: "shots.0.outputIds.1",
        message: 'shot "Top-down" names an output "banner" that is not in the document\'s outputs',
      },
    ]);
    expect(issues([topDown, { ...topDown, id: "shot-2", label: "TOP-DOWN" }])).toEqual([
      { path: "shots.1.label", message: 'another shot is already called "TOP-DOWN"' },
    ]);
    expect(issues([{ ...topDown, label: "Main view" }])[0].path).toBe("shots.0.label");
    expect(issues([topDown, { ...topDown, label: "Other" }])).toEqual([
      { path: "shots.1.id", message: 'duplicate id "shot-1"' },
    ]);
  });
});
