import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../index";
import {
  brandKits,
  renderBatches,
  renderOutputs,
  sceneTemplates,
  templateEvents,
  templateThumbnails,
  workspaceTemplates,
} from "../schema";
import { newId } from "@/lib/ids";
import { notFound } from "@/lib/errors";
import type { SceneDocument } from "@/lib/scene";

// Every query takes the workspace id: another workspace's row behaves as unknown.

// ------------------------------------------------------------------ brand kit

export async function getBrandKit(db: Database, workspaceId: string) {
  const [row] = await db.select().from(brandKits).where(eq(brandKits.workspaceId, workspaceId)).limit(1);
  return row ?? null;
}

export type BrandKitValues = {
  brandName: string;
  palette: string[];
  likedStyles: string[];
  dislikedStyles: string[];
  formats: string[];
};

export async function upsertBrandKit(db: Database, workspaceId: string, values: BrandKitValues, onboarded = false) {
  const now = new Date();
  const [row] = await db
    .insert(brandKits)
    .values({ workspaceId, ...values, version: 1, updatedAt: now, onboardedAt: onboarded ? now : null })
    .onConflictDoUpdate({
      target: brandKits.workspaceId,
      set: {
        ...values,
        version: sql`${brandKits.version} + 1`,
        updatedAt: now,
        ...(onboarded ? { onboardedAt: sql`coalesce(${brandKits.onboardedAt}, now())` } : {}),
      },
    })
    .returning();
  return row;
}

/** Onboarding skipped: remember it was seen, change nothing else. */
export async function markOnboarded(db: Database, workspaceId: string) {
  await db
    .insert(brandKits)
    .values({ workspaceId, onboardedAt: new Date() })
    .onConflictDoUpdate({
      target: brandKits.workspaceId,
      set: { onboardedAt: sql`coalesce(${brandKits.onboardedAt}, now())` },
    });
}

// --------------------------------------------------------- workspace templates

export async function listWorkspaceTemplates(db: Database, workspaceId: string) {
  return db
    .select()
    .from(workspaceTemplates)
    .where(eq(workspaceTemplates.workspaceId, workspaceId))
    .orderBy(desc(workspaceTemplates.createdAt));
}

export async function getWorkspaceTemplate(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(workspaceTemplates)
    .where(and(eq(workspaceTemplates.workspaceId, workspaceId), eq(workspaceTemplates.id, id)))
    .limit(1);
  if (!row) throw notFound("Template");
  return row;
}

export async function insertWorkspaceTemplate(
  db: Database,
  input: {
    workspaceId: string;
    name: string;
    document: SceneDocument;
    slots: unknown;
    sourceSceneId: string | null;
    createdBy: string | null;
  },
) {
  const id = newId("wtp");
  await db.insert(workspaceTemplates).values({ id, ...input });
  return { id };
}

export async function deleteWorkspaceTemplate(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .delete(workspaceTemplates)
    .where(and(eq(workspaceTemplates.workspaceId, workspaceId), eq(workspaceTemplates.id, id)))
    .returning({ id: workspaceTemplates.id });
  if (!row) throw notFound("Template");
}

// ------------------------------------------------------ scene origin + events

export async function linkSceneToTemplate(db: Database, workspaceId: string, sceneId: string, templateId: string) {
  await db
    .insert(sceneTemplates)
    .values({ sceneId, workspaceId, templateId })
    .onConflictDoUpdate({ target: sceneTemplates.sceneId, set: { templateId } });
}

export async function templateOfScene(db: Database, workspaceId: string, sceneId: string): Promise<string | null> {
  const [row] = await db
    .select({ templateId: sceneTemplates.templateId })
    .from(sceneTemplates)
    .where(and(eq(sceneTemplates.workspaceId, workspaceId), eq(sceneTemplates.sceneId, sceneId)))
    .limit(1);
  return row?.templateId ?? null;
}

export type TemplateEvent = {
  kind: "export" | "download";
  sceneId: string | null;
  ratio: string | null;
  format: string | null;
};

