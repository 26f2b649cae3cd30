import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { renderBatches, renderGroupBatches, renderGroups, renderOutputs } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { getStorage } from "@/lib/storage";
import { shownRenderError } from "./failure-messages";
import { safeFolderName } from "./group-folders";
import { zipStream } from "./zip-stream";

async function loadGroup(db: Database, workspaceId: string, groupId: string) {
  const [group] = await db
    .select()
    .from(renderGroups)
    .where(and(eq(renderGroups.workspaceId, workspaceId), eq(renderGroups.id, groupId)))
    .limit(1);
  if (!group) throw notFound("Render group");
  const batches = await db
    .select({ link: renderGroupBatches, sceneName: renderBatches.sceneName })
    .from(renderGroupBatches)
    .innerJoin(renderBatches, eq(renderBatches.id, renderGroupBatches.batchId))
    .where(and(eq(renderGroupBatches.workspaceId, workspaceId), eq(renderGroupBatches.groupId, groupId)))
    .orderBy(asc(renderGroupBatches.productName), asc(renderBatches.sceneName));
  const outputs = batches.length
    ? await db
        .select({
          id: renderOutputs.id,
          batchId: renderOutputs.batchId,
          label: renderOutputs.label,
          status: renderOutputs.status,
          error: renderOutputs.error,
          fileName: renderOutputs.fileName,
          fileKey: renderOutputs.fileKey,
        })
        .from(renderOutputs)
        .where(
          and(
            eq(renderOutputs.workspaceId, workspaceId),
            inArray(
              renderOutputs.batchId,
              batches.map((b) => b.link.batchId),
            ),
          ),
        )
        .orderBy(asc(renderOutputs.position), asc(renderOutputs.id))
    : [];
  return { group, batches, outputs };
}

/** One progress view for the whole group: counts, and each batch (product × template) with its outputs. */
export async function getRenderGroup(db: Database, workspaceId: string, groupId: string) {
  const { group, batches, outputs } = await loadGroup(db, workspaceId, groupId);
  const count = (status: string) => outputs.filter((o) => o.status === status).length;
  return {
    id: group.id,
    title: group.title,
    createdAt: group.createdAt.toISOString(),
    total: outputs.length,
    done: count("done"),
    failed: count("failed"),
    open: count("queued") + count("rendering"),
    batches: batches.map(({ link, sceneName }) => ({
      batchId: link.batchId,
      productId: link.productId,
      productName: link.productName,
      templateId: link.templateId,
      sceneName,
      outputs: outputs
        .filter((o) => o.batchId === link.batchId)
        .map((o) => ({ id: o.id, label: o.label, status: o.status, error: shownRenderError(o.error) })),
    })),
  };
}

export type RenderGroupView = Awaited<ReturnType<typeof getRenderGroup>>;

/** The group's finished files in one ZIP, a folder per product (names made safe and unique). */
export async function renderGroupZip(db: Database, workspaceId: string, groupId: string) {
  const { group, batches, outputs } = await loadGroup(db, workspaceId, groupId);
  const done = outputs.filter((o) => o.status === "done" && o.fileKey);
  if (done.length === 0) throw new AppError("not_found", "No image of this group is ready yet.");
  const folders = new Map<string, string>();
  for (const { link } of batches) {
    if (folders.has(link.productId)) continue;
    const taken = new Set(folders.values());
    const base = safeFolderName(link.productName);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base} (${i})`;
    folders.set(link.productId, name);
  }
  const productOf = new Map(batches.map(({ link }) => [link.batchId, link.productId]));
  const storage = getStorage();
  const stream = zipStream(
    done.map((o) => ({
      name: `${folders.get(productOf.get(o.batchId)!)}/${o.fileName}`,
      open: async () => (await storage.get(o.fileKey!))?.stream ?? null,
    })),
  );
  return { group, stream };
}
