import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { WorkspaceCaller } from "@/lib/auth/caller";
import { createRequire } from "node:module";
import { getBounds, NodeIO } from "@gltf-transform/core";
import { ALL_EXTENSIONS } from "@gltf-transform/extensions";
import { draco, meshopt } from "@gltf-transform/functions";
import { zipSync } from "fflate";
import { MeshoptEncoder } from "meshoptimizer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBoss } from "@/lib/jobs/boss";
import { jobKind } from "@/lib/jobs/registry";
import { requestProductThumbnail } from "@/lib/products/product-thumbnail";
import { listProducts } from "@/lib/db/queries/products";
import { AppError } from "@/lib/errors";
import { findProduct } from "@/lib/products/catalog";
import type { UploadLimits } from "@/lib/products/limits";
import {
  createProductFromUpload,
  deleteProduct,
  getProduct,
  listWorkspaceProducts,
  openProductFile,
  renameProduct,
  saveThumbnail,
  setProductUnit,
} from "@/lib/products/product-service";
import { readUploadRequest } from "@/lib/products/read-upload";
import { UNIT_OPTIONS, unitSuggestionText } from "@/lib/products/units";
import { productPrefix, setStorageForTests } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import {
  asSeparateGltf,
  badInputs,
  fixture,
  FIXTURE_MODELS,
  scaled,
  zipBomb,
  zipWithManyEntries,
  type NamedFile,
} from "../fixtures/bad-models";
import { db, seedOwner, ownerCaller } from "./helpers";

const LIMITS: UploadLimits = { maxBytes: 20 * 1024 * 1024, maxUnzippedBytes: 40 * 1024 * 1024, maxZipEntries: 1000 };
let storageDir: string;
let storage: LocalStorage;

beforeAll(() => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-storage-"));
  storage = new LocalStorage(storageDir);
  setStorageForTests(storage);
});
afterAll(() => {
  setStorageForTests(undefined);
  fs.rmSync(storageDir, { recursive: true, force: true });
});

async function owner(prefix: string) {
  const o = await seedOwner(prefix);
  return { ...o, ctx: ownerCaller(o) };
}

const upload = (ctx: WorkspaceCaller, files: NamedFile[], limits = LIMITS) =>
  createProductFromUpload(db(), ctx, files, { limits, storage });

function filesUnder(prefix: string): string[] {
  const dir = path.join(storageDir, prefix);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map(String);
}

async function expectRefused(
  ctx: WorkspaceCaller,
  files: NamedFile[],
  status: number,
  message: RegExp,
  limits = LIMITS,
) {
  const err = await upload(ctx, files, limits).catch((e) => e);
  expect(err).toBeInstanceOf(AppError);
  expect(err.message).toMatch(message);
  expect(err.status).toBe(status);
  // Nothing left behind: no row, no files.
  expect(await listProducts(db(), ctx.workspaceId)).toHaveLength(0);
  expect(filesUnder(`workspaces/${ctx.workspaceId}/`)).toEqual([]);
  return err as AppError;
}

