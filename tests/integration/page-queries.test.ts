import { AsyncLocalStorage } from "node:async_hooks";
import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Query budget per page request: the signed-in pages (app layout + page + the parts they stream) of a busy
 * workspace must not send more than a fixed number of statements to Postgres, counted at the driver
 * (lib/db/query-count.ts). A query per product, batch or placement (an N+1) breaks the budget long before anyone
 * notices the page getting slower. The pages run as Next runs them: the server components are called, async
 * children awaited, with the session, cookies and React's per-request cache() standing in for Next's.
 */
const BUDGET = { products: 5, templates: 8, renders: 7, rendersMany: 7, editor: 5 };
// (Each includes the "Rendering is paused" banner's two reads, one with a render worker alive, and the app layout's
// read of the workspace's plan, whose export limits every page's dialogs show. Renders: 7 since its filter bar's
// choices, product and template names in one read, are rendered with the page so a filtered URL shows its filter. Editor: 5 since the brand kit's palette, one read
// by primary key beside the products', is what the Props section offers for recolouring.)

vi.mock("server-only", () => ({}));
const request = vi.hoisted(() => ({ userId: "", cookies: new Map<string, string>() }));
vi.mock("next-auth", () => ({ getServerSession: async () => ({ userId: request.userId, sessionVersion: 0 }) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (n: string) => (request.cookies.has(n) ? { value: request.cookies.get(n) } : undefined),
  }),
  headers: async () => new Headers(),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));
// React's cache() memoises for one server request; outside Next's renderer it does nothing. This gives it the same
// scope here: one store per simulated request, results keyed by function and arguments.
const requestScope = vi.hoisted(() => ({ store: null as unknown }));
vi.mock("react", async (importOriginal) => {
  const react = await importOriginal<typeof import("react")>();
  const cache = <A extends unknown[], R>(fn: (...args: A) => R) =>
    function cached(...args: A): R {
      const store = (requestScope.store as AsyncLocalStorage<Map<unknown, unknown>>).getStore();
      if (!store) return fn(...args);
      const key = JSON.stringify([args]);
      let perFn = store.get(fn) as Map<string, R> | undefined;
      if (!perFn) store.set(fn, (perFn = new Map()));
      if (!perFn.has(key)) perFn.set(key, fn(...args));
      return perFn.get(key)!;
    };
  return { ...react, default: { ...react, cache }, cache };
});

import { randomUUID } from "node:crypto";
import { createElement, type ReactNode } from "react";
import AppLayout from "@/app/(app)/layout";
import ProductsPage from "@/app/(app)/products/page";
import RendersPage from "@/app/(app)/renders/page";
import SceneEditorPage from "@/app/(app)/scenes/[id]/page";
import TemplatesPage from "@/app/(app)/templates/page";
import { getPool } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";
import { insertProduct } from "@/lib/db/queries/products";
import { addMember } from "@/lib/db/queries/workspaces";
import { renderBatches, renderOutputs } from "@/lib/db/schema";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { db, ownerCaller, seedOwner } from "./helpers";

requestScope.store = new AsyncLocalStorage<Map<unknown, unknown>>();

/**
 * Calls the server components of a tree and awaits their output, as Next's renderer does (the streamed parts under
 * Suspense included). Client components are not server code: one that needs a browser (hooks) throws here and its
 * subtree is left out, which loses nothing, as client components send no queries.
 */
async function renderServerTree(node: unknown): Promise<void> {
  if (Array.isArray(node)) {
    await Promise.all(node.map(renderServerTree));
    return;
  }
  if (!node || typeof node !== "object" || !("props" in node)) return;
  const { type, props } = node as { type: unknown; props: { children?: ReactNode } };
  if (typeof type === "function" && !type.prototype?.isReactComponent) {
    let rendered: unknown;
    try {
      rendered = (type as (p: unknown) => unknown)(props);
    } catch {
      return; // a client component (hooks need React's client renderer)
    }
    await renderServerTree(await rendered);
    return;
  }
  await renderServerTree(props?.children);
}

/** One page request: the app layout and the page rendered together, as Next does; its statements counted. */
async function pageRequest(page: () => Promise<unknown>) {
  const scope = requestScope.store as AsyncLocalStorage<Map<unknown, unknown>>;
  const { queries } = await countQueries(() =>
    scope.run(new Map(), () =>
      Promise.all([renderServerTree(createElement(AppLayout, null, null)), page().then(renderServerTree)]),
    ),
  );
  return queries;
}

