import { getDb, type Database } from "@/lib/db";
import { findProductRow, listProducts } from "@/lib/db/queries/products";
import type { ProductRow } from "@/lib/db/schema";
import { modelUrl, thumbnailUrl } from "./product-service";
import type { Product } from "./product-types";
import { SAMPLE_PRODUCTS, type SampleProduct } from "./samples";

/** What the editor and renderer need to know about a product: the one product type (./product-types.ts). */
export type ProductInfo = Product;

function fromSample(s: SampleProduct): ProductInfo {
  return {
    id: s.id,
    name: s.name,
    url: s.file,
    dimensionsM: s.dimensionsM,
    triangles: s.triangles,
    materials: s.materials,
    variants: s.variants,
    sample: true,
    // Rendered by scripts/generate-samples/thumbnails.ts and shipped with the app.
    thumbnailUrl: s.file.replace(/\.glb$/, ".png"),
  };
}

function fromRow(row: ProductRow): ProductInfo {
  return {
    id: row.id,
    name: row.name,
    // The web-ready copy, served only to members of the product's workspace; the version busts caches after a unit fix-up.
    url: modelUrl(row.id, row.updatedAt),
    dimensionsM: row.dimensionsM,
    triangles: row.triangles,
    materials: row.materials,
    variants: row.variants,
    sample: false,
    thumbnailUrl: thumbnailUrl(row),
  };
}

export function listSampleProducts(): ProductInfo[] {
  return SAMPLE_PRODUCTS.map(fromSample);
}

/** Every product a workspace may use: its own uploads (newest first), then the shared samples. */
export async function listAvailableProducts(workspaceId: string): Promise<ProductInfo[]> {
  const rows = await listProducts(getDb(), workspaceId);
  return [...rows.map(fromRow), ...listSampleProducts()];
}

/**
 * A product the workspace may use: a shared sample or one of its own uploads (null for another workspace's).
 * Services pass the `db` (or transaction) they were given, so the read sees what that transaction sees.
 */
export async function findProduct(
  workspaceId: string,
  productId: string,
  db: Database = getDb(),
): Promise<ProductInfo | null> {
  const sample = SAMPLE_PRODUCTS.find((s) => s.id === productId);
  if (sample) return fromSample(sample);
  if (!productId.startsWith("prd_")) return null;
  const row = await findProductRow(db, workspaceId, productId);
  return row ? fromRow(row) : null;
}