async function ownBounds(bytes: Uint8Array) {
  const doc = await new NodeIO().registerExtensions(ALL_EXTENSIONS).readBinary(bytes);
  const { min, max } = getBounds(doc.getRoot().listScenes()[0]);
  return [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const PRODUCT_THUMBNAIL_QUEUE = jobKind("product-thumbnail").queue;

describe("product uploads: the fixture models", () => {
  for (const name of FIXTURE_MODELS) {
    it(`accepts ${name} with its real dimensions and a grounded, centred web copy`, async () => {
      const o = await owner(`fx-${name.toLowerCase().replace(/\W/g, "")}`);
      const bytes = fixture(name);
      const product = await upload(o.ctx, [{ name, bytes }]);
      const expected = await ownBounds(bytes);
      // Real dimensions: as authored, times the unit the upload applied when they were implausible (BoomBox).
      const scale = UNIT_OPTIONS[product.unit!].scale;
      product.dimensionsM.forEach((v, i) => expect(v).toBeCloseTo(expected[i] * scale, 5));
      expect(product.triangles).toBeGreaterThan(0);
      expect(product.materials.length).toBeGreaterThan(0);
      expect(product.name).toBe(name.replace(/\.glb$/, "").replace(/^./, (c) => c.toUpperCase()));

      const model = await openProductFile(db(), o.workspaceId, product.id, "model", { storage });
      const doc = await new NodeIO().registerExtensions(ALL_EXTENSIONS).readBinary(await readStream(model.stream));
      const { min, max } = getBounds(doc.getRoot().listScenes()[0]);
      expect(min[1]).toBeCloseTo(0, 6);
      expect((min[0] + max[0]) / 2).toBeCloseTo(0, 6);
      expect((min[2] + max[2]) / 2).toBeCloseTo(0, 6);

      const original = await openProductFile(db(), o.workspaceId, product.id, "original", { storage });
      expect(Buffer.from(await readStream(original.stream)).equals(Buffer.from(bytes))).toBe(true);

      const info = await findProduct(o.workspaceId, product.id);
      expect(info).toMatchObject({
        id: product.id,
        url: expect.stringMatching(`^/api/products/${product.id}/model`),
        sample: false,
      });
      expect(info?.materials).toEqual(product.materials);
    });
  }

  it("measures WaterBottle at about 0.11 × 0.26 × 0.11 m", async () => {
    const o = await owner("bottle");
    const product = await upload(o.ctx, [{ name: "WaterBottle.glb", bytes: fixture("WaterBottle.glb") }]);
    expect(product.dimensionsM[0]).toBeCloseTo(0.1089, 3);
    expect(product.dimensionsM[1]).toBeCloseTo(0.2604, 3);
    expect(product.dimensionsM[2]).toBeCloseTo(0.1089, 3);
    expect(product.suggestedUnit).toBeNull();
    // The render worker is asked for its library thumbnail.
    const boss = await getBoss("web");
    expect(
      await boss.findJobs(PRODUCT_THUMBNAIL_QUEUE, { data: { productId: product.id }, queued: true }),
    ).toHaveLength(1);
  });

  it("accepts a .gltf with its .bin and textures, and the same as a .zip in a folder", async () => {
    const o = await owner("gltf");
    const files = await asSeparateGltf("WaterBottle.glb");
    expect(files.length).toBeGreaterThan(2);
    const a = await upload(o.ctx, files);
    expect(a.originalFilename).toBe("bottle.zip");
    const zip = {
      name: "bottle-pack.zip",
      bytes: zipSync(Object.fromEntries(files.map((f) => [`export/${f.name}`, f.bytes]))),
    };
    const b = await upload(o.ctx, [zip]);
    expect(b.dimensionsM).toEqual(a.dimensionsM);
    expect(b.triangles).toBe(a.triangles);
  });

  it("accepts Draco- and meshopt-compressed models (decoded locally)", async () => {
    const o = await owner("compressed");
    const req = createRequire(import.meta.url);
    await MeshoptEncoder.ready;
    const io = new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({
      "draco3d.encoder": await req("draco3dgltf").createEncoderModule(),
      "draco3d.decoder": await req("draco3dgltf").createDecoderModule(),
      "meshopt.encoder": MeshoptEncoder,
    });
    const expected = await ownBounds(fixture("WaterBottle.glb"));
    for (const [label, transform] of [
      ["draco", draco()],
      ["meshopt", meshopt({ encoder: MeshoptEncoder })],
    ] as const) {
      const doc = await io.readBinary(fixture("WaterBottle.glb"));
      await doc.transform(transform);
      const bytes = await io.writeBinary(doc);
      expect(
        JSON.stringify(
          doc
            .getRoot()
            .listExtensionsUsed()
            .map((e) => e.extensionName),
        ),
      ).toMatch(/draco|meshopt/);
      const product = await upload(o.ctx, [{ name: `${label}.glb`, bytes }]);
      product.dimensionsM.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 2));
    }
  });
});

