import { actingUserId, assertCan, type WorkspaceCaller } from "@/lib/auth/caller";
import { purchasablePlans } from "@/lib/billing/config";
import { creditsForOutputs, insufficientCreditsMessage, oversizeMessage, oversizeOutput } from "@/lib/billing/credits";
import { debitCreditsForExport } from "@/lib/billing/debit";
import { getWorkspacePlan } from "@/lib/billing/workspace-plan";
import type { Database } from "@/lib/db";
import { getCreditBalance } from "@/lib/db/queries/billing";
import { linkSceneToTemplate } from "@/lib/db/queries/templates";
import { renderGroupBatches, renderGroups } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { findProduct } from "@/lib/products/catalog";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import { createSceneFromDocument } from "@/lib/stored-scenes/scene-service";
import { templateSceneFor } from "@/lib/templates/template-service";
import { writeRenderBatch } from "./create-batch";
import { planOutputs, type ExportRequest, type PlannedOutput } from "./export-options";
import { renderGroupSchema, type RenderGroupInput } from "./render-group-input";
import { planExport } from "./shot-plan";

/**
 * How a caller other than the dialog makes a group (the public API): `free` for a test key's Drafts (no credits
 * checked or debited), `watermark` to stamp them, `onBatch` to record each batch in the same transaction.
 */
export type RenderGroupOptions = {
  free?: boolean;
  watermark?: boolean;
  onBatch?: (tx: Database, batchId: string) => Promise<void>;
};

/** What the group would cost, before anything is made: shown in the dialog, checked again under the lock. */
export async function quoteRenderGroup(db: Database, ctx: WorkspaceCaller, raw: unknown) {
  const {
    plan: _plan,
    combos: _combos,
    ...quote
  } = await quoteWithPlan(db, ctx, renderGroupSchema.parse(raw), {
    free: false,
  });
  return quote;
}

type Combo = Awaited<ReturnType<typeof templateSceneFor>> & { templateId: string };

/** The export request one batch of the group renders: the main view's sizes, plus every shot or none. */
const batchRequest = (input: RenderGroupInput): ExportRequest => ({
  ...input.export,
  shots: input.shots === "all" ? undefined : [],
});

/** One scene per template × product, made the way "Use template" makes it (reads only). */
async function groupCombos(db: Database, ctx: WorkspaceCaller, input: RenderGroupInput): Promise<Combo[]> {
  const combos: Combo[] = [];
  for (const productId of unique(input.productIds))
    for (const templateId of unique(input.templateIds))
      combos.push({
        templateId,
        ...(await templateSceneFor(db, ctx, { templateId, productId, tinted: input.tinted })),
      });
  return combos;
}

/**
 * The quote and the plan it was checked against; a free group (a test key's) reads no balance. With shots, each
 * combination is planned from its own document (the combos are returned, so creating reads them once).
 */
async function quoteWithPlan(db: Database, ctx: WorkspaceCaller, input: RenderGroupInput, { free = false }) {
  assertCan(ctx, "renders.create");
  // Products of this workspace only (another workspace's ids answer 404, as everywhere).
  for (const productId of unique(input.productIds))
    if (!(await findProduct(ctx.workspaceId, productId, db)))
      throw new AppError("not_found", "Product was not found.", { productIds: "Pick your own products." });
  const count = unique(input.productIds).length * unique(input.templateIds).length;
  const combos = input.shots === "all" ? await groupCombos(db, ctx, input) : null;
  const perBatch: PlannedOutput[][] = combos
    ? combos.map((combo) => planExport(combo.document, batchRequest(input)))
    : Array.from({ length: count }, () => planOutputs(input.export));
  const plan = await getWorkspacePlan(db, ctx.workspaceId);
  const tooLarge = oversizeOutput(plan, perBatch.flat());
  if (tooLarge) throw new AppError("payment_required", oversizeMessage(plan, tooLarge, purchasablePlans()));
  const credits = free ? 0 : perBatch.reduce((sum, planned) => sum + creditsForOutputs(planned), 0);
  const balance = free ? 0 : await getCreditBalance(db, ctx.workspaceId);
  const outputs = perBatch.reduce((sum, planned) => sum + planned.length, 0);
  return { batches: count, outputs, credits, balance, enough: credits <= balance, plan, combos };
}

/**
 * "Render this template for all products" and "this product in these templates": one scene per template ×
 * product, made the way "Use template" makes it, and one export batch each, all in one transaction with the
 * credits debited batch by batch under the billing lock: the last batch that does not fit rolls everything back,
 * so the group starts whole or not at all. Outputs then render, fail and are refunded like any export's.
 */
export async function createRenderGroup(
  db: Database,
  ctx: WorkspaceCaller,
  raw: unknown,
  options: RenderGroupOptions = {},
) {
  assertCan(ctx, "renders.create");
  assertCan(ctx, "scenes.write");
  const input: RenderGroupInput = renderGroupSchema.parse(raw);
  const { plan, combos: quoted, ...quote } = await quoteWithPlan(db, ctx, input, { free: options.free });
  if (!options.free && !quote.enough)
    throw new AppError(
      "payment_required",
      insufficientCreditsMessage(quote.credits, quote.balance, purchasablePlans()),
    );

  // Documents first (reads only): an unknown product or template refuses the group before anything is written.
  const combos = quoted ?? (await groupCombos(db, ctx, input));

  const groupId = newId("rg");
  const title =
    unique(input.templateIds).length === 1
      ? `${combos[0].templateName} × ${unique(input.productIds).length} products`
      : `${combos[0].product.name} in ${unique(input.templateIds).length} templates`;

  return withJobTransaction(async (tx, enqueue) => {
    await tx
      .insert(renderGroups)
      .values({ id: groupId, workspaceId: ctx.workspaceId, title, createdBy: actingUserId(ctx) });
    const batchIds: string[] = [];
    for (const combo of combos) {
      const { id: sceneId } = await createSceneFromDocument(tx, ctx, combo.document, combo.name);
      await linkSceneToTemplate(tx, ctx.workspaceId, sceneId, combo.templateId);
      const { batchId } = await writeRenderBatch(tx, enqueue, {
        workspaceId: ctx.workspaceId,
        userId: actingUserId(ctx),
        sceneId,
        sceneName: combo.name,
        productName: combo.product.name,
        document: combo.document,
        // The main view's sizes, plus each template's own shots when asked (the quote planned the same).
        request: batchRequest(input),
        watermark: options.watermark || plan.watermark,
        beforeCommit: async (t, batch) => {
          if (!options.free) await debitCreditsForExport(t, { workspaceId: ctx.workspaceId, ...batch });
        },
      });
      await tx.insert(renderGroupBatches).values({
        batchId,
        groupId,
        workspaceId: ctx.workspaceId,
        productId: combo.product.id,
        productName: combo.product.name,
        templateId: combo.templateId,
      });
      await options.onBatch?.(tx, batchId);
      batchIds.push(batchId);
    }
    return { groupId, title, batchIds, credits: options.free ? 0 : quote.credits };
  });
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
