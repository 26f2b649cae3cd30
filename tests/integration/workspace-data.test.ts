import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getStripe } from "@/lib/billing/config";
import {
  brandKits,
  renderOutputs,
  templateEvents,
  templateThumbnails,
  workspaceBilling,
  workspaceExports,
} from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { createProductFromUpload, saveThumbnail } from "@/lib/products/product-service";
import { exportScene } from "@/lib/renders/render-service";
import { setStorageForTests } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import { createSceneForProduct } from "@/lib/stored-scenes/scene-service";
import { saveSceneAsTemplate } from "@/lib/templates/template-service";
import { acceptInvitation } from "@/lib/team/accept-invitation";
import { inviteMember } from "@/lib/team/invitation-service";
import { makeViewerModel } from "@/lib/viewers/make-viewer-model";
import { loadViewerLink } from "@/lib/viewers/viewer-link";
import { publishViewer } from "@/lib/viewers/viewer-service";
import { countWorkspaceRows, readDataMap } from "@/lib/workspace-data/data-map";
import { deleteAccount } from "@/lib/workspace-data/delete-account";
import { runWorkspaceExport } from "@/lib/workspace-data/export-workspace";
import {
  deleteWorkspace,
  openWorkspaceExport,
  requestWorkspaceExport,
} from "@/lib/workspace-data/workspace-data-service";
import { db, ownerCaller, seedOwner } from "./helpers";

/**
 * "The data is the owner's", on a real Postgres and a real storage folder: a fully seeded workspace's export holds
 * every one of its rows and files (and nothing of another workspace's); deleting it leaves no row in any table
 * that holds workspace data (enumerated from the schema) and no file in the folder, cancels its jobs and its
 * Stripe subscription, kills its viewer links, and leaves another workspace exactly as it was.
 */
let storage: LocalStorage;
let storageDir: string;
beforeAll(() => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-wsdata-"));
  storage = new LocalStorage(storageDir);
  setStorageForTests(storage);
});
afterAll(async () => {
  setStorageForTests(undefined);
  fs.rmSync(storageDir, { recursive: true, force: true });
  await stopBoss();
});

const png = (colour = "#888") =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: colour } })
    .png()
    .toBuffer();

/** A workspace with something in every kind of table and file: products, scenes, renders, viewers, templates... */
async function seedWorkspace(prefix: string) {
  const owner = await seedOwner(prefix);
  const ctx = { ...ownerCaller(owner), workspace: { name: `WS ${prefix}` } };
  const bytes = fs.readFileSync(path.join(__dirname, "../../e2e/fixtures/models/Avocado.glb"));
  const product = await createProductFromUpload(db(), ctx, [{ name: "Avocado.glb", bytes: new Uint8Array(bytes) }], {
    storage,
  });
  await saveThumbnail(db(), owner.workspaceId, product.id, new Uint8Array(await png()), { storage });
  const scene = await createSceneForProduct(db(), ctx, product.id);
  await exportScene(db(), ctx, scene.id, { outputs: [{ label: "1:1", width: 512, height: 512 }], format: "png" });
  // What the render worker would do: store the file under the output's key and mark it done.
  for (const out of await db().select().from(renderOutputs).where(eq(renderOutputs.workspaceId, owner.workspaceId))) {
    const key = `workspaces/${owner.workspaceId}/renders/${out.batchId}/${out.id}.png`;
    await storage.put(key, new Uint8Array(await png("#c33")));
    await db().update(renderOutputs).set({ fileKey: key }).where(eq(renderOutputs.id, out.id));
  }
  const viewer = await publishViewer(ctx, { productId: product.id });
  await makeViewerModel({ db: db(), storage }, viewer.viewer.id, { lastAttempt: true });
  await saveSceneAsTemplate(db(), ctx, { sceneId: scene.id, name: "Mine" });
  await db()
    .insert(brandKits)
    .values({ workspaceId: owner.workspaceId, brandName: prefix, palette: ["#112233"] });
  await db()
    .insert(templateEvents)
    .values({ id: `tev_${prefix}`, workspaceId: owner.workspaceId, kind: "export", templateId: "t1" });
  const thumbKey = `workspaces/${owner.workspaceId}/thumbnails/tth_${prefix}.webp`;
  await storage.put(thumbKey, new Uint8Array(await png("#3c3")));
  await db()
    .insert(templateThumbnails)
    .values({
      id: `tth_${prefix}`,
      workspaceId: owner.workspaceId,
      cacheKey: `k-${prefix}`,
      templateId: "t1",
      productId: product.id,
      snapshot: {},
      width: 8,
      height: 6,
      status: "done",
      fileKey: thumbKey,
    });
  // A second member (through an accepted invitation) and a pending invitation.
  const member = await seedOwner(`${prefix}-member`);
  const inv = await inviteMember(db(), ctx, { email: member.email, role: "editor" });
  const token = await tokenFromOutbox(member.email);
  await acceptInvitation(db(), token, { id: member.userId, email: member.email });
  await inviteMember(db(), ctx, { email: `pending-${prefix}@example.com`, role: "viewer" });
  return { owner, ctx, product, scene, viewer, member, invitationId: inv.id };
}

