import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { openBrandAsset } from "@/lib/brand/brand-identity";
import { getDb } from "@/lib/db";
import { CACHE, serveFile } from "@/lib/files";
import { getStorage } from "@/lib/storage";

export const runtime = "nodejs";

/** A logo's stored PNG (ids are never reused, so it is cached as immutable); another workspace's id is a 404. */
export const GET = workspaceRoute({ permission: "brand_kit.view", schema: z.object({}) }, async ({ ctx, params }) => {
  const { object, createdAt } = await openBrandAsset(getDb(), getStorage(), ctx.workspace.id, params.assetId);
  return serveFile(object, { contentType: "image/png", cache: CACHE.immutable, lastModified: createdAt });
});
