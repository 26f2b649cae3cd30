import type { WorkspaceCaller } from "@/lib/auth/caller";
import { purchasablePlans } from "@/lib/billing/config";
import { oversizeMessage, oversizeOutput } from "@/lib/billing/credits";
import { getWorkspacePlan } from "@/lib/billing/workspace-plan";
import { assertBrandAssetsAvailable } from "@/lib/brand/assert-brand-assets";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findProduct } from "@/lib/products/catalog";
import { loadScene } from "@/lib/stored-scenes/scene-service";

/**
 * What every export (stills or video) checks before it writes anything: the scene is the caller's, its product still
 * exists, and no output is over the plan's size limit. Plan limits are checked here for a quick answer, and again
 * under the billing lock when credits are debited. One place, so the two export kinds word refusals alike (no upgrade
 * offered on a server that sells no plans).
 */
export async function exportPreflight(
  db: Database,
  ctx: WorkspaceCaller,
  sceneId: string,
  outputs: readonly { width: number; height: number }[],
) {
  // The plan is read beside the scene (two connections, one wait): it does not depend on it.
  const [scene, plan] = await Promise.all([loadScene(db, ctx, sceneId), getWorkspacePlan(db, ctx.workspaceId)]);
  const mainProduct = await findProduct(ctx.workspaceId, scene.document.products[0].productId, db);
  if (!mainProduct)
    throw new AppError(
      "unprocessable",
      "This scene's product no longer exists. Pick another product before exporting.",
    );
  // A logo removed or replaced in the brand kit since the scene placed it: refused before anything is charged.
  await assertBrandAssetsAvailable(db, ctx.workspaceId, scene.document);
  const tooLarge = oversizeOutput(plan, [...outputs]);
  if (tooLarge) throw new AppError("payment_required", oversizeMessage(plan, tooLarge, purchasablePlans()));
  return { scene, mainProduct, plan };
}