async function tokenFromOutbox(email: string): Promise<string> {
  const rows = (await db().execute(
    sql`select body from mail_outbox where "to" = ${email} order by created_at desc limit 1`,
  )) as unknown as { rows: { body: string }[] };
  const m = /\/invite\/([A-Za-z0-9_-]+)/.exec(rows.rows[0]?.body ?? "");
  if (!m) throw new Error(`no invitation mail for ${email}`);
  return m[1];
}

/** Every row of every workspace-data table and every file of a workspace, for before/after comparisons. */
async function snapshotOf(workspaceId: string) {
  const map = await readDataMap(db());
  const rows: Record<string, number> = {};
  for (const t of map.tables) rows[t.name] = await countWorkspaceRows(db(), t, workspaceId);
  const files = await storage.list(`workspaces/${workspaceId}/`);
  return { rows, files };
}

process.env.DEV_OUTBOX = "on";
// Two fully seeded workspaces (uploads, a viewer model) per test: generous on a machine shared with other runs.
vi.setConfig({ testTimeout: 180_000 });

describe("export everything of a workspace", () => {
  it("writes every row of every workspace table and every stored file, with a README, and nothing of another's", async () => {
    const a = await seedWorkspace("exp-a");
    const b = await seedWorkspace("exp-b");
    const queued = await requestWorkspaceExport(a.ctx);
    expect(queued.status).toBe("queued");
    // A second click while it waits answers the same export.
    expect((await requestWorkspaceExport(a.ctx)).id).toBe(queued.id);
    await runWorkspaceExport(db(), storage, queued.id);
    const zipKey = `workspaces/${a.owner.workspaceId}/exports/${queued.id}.zip`;
    const zip = unzipSync((await storage.getBytes(zipKey))!);
    const text = (name: string) => new TextDecoder().decode(zip[name]);

    expect(text("README.md")).toContain("tables/<table>.json");
    const manifest = JSON.parse(text("manifest.json"));
    expect(manifest).toMatchObject({
      format: "plinth-workspace-export",
      version: 1,
      workspace: { id: a.owner.workspaceId },
    });

    const map = await readDataMap(db());
    const seededTables = [
      "workspaces",
      "memberships",
      "users",
      "products",
      "scenes",
      "scene_versions",
      "render_batches",
      "render_outputs",
      "viewers",
      "workspace_templates",
      "brand_kits",
      "template_events",
      "template_thumbnails",
      "workspace_billing",
      "credit_ledger",
      "workspace_invitations",
      "workspace_exports",
    ];
    for (const table of map.tables) {
      const exported = JSON.parse(text(`tables/${table.name}.json`)) as Record<string, unknown>[];
      const inDb = await countWorkspaceRows(db(), table, a.owner.workspaceId);
      expect(exported.length, table.name).toBe(inDb);
      if (seededTables.includes(table.name)) expect(inDb, `${table.name} was seeded`).toBeGreaterThan(0);
      for (const row of exported) {
        if ("workspace_id" in row) expect(row.workspace_id, table.name).toBe(a.owner.workspaceId);
        for (const secret of table.secretColumns)
          expect(row, `${table.name}.${secret} is a secret`).not.toHaveProperty(secret);
      }
    }
    expect(
      JSON.parse(text("tables/users.json"))
        .map((u: { email: string }) => u.email)
        .sort(),
    ).toEqual([a.owner.email, a.member.email].sort());
    expect(JSON.parse(text("tables/products.json"))[0]).toMatchObject({ id: a.product.id, name: a.product.name });

    // Every stored file, byte for byte, at its documented path; the export's own ZIP is not inside itself.
    const files = (await storage.list(`workspaces/${a.owner.workspaceId}/`)).filter(
      (f) => !f.key.includes("/exports/"),
    );
    expect(files.length).toBeGreaterThanOrEqual(5); // original, model, thumbnail, render, viewer model, preview
    for (const f of files) {
      const inZip = zip[`files/${f.key.slice(`workspaces/${a.owner.workspaceId}/`.length)}`];
      expect(inZip, f.key).toBeDefined();
      expect(Buffer.from(inZip).equals(Buffer.from((await storage.getBytes(f.key))!)), f.key).toBe(true);
    }
    expect(Object.keys(zip).filter((n) => n.startsWith("files/")).length).toBe(files.length);
    // The download: the owner gets it; another workspace's owner, an editor, or anyone after expiry does not.
    const opened = await openWorkspaceExport(db(), storage, a.ctx, queued.id);
    expect(opened.object.size).toBe((await storage.getBytes(zipKey))!.byteLength);
    expect(((await openWorkspaceExport(db(), storage, b.ctx, queued.id).catch((e) => e)) as AppError).status).toBe(404);
    const editor = { ...a.ctx, userId: a.member.userId, role: "editor" as const };
    expect(((await openWorkspaceExport(db(), storage, editor, queued.id).catch((e) => e)) as AppError).status).toBe(
      403,
    );
    await db()
      .update(workspaceExports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(workspaceExports.id, queued.id));
    expect(((await openWorkspaceExport(db(), storage, a.ctx, queued.id).catch((e) => e)) as AppError).status).toBe(404);
    // Nothing of workspace B.
    const all = Object.values(zip)
      .map((v) => Buffer.from(v).toString("latin1"))
      .join("\n");
    expect(all).not.toContain(b.owner.workspaceId);
    expect(all).not.toContain(b.product.id);
  });
});

