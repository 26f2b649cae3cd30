/**
 * The brand kit's logo and fonts (issue 19): what overlays draw. Kept beside the colours kit
 * (lib/templates/brand-kit.ts) rather than inside it: uploads are bytes, not a form.
 */
import { z } from "zod";
import type { Database } from "@/lib/db";
import {
  deleteLogoAssetsExcept,
  getBrandAsset,
  getBrandIdentity,
  insertBrandAsset,
  setBrandFonts,
  setBrandLogo,
} from "@/lib/db/queries/brand-assets";
import { AppError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { BRAND_FONT_IDS, MAX_BRAND_FONTS, type BrandFontId } from "@/lib/overlays/fonts";
import type { StorageDriver } from "@/lib/storage";
import { brandAssetUrl } from "./asset-url";
import { logoToPng } from "./logo-file";

export type BrandLogoView = {
  id: string;
  url: string;
  width: number;
  height: number;
  sourceFormat: string;
  name: string;
};
export type BrandIdentityView = { logo: BrandLogoView | null; fonts: BrandFontId[] };

export const brandFontsSchema = z.object({
  fonts: z
    .array(z.enum(BRAND_FONT_IDS, { message: "Pick one of the bundled fonts." }))
    .max(MAX_BRAND_FONTS, `Pick at most ${MAX_BRAND_FONTS} fonts.`)
    .refine((ids) => new Set(ids).size === ids.length, "Pick each font once."),
});

export const brandAssetKey = (workspaceId: string, assetId: string) => `workspaces/${workspaceId}/brand/${assetId}.png`;

function logoView(row: NonNullable<Awaited<ReturnType<typeof getBrandAsset>>>): BrandLogoView {
  return {
    id: row.id,
    url: brandAssetUrl(row.id),
    width: row.width,
    height: row.height,
    sourceFormat: row.sourceFormat,
    name: row.originalName,
  };
}

export async function loadBrandIdentity(db: Database, workspaceId: string): Promise<BrandIdentityView> {
  const { logo, fonts } = await getBrandIdentity(db, workspaceId);
  const known = new Set<string>(BRAND_FONT_IDS);
  return { logo: logo ? logoView(logo) : null, fonts: fonts.filter((f): f is BrandFontId => known.has(f)) };
}

/**
 * Deletes stored logo files whose rows are gone (after the transaction that removed them committed, so a rollback
 * never leaves a row without its file). A file that cannot be deleted now is only unreachable: it is logged.
 */
async function deleteFiles(storage: StorageDriver, keys: readonly string[]) {
  for (const key of keys)
    await storage.delete(key).catch((err: unknown) => console.warn(`brand logo file ${key} not deleted:`, err));
}

/**
 * Checks, converts and stores a logo, then makes it the kit's logo. The file is written before the row. The logo
 * it replaces is deleted, row and file: a workspace stores only its kit's logo. Exports already rendered keep it
 * (its pixels are in their files); a scene that still places the old one is refused at save and at export with a
 * message that says to place the new logo (lib/brand/assert-brand-assets.ts).
 */
export async function uploadBrandLogo(
  db: Database,
  storage: StorageDriver,
  workspaceId: string,
  bytes: Uint8Array,
  name: string,
): Promise<BrandIdentityView> {
  const logo = await logoToPng(bytes);
  const id = newId("bra");
  const fileKey = brandAssetKey(workspaceId, id);
  await storage.put(fileKey, logo.png, "image/png");
  let replaced: string[] = [];
  try {
    replaced = await db.transaction(async (tx) => {
      await insertBrandAsset(tx, {
        id,
        workspaceId,
        kind: "logo",
        fileKey,
        width: logo.width,
        height: logo.height,
        bytes: logo.png.length,
        sourceFormat: logo.sourceFormat,
        originalName: name.slice(0, 200),
      });
      await setBrandLogo(tx, workspaceId, id);
      return deleteLogoAssetsExcept(tx, workspaceId, id);
    });
  } catch (err) {
    await storage.delete(fileKey).catch(() => undefined); // nothing half saved
    throw err;
  }
  await deleteFiles(storage, replaced);
  return loadBrandIdentity(db, workspaceId);
}

/**
 * The kit forgets its logo and the stored logo is deleted, row and file. Exports already rendered are untouched
 * (the logo is drawn into their pixels); a scene that still places it gets a clear 422 at save and at export
 * ("remove that logo overlay or place the kit's current logo"), and a render queued before the removal fails
 * with "The scene's logo is no longer in the brand kit" (worker/overlays.ts), refunded as any failed output is.
 */
export async function removeBrandLogo(
  db: Database,
  storage: StorageDriver,
  workspaceId: string,
): Promise<BrandIdentityView> {
  const removed = await db.transaction(async (tx) => {
    await setBrandLogo(tx, workspaceId, null);
    return deleteLogoAssetsExcept(tx, workspaceId, null);
  });
  await deleteFiles(storage, removed);
  return loadBrandIdentity(db, workspaceId);
}

export async function saveBrandFonts(db: Database, workspaceId: string, fonts: BrandFontId[]) {
  await setBrandFonts(db, workspaceId, fonts);
  return loadBrandIdentity(db, workspaceId);
}

/** A logo's PNG for a member of its workspace (404 for any other workspace's id). */
export async function openBrandAsset(db: Database, storage: StorageDriver, workspaceId: string, assetId: string) {
  const row = await getBrandAsset(db, workspaceId, assetId);
  const object = row && (await storage.get(row.fileKey));
  if (!row || !object) throw notFound("That logo");
  return { object, createdAt: row.createdAt };
}

export function logoTooLarge(maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `This logo file is larger than ${Math.round(maxBytes / (1024 * 1024))} MB. Upload a smaller one: an SVG, or a PNG about 1600 px wide, is plenty.`,
  );
}
