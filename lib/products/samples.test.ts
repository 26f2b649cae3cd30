import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { getBounds } from "@gltf-transform/core";
import { describe, expect, it } from "vitest";
import { createIO } from "@/scripts/generate-samples/assemble";
import { SAMPLE_PRODUCTS } from "./samples";

interface ValidatorReport {
  issues: {
    numErrors: number;
    numWarnings: number;
    messages: { code: string; message: string; severity: number; pointer?: string }[];
  };
  info?: { extensionsUsed?: string[] };
}
interface GltfValidator {
  validateBytes(data: Uint8Array, options?: { uri?: string; maxIssues?: number }): Promise<ValidatorReport>;
}

// gltf-validator ships without type declarations.
interface GlbJson {
  materials?: unknown[];
  meshes?: {
    primitives: {
      extensions?: { KHR_materials_variants?: { mappings: { material: number; variants: number[] }[] } };
    }[];
  }[];
  extensions?: { KHR_materials_variants?: { variants: { name: string }[] } };
}

function readGlbJson(bytes: Buffer): GlbJson {
  expect(bytes.toString("ascii", 0, 4)).toBe("glTF");
  const length = bytes.readUInt32LE(12);
  expect(bytes.toString("ascii", 16, 20)).toBe("JSON");
  return JSON.parse(bytes.toString("utf8", 20, 20 + length)) as GlbJson;
}

const validator = createRequire(import.meta.url)("gltf-validator") as GltfValidator;
const ROOT = path.resolve(__dirname, "../..");
const fileOf = (url: string) => path.join(ROOT, "public", url);

describe("SAMPLE_PRODUCTS manifest", () => {
  it("lists at least 6 products with unique ids and matching file names", () => {
    expect(SAMPLE_PRODUCTS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(SAMPLE_PRODUCTS.map((p) => p.id)).size).toBe(SAMPLE_PRODUCTS.length);
    for (const p of SAMPLE_PRODUCTS) {
      expect(p.id).toBe(`sample_${p.slug}`);
      expect(p.file).toBe(`/samples/${p.slug}.glb`);
      expect(p.name.length).toBeGreaterThan(0);
    }
    expect(SAMPLE_PRODUCTS.some((p) => p.variants.length >= 2)).toBe(true);
  });
});

describe.each(SAMPLE_PRODUCTS.map((p) => [p.slug, p] as const))("sample %s", (_slug, product) => {
  const file = fileOf(product.file);

  it("is a reasonably small GLB", () => {
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it("passes the Khronos glTF validator without errors", async () => {
    const report = await validator.validateBytes(new Uint8Array(readFileSync(file)), {
      uri: path.basename(file),
      maxIssues: 100,
    });
    const errors = report.issues.messages.filter((m) => m.severity === 0);
    expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
    expect(report.issues.numErrors).toBe(0);
  });

  it("matches the manifest (bounds, triangles, materials, variants)", async () => {
    const doc = await createIO().read(file);
    const root = doc.getRoot();
    const scene = root.getDefaultScene() ?? root.listScenes()[0];
    const { min, max } = getBounds(scene);
    const dims = [0, 1, 2].map((a) => max[a] - min[a]);
    dims.forEach((d, a) => expect(d).toBeCloseTo(product.dimensionsM[a], 4));
    // Standing on y = 0, centred on x/z.
    expect(min[1]).toBeCloseTo(0, 5);
    expect((min[0] + max[0]) / 2).toBeCloseTo(0, 4);
    expect((min[2] + max[2]) / 2).toBeCloseTo(0, 4);
    // Real-world product scale: between 2 cm and 40 cm on every axis.
    for (const d of dims) {
      expect(d).toBeGreaterThan(0.02);
      expect(d).toBeLessThan(0.4);
    }

    let triangles = 0;
    for (const mesh of root.listMeshes()) {
      for (const prim of mesh.listPrimitives()) {
        expect(prim.getAttribute("NORMAL")).not.toBeNull();
        if (prim.getMaterial()?.getBaseColorTexture()) expect(prim.getAttribute("TEXCOORD_0")).not.toBeNull();
        triangles += (prim.getIndices()?.getCount() ?? 0) / 3;
      }
    }
    expect(triangles).toBeGreaterThan(0);
    expect(triangles).toBe(product.triangles);
    expect(triangles).toBeGreaterThanOrEqual(2000);
    expect(triangles).toBeLessThanOrEqual(60000);

    const materialNames = root.listMaterials().map((m) => m.getName());
    for (const name of product.materials) expect(materialNames).toContain(name);

    // Variants: read straight from the GLB's JSON chunk.
    const gltf = readGlbJson(readFileSync(file));
    const declared = gltf.extensions?.KHR_materials_variants?.variants.map((v) => v.name) ?? [];
    expect(declared).toEqual(product.variants);
    const mapped = new Set<number>();
    for (const mesh of gltf.meshes ?? []) {
      for (const prim of mesh.primitives) {
        for (const m of prim.extensions?.KHR_materials_variants?.mappings ?? []) {
          m.variants.forEach((v) => mapped.add(v));
          expect(m.material).toBeLessThan(gltf.materials?.length ?? 0);
        }
      }
    }
    expect(mapped.size).toBe(product.variants.length);
  });
});

describe("sample thumbnails", () => {
  it("ship with the app, one PNG per sample", async () => {
    const { listSampleProducts } = await import("./catalog");
    for (const sample of listSampleProducts()) {
      expect(sample.thumbnailUrl).toMatch(/^\/samples\/[a-z-]+\.png$/);
      expect(statSync(path.join(__dirname, "..", "..", "public", sample.thumbnailUrl!)).size).toBeGreaterThan(10_000);
    }
  });
});