describe("delete a workspace", () => {
  it("removes every row and stored file, cancels its jobs and subscription, kills its links; another workspace is untouched", async () => {
    const a = await seedWorkspace("del-a");
    const b = await seedWorkspace("del-b");
    // A to be deleted must not be its owner's only workspace; its owner also owns another.
    const { createWorkspace } = await import("@/lib/db/queries/workspaces");
    await createWorkspace(db(), a.owner.userId, "Keep me");
    const export_ = await requestWorkspaceExport(a.ctx);
    await runWorkspaceExport(db(), storage, export_.id);
    const bBefore = await snapshotOf(b.owner.workspaceId);
    const aBefore = await snapshotOf(a.owner.workspaceId);
    expect(aBefore.files.length).toBeGreaterThan(5);
    const queuedJobs = async (id: string) =>
      (
        (await db().execute(
          sql`select count(*)::int as n from pgboss.job where state in ('created','retry','active') and data::text like ${`%${id}%`}`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0].n;
    const [output] = await db().select().from(renderOutputs).where(eq(renderOutputs.workspaceId, a.owner.workspaceId));
    expect(await queuedJobs(output.id)).toBe(1);

    // Typed confirmation: a wrong name deletes nothing.
    const wrong = await deleteWorkspace(db(), storage, a.ctx, "WS del").catch((e) => e);
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).status).toBe(422);
    expect(await snapshotOf(a.owner.workspaceId)).toEqual(aBefore);

    // With billing on and a subscription, Stripe is told first (through the configured client).
    process.env.STRIPE_SECRET_KEY = "sk_test_plinth_delete";
    await db()
      .update(workspaceBilling)
      .set({ planId: "pro", stripeSubscriptionId: "sub_delete_me", stripeCustomerId: "cus_del" })
      .where(eq(workspaceBilling.workspaceId, a.owner.workspaceId));
    const cancel = vi.spyOn(getStripe().subscriptions, "cancel");
    let done;
    try {
      cancel.mockRejectedValueOnce(Object.assign(new Error("stripe down"), { code: "api_error" }));
      const refused = await deleteWorkspace(db(), storage, a.ctx, "WS del-a").catch((e) => e);
      expect((refused as AppError).status).toBe(409); // Stripe failed: nothing deleted
      expect((await snapshotOf(a.owner.workspaceId)).files).toEqual(aBefore.files);
      cancel.mockResolvedValueOnce({ id: "sub_delete_me", status: "canceled" } as never);
      done = await deleteWorkspace(db(), storage, a.ctx, "WS del-a");
      expect(cancel).toHaveBeenLastCalledWith("sub_delete_me");
      expect(done.subscriptionCancelled).toBe("sub_delete_me");
    } finally {
      delete process.env.STRIPE_SECRET_KEY;
      cancel.mockRestore();
    }

    // No row in any table that holds workspace data (users are accounts: they stay).
    const after = await snapshotOf(a.owner.workspaceId);
    const map = await readDataMap(db());
    for (const t of map.tables) if (t.deleted === true) expect(after.rows[t.name], t.name).toBe(0);
    // Gone from storage, not hidden: the folder itself is gone.
    expect(fs.existsSync(path.join(storageDir, "workspaces", a.owner.workspaceId))).toBe(false);
    expect(after.files).toEqual([]);
    // Its jobs are cancelled; its viewer link answers nothing.
    expect(done.jobsCancelled).toBeGreaterThan(0);
    expect(await queuedJobs(output.id)).toBe(0);
    expect(await loadViewerLink(db(), a.viewer.path.replace(/^\/v\//, ""))).toBeNull();
    // B is exactly as it was.
    expect(await snapshotOf(b.owner.workspaceId)).toEqual(bBefore);
  });

  it("refuses to delete the owner's only workspace, and an editor cannot delete at all", async () => {
    const a = await seedWorkspace("del-only");
    const only = await deleteWorkspace(db(), storage, a.ctx, "WS del-only").catch((e) => e);
    expect((only as AppError).status).toBe(409);
    const editor = { ...a.ctx, userId: a.member.userId, role: "editor" as const };
    expect(((await deleteWorkspace(db(), storage, editor, "WS del-only").catch((e) => e)) as AppError).status).toBe(
      403,
    );
  });
});

describe("delete an account", () => {
  it("deletes the workspaces the user alone belongs to and leaves shared ones, whose other members keep everything", async () => {
    const a = await seedWorkspace("acct-a"); // owner + member: shared
    const solo = await seedOwner("acct-solo");
    // The solo user joins A as a viewer: A is shared, their own workspace is theirs alone.
    await inviteMember(db(), a.ctx, { email: solo.email, role: "viewer" });
    await acceptInvitation(db(), await tokenFromOutbox(solo.email), { id: solo.userId, email: solo.email });
    const aBefore = await snapshotOf(a.owner.workspaceId);
    const plan = await deleteAccount(db(), storage, solo.userId);
    expect(plan.deleted).toEqual([solo.workspaceId]);
    expect(plan.left).toEqual([a.owner.workspaceId]);
    expect((await snapshotOf(solo.workspaceId)).rows.workspaces).toBe(0);
    const aAfter = await snapshotOf(a.owner.workspaceId);
    expect(aAfter.files).toEqual(aBefore.files);
    expect(aAfter.rows.memberships).toBe(aBefore.rows.memberships - 1);
    expect((await db().execute(sql`select 1 from users where id = ${solo.userId}`)).rows).toEqual([]);
    // The last owner of a shared workspace cannot vanish from under its members.
    expect(((await deleteAccount(db(), storage, a.owner.userId).catch((e) => e)) as AppError).status).toBe(409);
  });
});