describe("product uploads: bad input leaves nothing behind", async () => {
  for (const bad of await badInputs()) {
    it(`refuses ${bad.label} with ${bad.status}`, async () => {
      const o = await owner("bad");
      await expectRefused(o.ctx, bad.files, bad.status, bad.message);
    });
  }

  it("refuses a zip bomb by its total uncompressed size", async () => {
    const o = await owner("bomb");
    const bomb = zipBomb(64);
    expect(bomb.bytes.byteLength).toBeLessThan(1024 * 1024);
    await expectRefused(o.ctx, [bomb], 413, /unpacks to more than 40 MB/);
  });

  it("refuses a zip with thousands of entries", async () => {
    const o = await owner("many");
    await expectRefused(o.ctx, [zipWithManyEntries(3000)], 422, /more than 1000 files/);
  });

  it("refuses a file over the size limit (413)", async () => {
    const o = await owner("big");
    await expectRefused(
      o.ctx,
      [{ name: "WaterBottle.glb", bytes: fixture("WaterBottle.glb") }],
      413,
      /larger than 0\.1 MB/,
      {
        ...LIMITS,
        maxBytes: 100 * 1024,
      },
    );
  });

  it("refuses an oversized request from its Content-Length before reading the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request("http://x/api/products", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(500 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    const err = await readUploadRequest(request, LIMITS).catch((e) => e);
    expect(err.status).toBe(413);
    expect(err.message).toMatch(/larger than 20 MB/);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("stops counting bytes at the limit when there is no Content-Length", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024));
        if (sent > 200 * 1024 * 1024) controller.close();
      },
    });
    const request = new Request("http://x/api/products", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const err = await readUploadRequest(request, LIMITS).catch((e) => e);
    expect(err.status).toBe(413);
    expect(sent).toBeLessThan(30 * 1024 * 1024);
  });

  it("applies the likely unit at upload (a model in millimetres) and undoes it in one step", async () => {
    const o = await owner("units");
    const expected = await ownBounds(fixture("WaterBottle.glb"));
    const big = await upload(o.ctx, [{ name: "bottle-mm.glb", bytes: await scaled("WaterBottle.glb", 1000) }]);
    // Stored at the fixed scale: the real size, the web-ready copy re-scaled and still standing on the ground.
    big.dimensionsM.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
    expect(big.unit).toBe("mm");
    expect(big.appliedUnit).toBe("mm");
    expect(big.suggestedUnit).toBeNull();
    const stored = await openProductFile(db(), o.workspaceId, big.id, "model", { storage });
    (await ownBounds(await readStream(stored.stream))).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));

    const boss = await getBoss("web");
    const waiting = () => boss.findJobs(PRODUCT_THUMBNAIL_QUEUE, { data: { productId: big.id }, queued: true });
    // Asked twice while one waits: still one job.
    await requestProductThumbnail(big.id);
    const [queued, ...more] = await waiting();
    expect(more).toHaveLength(0);
    // Pretend the worker drew it: after Undo it must be drawn again, at the size as exported.
    await boss.deleteJob(PRODUCT_THUMBNAIL_QUEUE, queued.id);
    expect(await waiting()).toHaveLength(0);

    // Undo: back to the size as exported (1000x), the fix offered again as a suggestion.
    const undone = await setProductUnit(db(), o.workspaceId, big.id, "m", { storage });
    expect(await waiting()).toHaveLength(1);
    undone.dimensionsM.forEach((v, i) => expect(v).toBeCloseTo(expected[i] * 1000, 1));
    expect(undone.unit).toBe("m");
    expect(undone.appliedUnit).toBeNull();
    expect(undone.suggestedUnit).toBe("mm");
    expect(unitSuggestionText(undone.suggestedUnit!)).toBe("This looks like it is in millimetres.");
    const restored = await openProductFile(db(), o.workspaceId, big.id, "model", { storage });
    (await ownBounds(await readStream(restored.stream))).forEach((v, i) =>
      expect(v).toBeCloseTo(expected[i] * 1000, 1),
    );

    // And the one-click fix applies it again.
    const redone = await setProductUnit(db(), o.workspaceId, big.id, "mm", { storage });
    redone.dimensionsM.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));

    const small = await upload(o.ctx, [{ name: "bottle-tiny.glb", bytes: await scaled("WaterBottle.glb", 0.001) }]);
    expect(small.appliedUnit).toBe("x1000");
    expect(small.dimensionsM[1]).toBeCloseTo(expected[1], 4);
  });

  it("reads the real BoomBox sample (2 cm as exported) as 10 times larger, and leaves a plausible model alone", async () => {
    const o = await owner("units-real");
    const boombox = await upload(o.ctx, [{ name: "BoomBox.glb", bytes: fixture("BoomBox.glb") }]);
    expect(boombox.appliedUnit).toBe("x10");
    expect(Math.max(...boombox.dimensionsM)).toBeGreaterThan(0.1);
    const bottle = await upload(o.ctx, [{ name: "WaterBottle.glb", bytes: fixture("WaterBottle.glb") }]);
    expect(bottle.appliedUnit).toBeNull();
    expect(bottle.unit).toBe("m");
  });
});

