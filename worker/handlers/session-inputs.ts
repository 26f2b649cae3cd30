import { openProductModel } from "@/lib/renders/product-model";
import { createRenderToken, RENDER_SESSION_ID } from "@/lib/renders/render-token";
import { PermanentRenderError } from "../failures";

/** The worker's render session page, with a fresh short-lived token. */
export function sessionUrl(appUrl: string): string {
  return `${appUrl}/render/session?token=${encodeURIComponent(createRenderToken(RENDER_SESSION_ID))}`;
}

/**
 * Each product's model version (the session page keeps parsed models by it).
 * A model that is gone fails the job for good: it was deleted after the job was queued.
 */
export async function modelVersions(workspaceId: string, productIds: readonly string[]): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  for (const productId of productIds) {
    const model = await openProductModel(workspaceId, productId);
    if (!model)
      throw new PermanentRenderError(`The product model is missing (${productId}); it may have been deleted.`);
    await model.stream.cancel();
    versions.set(productId, model.version);
  }
  return versions;
}
