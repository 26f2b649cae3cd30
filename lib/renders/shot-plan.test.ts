import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createDefaultScene, type SceneDocument } from "@/lib/scene";
import { exportRequestSchema } from "./export-options";
import { renderFileName } from "./file-names";
import { MAX_IMAGES_PER_EXPORT, planExport } from "./shot-plan";

const doc: SceneDocument = (() => {
  const scene = createDefaultScene({ productId: "sample_perfume", seed: 1 });
  return {
    ...scene,
    shots: [
      { id: "shot-1", label: "Top-down", camera: scene.camera, outputIds: ["story", "square"] },
      { id: "shot-2", label: "Detail", camera: scene.camera, outputIds: ["portrait"] },
    ],
  };
})();

const request = (raw: object) => exportRequestSchema.parse({ outputs: [], ...raw });
const sizes = (planned: ReturnType<typeof planExport>) => planned.map((p) => [p.label, p.width, p.height, p.shot?.id]);

describe("planExport: shots x ratios", () => {
  it("main formats first, then each shot's ratios in its own order, all at the multiplier and capped", () => {
    const planned = planExport(doc, request({ outputs: [{ label: "1:1", width: 1080, height: 1080 }], multiplier: 3 }));
    expect(sizes(planned)).toEqual([
      ["1:1", 3240, 3240, undefined],
      ["Top-down · 9:16", 2304, 4096, "shot-1"],
      ["Top-down · 1:1", 3240, 3240, "shot-1"],
      ["Detail · 4:5", 3240, 4050, "shot-2"],
    ]);
    expect(planned[1].ratio).toBe("9:16");
  });

  it("renders only the shots asked for; [] none; a lower cap shrinks them (a test key's drafts)", () => {
    expect(sizes(planExport(doc, request({ shots: ["shot-2"] }), { maxPx: 512 }))).toEqual([
      ["Detail · 4:5", 410, 512, "shot-2"],
    ]);
    const mainOnly = planExport(doc, request({ outputs: [{ label: "1:1", width: 100, height: 100 }], shots: [] }));
    expect(mainOnly.map((p) => p.shot)).toEqual([null]);
  });

  it("refuses an unknown shot by name, and more than the ceiling", () => {
    expect(() => planExport(doc, request({ shots: ["shot-9"] }))).toThrow(AppError);
    const many = {
      ...doc,
      outputs: Array.from({ length: 16 }, (_, i) => ({ id: `o${i}`, label: `O${i}`, width: 100 + i, height: 100 })),
    };
    const eight = Array.from({ length: 8 }, (_, i) => ({
      ...doc.shots[0],
      id: `s${i}`,
      label: `S${i}`,
      outputIds: many.outputs.map((o) => o.id),
    }));
    expect(() => planExport({ ...many, shots: eight }, request({ shots: eight.map((s) => s.id) }))).toThrow(
      `This export asks for 128 images; at most ${MAX_IMAGES_PER_EXPORT} at once.`,
    );
  });

  it("an export with no main format needs a shot", () => {
    expect(exportRequestSchema.safeParse({ outputs: [] }).error?.issues[0].message).toBe("Pick at least one format.");
    expect(exportRequestSchema.safeParse({ outputs: [], shots: [] }).error?.issues[0].message).toBe(
      "Pick at least one format.",
    );
    expect(exportRequestSchema.safeParse({ outputs: [], shots: ["shot-1"] }).success).toBe(true);
  });

  it("file names carry the shot; the main shot's stay as they were", () => {
    const base = {
      productName: "Lantern",
      sceneName: "Lantern · Ivory minimal",
      width: 1080,
      height: 1920,
      format: "png",
    };
    expect(renderFileName({ ...base, label: "9:16", shotLabel: "Top-down" })).toBe(
      "lantern_ivory-minimal_top-down_9x16_1080x1920.png",
    );
    expect(renderFileName({ ...base, label: "9:16" })).toBe("lantern_ivory-minimal_9x16_1080x1920.png");
  });
});
