import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRenderToken, verifyRenderToken } from "@/lib/renders/render-token";
import { allJobKinds, JOB_KINDS, jobKind } from "./registry";

const ROOT = path.resolve(__dirname, "../..");

describe("the job registry", () => {
  it("gives every kind its own queue, and keeps the deployed queue names (waiting jobs are stored under them)", () => {
    const kinds = allJobKinds();
    expect(new Set(kinds.map((k) => k.queue)).size).toBe(kinds.length);
    expect(Object.fromEntries(kinds.map((k) => [k.name, k.queue]))).toEqual({
      "render-output": "render-output",
      "render-video": "render-video",
      "template-preview": "render-thumbnail",
      "product-thumbnail": "product-thumbnail",
      housekeeping: "housekeeping",
      "viewer-model": "viewer-model",
      "workspace-export": "workspace-export",
      "webhook-delivery": "webhook-delivery",
      "review-digest": "review-digest",
      "shopify-push": "shopify-push",
    });
    for (const [name, kind] of Object.entries(JOB_KINDS)) expect(kind.name).toBe(name);
  });

  it("rejects payloads that are not one well-formed id", () => {
    const bad: [keyof typeof JOB_KINDS, unknown][] = [
      ["render-output", {}],
      ["render-output", { outputId: 42 }],
      ["render-output", { outputId: "" }],
      ["render-output", { outputId: "../../etc/passwd" }],
      ["render-output", { outputId: "rnd_a", extra: true }],
      ["render-output", { outputId: "rnd_a", studioBudgetS: 0 }],
      ["render-output", { outputId: "rnd_a", studioBudgetS: 601 }],
      ["render-output", { outputId: "rnd_a", studioBudgetS: "60" }],
      ["render-output", { thumbnailId: "tth_a" }],
      ["render-output", null],
      ["render-video", { outputId: "rnd_a", move: "turntable" }],
      ["render-video", { outputId: "../x" }],
      ["template-preview", { thumbnailId: "tth_a b" }],
      ["template-preview", { outputId: "rnd_a" }],
      ["product-thumbnail", { productId: "x".repeat(101) }],
      ["product-thumbnail", "prd_a"],
      ["housekeeping", { anything: 1 }],
      ["viewer-model", { viewerId: "vwr_a/../b" }],
      ["viewer-model", { productId: "prd_a" }],
      ["webhook-delivery", { deliveryId: "whd_a b" }],
      ["webhook-delivery", { endpointId: "whe_a" }],
      ["shopify-push", { pushId: "shp_a", shopDomain: "evil.example.com", productGid: "gid://shopify/Product/1" }],
      ["shopify-push", { pushId: "shp_a", shopDomain: "a.myshopify.com", productGid: "gid://shopify/Order/1" }],
      ["shopify-push", { pushId: "shp_a" }],
    ];
    for (const [kind, payload] of bad) {
      expect(jobKind(kind).payload.safeParse(payload).success, JSON.stringify([kind, payload])).toBe(false);
    }
    expect(jobKind("render-output").payload.safeParse({ outputId: "rnd_0a1b2c" }).success).toBe(true);
    expect(jobKind("render-output").payload.safeParse({ outputId: "rnd_0a1b2c", studioBudgetS: 60 }).success).toBe(
      true,
    );
    expect(jobKind("template-preview").payload.safeParse({ thumbnailId: "tth_0a1b2c" }).success).toBe(true);
    expect(jobKind("product-thumbnail").payload.safeParse({ productId: "sample_drink-can" }).success).toBe(true);
    expect(jobKind("housekeeping").payload.safeParse(null).success).toBe(true);
    expect(jobKind("viewer-model").payload.safeParse({ viewerId: "vwr_0a1b2c" }).success).toBe(true);
  });

  it("keys each job by the row it draws, so a duplicate waits as one job", () => {
    expect(jobKind("render-output").singletonKey({ outputId: "rnd_1" })).toBe("rnd_1");
    expect(jobKind("template-preview").singletonKey({ thumbnailId: "tth_1" })).toBe("tth_1");
    expect(jobKind("product-thumbnail").singletonKey({ productId: "prd_1" })).toBe("prd_1");
    expect(jobKind("product-thumbnail").queueOptions.policy).toBe("stately");
    expect(jobKind("housekeeping").queueOptions.policy).toBe("singleton");
    // One Shopify product's pushes run one at a time, in order; other products' go ahead.
    const push = { pushId: "shp_1", shopDomain: "a.myshopify.com", productGid: "gid://shopify/Product/7" };
    expect(jobKind("shopify-push").singletonKey(push)).toBe("a.myshopify.com/gid://shopify/Product/7");
    expect(jobKind("shopify-push").queueOptions.policy).toBe("key_strict_fifo");
  });

  it("binds each drawing kind's render tokens to its own scope: one kind's token never opens another's assets", () => {
    process.env.RENDER_TOKEN_SECRET ??= "registry-test-key-000000000000000";
    // The viewer model takes a turn on the page for its USDZ but loads no asset by token (its GLB comes as bytes).
    const drawing = allJobKinds().filter((k) => k.tokenScope !== null);
    expect(drawing.map((k) => k.name).sort()).toEqual([
      "product-thumbnail",
      "render-output",
      "render-video",
      "template-preview",
    ]);
    // A video is a render output too (the same rows, the same asset route): it shares the output's scope.
    expect(jobKind("render-video").tokenScope!("same_id")).toBe(jobKind("render-output").tokenScope!("same_id"));
    const tables = drawing.filter((k) => k.name !== "render-video");
    const scopes = tables.map((k) => k.tokenScope!("same_id"));
    expect(new Set(scopes).size).toBe(scopes.length);
    for (const kind of tables) {
      const token = createRenderToken(kind.tokenScope!("same_id"));
      for (const other of tables) {
        expect(verifyRenderToken(other.tokenScope!("same_id"), token).ok).toBe(other === kind);
      }
    }
  });

  it("charges exports (stills and videos) only; previews, thumbnails and housekeeping are free", () => {
    const charged = allJobKinds()
      .filter((k) => k.credits === "charged")
      .map((k) => k.name);
    expect(charged).toEqual(["render-output", "render-video"]);
  });

  it("orders turns on the browser: exports, then product thumbnails, then previews", () => {
    expect(jobKind("render-output").turn).toBe("export");
    expect(jobKind("render-video").turn).toBe("export");
    expect(jobKind("product-thumbnail").turn).toBe("product-thumbnail");
    expect(jobKind("template-preview").turn).toBe("preview");
    expect(jobKind("viewer-model").turn).toBe("preview");
    expect(jobKind("housekeeping").turn).toBeNull();
    expect(jobKind("housekeeping").schedule?.cron).toBe("7 * * * *");
  });

  it("names a handler module that exists for every kind, and the web side never imports one", () => {
    for (const kind of allJobKinds()) {
      expect(kind.handler, kind.name).toMatch(/^worker\/handlers\/[a-z0-9-]+$/);
      expect(fs.existsSync(path.join(ROOT, `${kind.handler}.ts`)), kind.handler).toBe(true);
    }
    // The registry is imported by the web app (to queue jobs): it must not pull in worker code or playwright.
    const libJobs = path.join(ROOT, "lib/jobs");
    const sources = [
      ...fs.readdirSync(libJobs).map((f) => path.join(libJobs, f)),
      ...fs.readdirSync(path.join(libJobs, "kinds")).map((f) => path.join(libJobs, "kinds", f)),
    ].filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    for (const file of sources) {
      const imports = [...fs.readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"|import\(\s*"([^"]+)"/g)];
      for (const [, from, dynamic] of imports) expect(from ?? dynamic, file).not.toMatch(/worker\/|playwright/);
    }
  });
});
