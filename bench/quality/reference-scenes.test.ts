/**
 * The fixed reference scenes stay valid, current scene documents showing what the issue names, and the
 * perceptual difference behaves as a difference (0 for the same picture, larger for a worse one).
 */
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { getSampleProduct } from "@/lib/products/samples";
import { parseScene } from "@/lib/scene/parse";
import { CURRENT_SCENE_VERSION } from "@/lib/scene";
import { dssim } from "./perceptual";
import { overBackdrop } from "./reference";
import { loadReferenceScenes } from "./reference-scene";

describe("bench:quality reference scenes", () => {
  const scenes = loadReferenceScenes();

  it("are three current documents that parse unchanged", () => {
    expect(scenes.map((s) => s.id)).toEqual(["glass-podium-props", "metal-rubber-marble", "textured-lifestyle"]);
    for (const scene of scenes) {
      expect(scene.document.version).toBe(CURRENT_SCENE_VERSION);
      expect(parseScene(scene.document)).toEqual(scene.document);
    }
  });

  it("show a glass product with props, a marble stage and a textured product, each on a visible floor", () => {
    const [glass, marble, textured] = scenes;
    expect(getSampleProduct(glass.productId)?.materials.join(" ")).toMatch(/glass/i);
    expect(glass.document.stage.podium).not.toBeNull();
    expect(glass.document.stage.props.length).toBeGreaterThan(0);
    expect(marble.document.stage.podium?.surface).toBe("marble");
    expect(getSampleProduct(marble.productId)?.materials).toEqual(expect.arrayContaining(["Gold", "Black rubber"]));
    expect(getSampleProduct(textured.productId)?.materials).toContain("Printed label");
    for (const scene of scenes) {
      // The path tracer needs a real surface for shadows and a colour (not screen-space) backdrop.
      expect(scene.document.stage.floor.visible).toBe(true);
      expect(scene.document.background.kind).toBe("solid");
    }
  });
});

function picture(noise: number): Buffer {
  const png = new PNG({ width: 64, height: 64 });
  let seed = 7;
  for (let i = 0; i < png.data.length; i += 4) {
    const x = (i / 4) % 64;
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const value = (x < 32 ? 60 : 200) + Math.round(((seed / 2 ** 31) * 2 - 1) * noise);
    png.data[i] = png.data[i + 1] = png.data[i + 2] = Math.max(0, Math.min(255, value));
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

describe("dssim", () => {
  it("is 0 for the same picture and grows with noise", () => {
    const clean = picture(0);
    expect(dssim(clean, clean)).toBe(0);
    const slightly = dssim(clean, picture(10));
    const very = dssim(clean, picture(60));
    expect(slightly).toBeGreaterThan(0);
    expect(very).toBeGreaterThan(slightly * 2);
  });

  it("at full resolution, sees fine detail that the 256 px view averages away", () => {
    // 512 px: a one-pixel checker of 100/156 against flat 128, which is the checker's average over any 2x2 block.
    const size = 512;
    const draw = (value: (x: number, y: number) => number) => {
      const png = new PNG({ width: size, height: size });
      for (let i = 0; i < size * size; i++) {
        png.data.fill(value(i % size, Math.floor(i / size)), i * 4, i * 4 + 3);
        png.data[i * 4 + 3] = 255;
      }
      return PNG.sync.write(png);
    };
    const flat = draw(() => 128);
    const checker = draw((x, y) => ((x + y) % 2 ? 100 : 156));
    expect(dssim(flat, checker)).toBeLessThan(0.01);
    expect(dssim(flat, checker, { fullResolution: true })).toBeGreaterThan(0.1);
  });

  it("refuses pictures of different sizes", () => {
    const small = PNG.sync.write(new PNG({ width: 8, height: 8 }));
    expect(() => dssim(picture(0), small)).toThrow(/sizes differ/);
  });
});

describe("a traced reference", () => {
  it("shows the scene's backdrop colour where the tracer's rays escaped (transparent), as Final draws it", async () => {
    const traced = new PNG({ width: 4, height: 4 });
    traced.data.fill(0); // every pixel transparent black: nothing hit
    traced.data.set([200, 100, 50, 255], 0); // one pixel hit something
    const [scene] = loadReferenceScenes();
    const flat = PNG.sync.read(await overBackdrop(PNG.sync.write(traced), scene));
    const backdrop = scene.document.background.kind === "solid" ? scene.document.background.color : "";
    const hex = (i: number) => "#" + [0, 1, 2].map((c) => flat.data[i * 4 + c].toString(16).padStart(2, "0")).join("");
    expect(hex(5)).toBe(backdrop.toLowerCase());
    expect(hex(0)).toBe("#c86432");
  });
});