describe("product library: tenant isolation and deletion", () => {
  it("hides a product from another workspace: list, view, download, rename and delete are 404", async () => {
    const a = await owner("tenant-a");
    const b = await owner("tenant-b");
    const product = await upload(a.ctx, [{ name: "Avocado.glb", bytes: fixture("Avocado.glb") }]);
    await saveThumbnail(
      db(),
      a.workspaceId,
      product.id,
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
      { storage },
    );

    expect(await listWorkspaceProducts(db(), b.workspaceId)).toEqual([]);
    expect((await getProduct(db(), b.workspaceId, product.id).catch((e) => e)).status).toBe(404);
    for (const kind of ["model", "original", "thumbnail"] as const) {
      expect((await openProductFile(db(), b.workspaceId, product.id, kind, { storage }).catch((e) => e)).status).toBe(
        404,
      );
    }
    expect((await renameProduct(db(), b.workspaceId, product.id, "Mine now").catch((e) => e)).status).toBe(404);
    expect((await deleteProduct(db(), b.workspaceId, product.id, { storage }).catch((e) => e)).status).toBe(404);
    expect(await findProduct(b.workspaceId, product.id)).toBeNull();
    // Still there for its owner.
    expect((await getProduct(db(), a.workspaceId, product.id)).name).toBe("Avocado");
    expect((await listWorkspaceProducts(db(), a.workspaceId)).map((p) => p.id)).toEqual([product.id]);
  });

  it("renames, and delete removes the row and every file", async () => {
    const o = await owner("delete");
    const product = await upload(o.ctx, [{ name: "lantern.glb", bytes: fixture("lantern.glb") }]);
    expect((await renameProduct(db(), o.workspaceId, product.id, "  Garden lantern ")).name).toBe("Garden lantern");
    await saveThumbnail(
      db(),
      o.workspaceId,
      product.id,
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]),
      { storage },
    );
    const prefix = productPrefix(o.workspaceId, product.id);
    expect(filesUnder(prefix).sort()).toEqual([
      "model.glb",
      "original.glb",
      expect.stringMatching(/^thumbnail-[a-z0-9]+\.png$/),
    ]);
    await deleteProduct(db(), o.workspaceId, product.id, { storage });
    expect(filesUnder(prefix)).toEqual([]);
    expect(await storage.exists(`${prefix}model.glb`)).toBe(false);
    expect((await getProduct(db(), o.workspaceId, product.id).catch((e) => e)).status).toBe(404);
    expect(await findProduct(o.workspaceId, product.id)).toBeNull();
  });

  it("refuses a thumbnail that is not a PNG", async () => {
    const o = await owner("thumb");
    const product = await upload(o.ctx, [{ name: "BoomBox.glb", bytes: fixture("BoomBox.glb") }]);
    const err = await saveThumbnail(db(), o.workspaceId, product.id, new TextEncoder().encode("GIF89a"), {
      storage,
    }).catch((e) => e);
    expect(err.status).toBe(415);
  });
});

describe("local storage driver", () => {
  it("writes atomically (no temp files left), reads, streams and refuses keys that escape", async () => {
    const s = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), "plinth-ls-")));
    await s.put("workspaces/ws_1/a/b.bin", new Uint8Array([1, 2, 3]));
    await s.put("workspaces/ws_1/a/b.bin", new Uint8Array([4, 5]));
    expect(Array.from((await s.getBytes("workspaces/ws_1/a/b.bin"))!)).toEqual([4, 5]);
    const obj = await s.get("workspaces/ws_1/a/b.bin");
    expect(obj?.size).toBe(2);
    expect(Array.from(await readStream(obj!.stream))).toEqual([4, 5]);
    expect(fs.readdirSync(path.join((s as unknown as { root: string }).root, "workspaces/ws_1/a"))).toEqual(["b.bin"]);
    expect(await s.get("workspaces/ws_1/missing")).toBeNull();
    await expect(s.put("../escape", new Uint8Array(1))).rejects.toThrow(/Invalid storage key/);
    await expect(s.get("/etc/passwd")).rejects.toThrow(/Invalid storage key/);
    await s.deletePrefix("workspaces/ws_1/");
    expect(await s.exists("workspaces/ws_1/a/b.bin")).toBe(false);
  });
});
