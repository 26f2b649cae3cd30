import fs from "node:fs";
import path from "node:path";
import { NodeIO } from "@gltf-transform/core";
import { ALL_EXTENSIONS } from "@gltf-transform/extensions";
import { MeshoptDecoder } from "meshoptimizer";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeWebReadyGlb, WEB_TEXTURE_MAX_PX } from "./web-model";

const ROOT = path.resolve(__dirname, "../..");

async function read(glb: Uint8Array) {
  await MeshoptDecoder.ready;
  const io = new NodeIO()
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ "meshopt.decoder": MeshoptDecoder });
  return io.readBinary(glb);
}

const triangles = (doc: Awaited<ReturnType<typeof read>>) =>
  doc
    .getRoot()
    .listMeshes()
    .flatMap((m) => m.listPrimitives())
    .reduce((n, p) => n + (p.getIndices()?.getCount() ?? p.getAttribute("POSITION")!.getCount()) / 3, 0);

describe("makeWebReadyGlb", () => {
  it("compresses a textured model to WebP and meshopt, keeping every triangle, at a fraction of the size", async () => {
    const source = fs.readFileSync(path.join(ROOT, "e2e/fixtures/models/BoomBox.glb"));
    const out = await makeWebReadyGlb(source);
    expect(out.byteLength).toBeLessThan(source.byteLength * 0.3);
    const [before, after] = [await read(source), await read(out)];
    expect(
      after
        .getRoot()
        .listExtensionsUsed()
        .map((e) => e.extensionName),
    ).toEqual(expect.arrayContaining(["EXT_meshopt_compression", "EXT_texture_webp"]));
    expect(triangles(after)).toBe(triangles(before));
    for (const texture of after.getRoot().listTextures()) {
      expect(texture.getMimeType()).toBe("image/webp");
      const meta = await sharp(texture.getImage()!).metadata();
      expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(WEB_TEXTURE_MAX_PX);
    }
  });

  it("shrinks an oversized texture to 2048 px and keeps a sample's colourways", async () => {
    const doc = await read(fs.readFileSync(path.join(ROOT, "public/samples/drink-can.glb")));
    // Noise, not one flat colour: prune() would fold a solid texture into the material's factor.
    const noise = await sharp({
      create: {
        width: 4096,
        height: 1024,
        channels: 3,
        background: "#000",
        noise: { type: "gaussian", mean: 128, sigma: 40 },
      },
    })
      .png()
      .toBuffer();
    const material = doc.getRoot().listMeshes()[0].listPrimitives()[0].getMaterial()!;
    material.setBaseColorTexture(doc.createTexture("big").setImage(noise).setMimeType("image/png"));
    const io = new NodeIO().registerExtensions(ALL_EXTENSIONS);
    const out = await read(await makeWebReadyGlb(await io.writeBinary(doc)));
    const image = out.getRoot().listTextures()[0].getImage()!;
    expect(await sharp(image).metadata()).toMatchObject({ format: "webp", width: 2048, height: 512 });
    const variants = out
      .getRoot()
      .listExtensionsUsed()
      .find((e) => e.extensionName === "KHR_materials_variants");
    expect(variants).toBeTruthy();
    expect(
      out
        .getRoot()
        .listExtensionsUsed()
        .map((e) => e.extensionName),
    ).toContain("EXT_meshopt_compression");
  });
});