export async function recordTemplateEvents(db: Database, workspaceId: string, events: TemplateEvent[]) {
  if (events.length === 0) return;
  const sceneIds = [...new Set(events.map((e) => e.sceneId).filter((id): id is string => !!id))];
  const origins = sceneIds.length
    ? await db
        .select({ sceneId: sceneTemplates.sceneId, templateId: sceneTemplates.templateId })
        .from(sceneTemplates)
        .where(and(eq(sceneTemplates.workspaceId, workspaceId), inArray(sceneTemplates.sceneId, sceneIds)))
    : [];
  const templateBy = new Map(origins.map((o) => [o.sceneId, o.templateId]));
  await db.insert(templateEvents).values(
    events.map((e) => ({
      id: newId("tev"),
      workspaceId,
      kind: e.kind,
      sceneId: e.sceneId,
      templateId: e.sceneId ? (templateBy.get(e.sceneId) ?? null) : null,
      ratio: e.ratio,
      format: e.format,
    })),
  );
}

/** Exports + downloads per template id, for "For you". */
export async function templateUsage(db: Database, workspaceId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ templateId: templateEvents.templateId, count: sql<number>`count(*)::int` })
    .from(templateEvents)
    .where(and(eq(templateEvents.workspaceId, workspaceId), sql`${templateEvents.templateId} is not null`))
    .groupBy(templateEvents.templateId);
  return Object.fromEntries(rows.map((r) => [r.templateId!, Number(r.count)]));
}

/** The batch an output belongs to (download events). */
export async function outputOrigin(db: Database, workspaceId: string, outputId: string) {
  const [row] = await db
    .select({
      sceneId: renderBatches.sceneId,
      format: renderBatches.format,
      width: renderOutputs.width,
      height: renderOutputs.height,
    })
    .from(renderOutputs)
    .innerJoin(renderBatches, eq(renderBatches.id, renderOutputs.batchId))
    .where(and(eq(renderOutputs.workspaceId, workspaceId), eq(renderOutputs.id, outputId)))
    .limit(1);
  return row ?? null;
}

// ------------------------------------------------------------------ thumbnails

export async function findThumbnailsByKeys(db: Database, workspaceId: string, keys: string[]) {
  if (keys.length === 0) return [];
  return db
    .select({
      id: templateThumbnails.id,
      cacheKey: templateThumbnails.cacheKey,
      status: templateThumbnails.status,
      templateId: templateThumbnails.templateId,
    })
    .from(templateThumbnails)
    .where(and(eq(templateThumbnails.workspaceId, workspaceId), inArray(templateThumbnails.cacheKey, keys)));
}

export async function getThumbnailInWorkspace(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(templateThumbnails)
    .where(and(eq(templateThumbnails.workspaceId, workspaceId), eq(templateThumbnails.id, id)))
    .limit(1);
  if (!row) throw notFound("Preview");
  return row;
}

/** For the worker and the render-asset route (no workspace: the id is the capability, checked by token). */
export async function getThumbnailForRender(db: Database, id: string) {
  const [row] = await db.select().from(templateThumbnails).where(eq(templateThumbnails.id, id)).limit(1);
  return row ?? null;
}

export async function markThumbnailRendering(db: Database, id: string) {
  const rows = await db
    .update(templateThumbnails)
    .set({ status: "rendering" })
    .where(and(eq(templateThumbnails.id, id), inArray(templateThumbnails.status, ["queued", "rendering"])))
    .returning({ id: templateThumbnails.id });
  return rows.length > 0;
}

/** false when the row is gone (its workspace or product deleted while it was drawn): the caller removes its file. */
export async function markThumbnailDone(db: Database, id: string, fileKey: string, renderMs: number) {
  const updated = await db
    .update(templateThumbnails)
    .set({ status: "done", fileKey, renderMs, error: null, finishedAt: new Date() })
    .where(eq(templateThumbnails.id, id))
    .returning({ id: templateThumbnails.id });
  return updated.length > 0;
}

export async function markThumbnailFailed(db: Database, id: string, error: string, final: boolean) {
  await db
    .update(templateThumbnails)
    .set({ status: final ? "failed" : "queued", error: error.slice(0, 500), finishedAt: final ? new Date() : null })
    .where(eq(templateThumbnails.id, id));
}
