import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../index";
import { brandAssets, brandKits } from "../schema";

// Every query takes the workspace id: another workspace's asset behaves as unknown.

export async function getBrandAsset(db: Database, workspaceId: string, assetId: string) {
  const [row] = await db
    .select()
    .from(brandAssets)
    .where(and(eq(brandAssets.workspaceId, workspaceId), eq(brandAssets.id, assetId)))
    .limit(1);
  return row ?? null;
}

export async function insertBrandAsset(db: Database, row: typeof brandAssets.$inferInsert) {
  await db.insert(brandAssets).values(row);
}

/** Sets (or clears) the kit's logo; creates the kit row when the workspace has none yet. */
export async function setBrandLogo(db: Database, workspaceId: string, assetId: string | null) {
  await db
    .insert(brandKits)
    .values({ workspaceId, logoAssetId: assetId })
    .onConflictDoUpdate({
      target: brandKits.workspaceId,
      set: { logoAssetId: assetId, updatedAt: new Date(), version: sql`${brandKits.version} + 1` },
    });
}

export async function setBrandFonts(db: Database, workspaceId: string, fonts: string[]) {
  await db
    .insert(brandKits)
    .values({ workspaceId, fonts })
    .onConflictDoUpdate({ target: brandKits.workspaceId, set: { fonts, updatedAt: new Date() } });
}

export async function getBrandIdentity(db: Database, workspaceId: string) {
  const [row] = await db
    .select({ logoAssetId: brandKits.logoAssetId, fonts: brandKits.fonts })
    .from(brandKits)
    .where(eq(brandKits.workspaceId, workspaceId))
    .limit(1);
  const logo = row?.logoAssetId ? await getBrandAsset(db, workspaceId, row.logoAssetId) : null;
  return { logo, fonts: row?.fonts ?? [] };
}

/**
 * Deletes the workspace's logo assets other than `keep` (null: all of them) and answers their file keys, for the
 * caller to delete once its transaction has committed.
 */
export async function deleteLogoAssetsExcept(db: Database, workspaceId: string, keep: string | null) {
  const rows = await db
    .delete(brandAssets)
    .where(
      and(
        eq(brandAssets.workspaceId, workspaceId),
        eq(brandAssets.kind, "logo"),
        keep ? ne(brandAssets.id, keep) : undefined,
      ),
    )
    .returning({ fileKey: brandAssets.fileKey });
  return rows.map((r) => r.fileKey);
}