async function seedProduct(workspaceId: string, n: number) {
  const id = `prd_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await insertProduct(db(), {
    id,
    workspaceId,
    name: `Bottle ${n}`,
    sourceFormat: "glb",
    originalFilename: `bottle-${n}.glb`,
    originalKey: `test/${id}/original.glb`,
    originalBytes: 1000,
    modelKey: `test/${id}/model.glb`,
    modelBytes: 1000,
    sourceSize: [0.1, 0.25, 0.1],
    dimensionsM: [0.1, 0.25, 0.1],
    triangles: 1200,
    materials: ["Glass", "Cap"],
    variants: [],
    warnings: [],
    createdAt: new Date(Date.now() - n * 60_000),
  });
  return id;
}

/** Finished exports: `batches` of `perBatch` outputs each, newest first one minute apart. */
async function seedOutputs(workspaceId: string, sceneId: string, batches: number, perBatch: number, tag: string) {
  for (let b = 0; b < batches; b++) {
    const batchId = `bat_${tag}_${b}`;
    const createdAt = new Date(Date.now() - b * 60_000);
    await db().insert(renderBatches).values({
      id: batchId,
      workspaceId,
      sceneId,
      sceneName: "Scene",
      productName: "Bottle",
      format: "png",
      quality: "draft",
      createdAt,
    });
    await db()
      .insert(renderOutputs)
      .values(
        Array.from({ length: perBatch }, (_, o) => ({
          id: `out_${tag}_${b}_${o}`,
          batchId,
          workspaceId,
          position: o,
          label: `Size ${o}`,
          width: 1080,
          height: 1080,
          snapshot: {},
          status: "done" as const,
          fileKey: "test/missing.png",
          fileName: `render-${b}-${o}.png`,
          bytes: 1000,
          renderMs: 900,
          createdAt,
          finishedAt: createdAt,
        })),
      );
  }
}

describe("queries per page request (a seeded busy workspace)", () => {
  let owner: Awaited<ReturnType<typeof seedOwner>>;
  let sceneId: string;
  let many: Awaited<ReturnType<typeof seedOwner>>;

  beforeAll(async () => {
    owner = await seedOwner("page-queries");
    const productIds = [];
    for (let n = 0; n < 6; n++) productIds.push(await seedProduct(owner.workspaceId, n));
    const scenes = [];
    for (const productId of productIds.slice(0, 4))
      scenes.push(await createSceneForProduct(db(), ownerCaller(owner), productId));
    sceneId = scenes[0].id;
    await seedOutputs(owner.workspaceId, sceneId, 10, 6, randomUUID().slice(0, 8));
    // A team workspace with 2,000 outputs that the owner is also a member of.
    many = await seedOwner("page-queries-many");
    await addMember(db(), many.workspaceId, owner.userId, "editor");
    const manyScene = await createSceneForProduct(db(), ownerCaller(many), "sample_kraft-box");
    await seedOutputs(many.workspaceId, manyScene.id, 200, 10, randomUUID().slice(0, 8));
  }, 120_000);

  const signIn = (workspaceId: string) => {
    request.userId = owner.userId;
    request.cookies = new Map([["plinth_ws", workspaceId]]);
  };

  it("Products", async () => {
    signIn(owner.workspaceId);
    const q = await pageRequest(() => ProductsPage({ searchParams: Promise.resolve({}) }));
    expect(q.count, q.statements.join("\n")).toBeLessThanOrEqual(BUDGET.products);
  });

  it("Templates", async () => {
    signIn(owner.workspaceId);
    const q = await pageRequest(() => TemplatesPage({ searchParams: Promise.resolve({}) }));
    expect(q.count, q.statements.join("\n")).toBeLessThanOrEqual(BUDGET.templates);
  });

  it("Renders", async () => {
    signIn(owner.workspaceId);
    const q = await pageRequest(() => RendersPage({ searchParams: Promise.resolve({}) }));
    expect(q.count, q.statements.join("\n")).toBeLessThanOrEqual(BUDGET.renders);
  });

  it("Renders of a workspace with 2,000 outputs", async () => {
    signIn(many.workspaceId);
    const q = await pageRequest(() => RendersPage({ searchParams: Promise.resolve({}) }));
    expect(q.count, q.statements.join("\n")).toBeLessThanOrEqual(BUDGET.rendersMany);
  });

  it("Renders of a workspace with 2,000 outputs, filtered by product and status (the URL's filters)", async () => {
    signIn(many.workspaceId);
    const searchParams = Promise.resolve({ product: "sample_kraft-box", status: "done" });
    const q = await pageRequest(() => RendersPage({ searchParams }));
    expect(q.count, q.statements.join("\n")).toBeLessThanOrEqual(BUDGET.rendersMany);
    expect(q.statements.some((s) => /"render_batches"."product_id" = \$/.test(s))).toBe(true);
  });

  it("the editor page", async () => {
    signIn(owner.workspaceId);
    const q = await pageRequest(() => SceneEditorPage({ params: Promise.resolve({ id: sceneId }) }));
    expect(q.count, q.statements.join("\n")).toBeLessThanOrEqual(BUDGET.editor);
  });

  it("pages through 2,000 outputs in index order (EXPLAIN: no sort, no scan of the workspace's batches)", async () => {
    signIn(many.workspaceId);
    await getPool().query("analyze render_batches");
    const q = await pageRequest(() => RendersPage({ searchParams: Promise.resolve({}) }));
    const i = q.statements.findIndex((s) => /from "render_batches"/.test(s));
    const { rows } = await getPool().query(`explain (format json) ${q.statements[i]}`, q.params[i]);
    const plan = JSON.stringify(rows[0]["QUERY PLAN"]);
    expect(plan, plan).toContain('"Index Name":"render_batches_workspace_page_idx"');
    expect(plan, plan).not.toContain('"Node Type":"Sort"');
  });

  it("looks the caller up once per request, and again for the next request (nothing kept between requests)", async () => {
    signIn(owner.workspaceId);
    const callerLookups = (q: { statements: string[] }) => q.statements.filter((s) => /from "users"/.test(s)).length;
    const first = await pageRequest(() => RendersPage({ searchParams: Promise.resolve({}) }));
    const second = await pageRequest(() => RendersPage({ searchParams: Promise.resolve({}) }));
    expect(callerLookups(first)).toBe(1);
    expect(callerLookups(second)).toBe(1);
    expect(first.statements.some((s) => /render_batches/.test(s))).toBe(true);
  });
});
