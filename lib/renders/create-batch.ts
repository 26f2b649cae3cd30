import type { Database } from "@/lib/db";
import { sql } from "drizzle-orm";
import { renderBatches, renderOutputs, scenes, sceneTemplates } from "@/lib/db/schema";
import { newId } from "@/lib/ids";
import { recordExportVersion } from "@/lib/scene-versions/auto-version";
import { withJobTransaction, type Enqueue } from "@/lib/jobs/job-transaction";
import type { SceneDocument } from "@/lib/scene";
import type { ExportRequest } from "./export-options";
import { renderFileName, uniqueNames } from "./file-names";
import { planExport } from "./shot-plan";
import { studioExtraSeconds, studioRefusal } from "./studio";
import { jobKind } from "@/lib/jobs/registry";
import { studioOffer } from "./studio-settings";
import { AppError } from "@/lib/errors";
import { creditsForStill } from "@/lib/billing/plans";

export type RenderTx = Database;

export type CreateBatchInput = {
  workspaceId: string;
  userId: string | null;
  sceneId: string;
  sceneName: string;
  productName: string;
  document: SceneDocument;
  request: ExportRequest;
  /** A lower long-side cap for every image (a test API key's small drafts), shots included. */
  maxPx?: number;
  /** Stamp the free trial's watermark on every output (decided from the plan at export time). */
  watermark?: boolean;
  /**
   * Runs inside the transaction after the rows are written and before the
   * jobs are queued (credits are debited here); throwing refuses the whole batch.
   */
  beforeCommit?: (
    tx: RenderTx,
    batch: { batchId: string; outputs: { id: string; width: number; height: number; credits?: number }[] },
  ) => Promise<void>;
};

/**
 * One transaction creates the batch, one output per size (each holding a
 * frozen copy of the scene) and the pg-boss jobs, which carry ids only:
 * either all of it exists or none of it does.
 */
export async function createRenderBatch(input: CreateBatchInput) {
  return withJobTransaction(async (tx, enqueue) => {
    const batch = await writeRenderBatch(tx, enqueue, input);
    // Version history: what was exported stays restorable (its picture is the batch's first output). Not for a
    // batch of batches (writeRenderBatch alone): its scenes are new, made from templates in the same transaction.
    await recordExportVersion(tx, { ...input, renderOutputId: batch.outputIds[0] ?? null });
    return batch;
  });
}

/**
 * The scene's main product and template, copied onto a new batch row as they are now (every caller, stills or
 * video, UI or API, gets them), so the Renders page's product and template filters read the batch row alone.
 * A template linked earlier in the same transaction is seen here.
 */
export function sceneFilterColumns(workspaceId: string, sceneId: string) {
  return {
    productId: sql<
      string | null
    >`(select ${scenes.productId} from ${scenes} where ${scenes.id} = ${sceneId} and ${scenes.workspaceId} = ${workspaceId})`,
    templateId: sql<
      string | null
    >`(select ${sceneTemplates.templateId} from ${sceneTemplates} where ${sceneTemplates.sceneId} = ${sceneId} and ${sceneTemplates.workspaceId} = ${workspaceId})`,
  };
}

/** createRenderBatch's writes inside a caller's transaction (a batch of batches writes several in one). */
export async function writeRenderBatch(tx: Database, enqueue: Enqueue, input: CreateBatchInput) {
  // The main shot's sizes, then each extra shot in its own ratios (./shot-plan.ts).
  const planned = planExport(input.document, input.request, { maxPx: input.maxPx });
  // Studio only where the server offers it and only for hero ratios (shots included): refused before anything is
  // written, queued or charged.
  const studio = studioRefusal(input.request.quality, planned, studioOffer());
  if (studio) throw new AppError("unprocessable", studio, { quality: studio });
  const names = uniqueNames(
    planned.map((p) =>
      renderFileName({
        productName: input.productName,
        sceneName: input.sceneName,
        label: p.ratio,
        width: p.width,
        height: p.height,
        format: input.request.format,
        shotLabel: p.shot?.label,
      }),
    ),
  );
  const batchId = newId("rb");
  const outputs = planned.map(({ ratio: _ratio, ...p }, i) => ({ id: newId("rnd"), ...p, fileName: names[i] }));
  const snapshot = input.request.transparent
    ? { ...input.document, background: { kind: "transparent" as const } }
    : input.document;

  {
    const [{ createdAt }] = await tx
      .insert(renderBatches)
      .values({
        id: batchId,
        workspaceId: input.workspaceId,
        sceneId: input.sceneId,
        sceneName: input.sceneName,
        productName: input.productName,
        format: input.request.format,
        quality: input.request.quality,
        transparent: input.request.transparent,
        watermark: input.watermark ?? false,
        ...sceneFilterColumns(input.workspaceId, input.sceneId),
        createdBy: input.userId,
      })
      .returning({ createdAt: renderBatches.createdAt });
    await tx.insert(renderOutputs).values(
      outputs.map((o, position) => ({
        id: o.id,
        position,
        batchId,
        workspaceId: input.workspaceId,
        label: o.label,
        width: o.width,
        height: o.height,
        fileName: o.fileName,
        shotId: o.shot?.id ?? null,
        shotLabel: o.shot?.label ?? null,
        snapshot,
      })),
    );
    await input.beforeCommit?.(tx, {
      batchId,
      // Priced per quality (lib/billing/plans.ts: Studio costs more); Draft and Final keep the area price.
      outputs: outputs.map(({ id, width, height }) => ({
        id,
        width,
        height,
        ...(input.request.quality === "studio" && { credits: creditsForStill(width, height, "studio") }),
      })),
    });
    // A Studio image draws for its budget on top: its job may stay active that much longer (./studio.ts). The
    // budget travels in the job, so the worker draws for exactly what the expiry allows.
    const studioBudgetS = input.request.quality === "studio" ? studioOffer().budgetS : undefined;
    const expire =
      studioBudgetS === undefined
        ? undefined
        : {
            expireInSeconds: jobKind("render-output").queueOptions.expireInSeconds + studioExtraSeconds(studioBudgetS),
          };
    for (const o of outputs)
      await enqueue("render-output", { outputId: o.id, ...(studioBudgetS !== undefined && { studioBudgetS }) }, expire);
    // What was written, so a caller can answer without reading it back (the outputs are all queued).
    return {
      batchId,
      outputIds: outputs.map((o) => o.id),
      createdAt,
      outputs: outputs.map(({ id, label, width, height, fileName, shot }) => ({
        id,
        label,
        width,
        height,
        fileName,
        shotId: shot?.id ?? null,
        shotLabel: shot?.label ?? null,
      })),
    };
  }
}
