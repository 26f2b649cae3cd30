import { getDb, type Database } from "@/lib/db";
import { findProductRow, findProductRows, listProductNames, listProducts } from "@/lib/db/queries/products";
import type { ProductRow } from "@/lib/db/schema";
import { modelUrl, thumbnailUrl } from "./product-service";
import type { Product, ProductOption } from "./product-types";
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

/** The shared samples change only with a deploy: built once per process, frozen so no caller can alter them. */
const SAMPLES: readonly ProductInfo[] = Object.freeze(SAMPLE_PRODUCTS.map((s) => Object.freeze(fromSample(s))));
const SAMPLES_BY_ID = new Map(SAMPLES.map((s) => [s.id, s]));

export function listSampleProducts(): ProductInfo[] {
  return [...SAMPLES];
}

/** Every product a workspace may use: its own uploads (newest first), then the shared samples. */
export async function listAvailableProducts(workspaceId: string): Promise<ProductInfo[]> {
  const rows = await listProducts(getDb(), workspaceId);
  return [...rows.map(fromRow), ...listSampleProducts()];
}

/** What product pickers show (the template gallery): id and name of the workspace's uploads, then the samples. */
export async function listProductOptions(workspaceId: string): Promise<ProductOption[]> {
  const rows = await listProductNames(getDb(), workspaceId);
  return [
    ...rows.map((r) => ({ id: r.id, name: r.name, sample: false })),
    ...SAMPLES.map((s) => ({ id: s.id, name: s.name, sample: true })),
  ];
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
  const sample = SAMPLES_BY_ID.get(productId);
  if (sample) return sample;
  if (!productId.startsWith("prd_")) return null;
  const row = await findProductRow(db, workspaceId, productId);
  return row ? fromRow(row) : null;
}

/** Several products the workspace may use, by id (unknown and other workspaces' ids left out): at most one query. */
export async function findProducts(
  workspaceId: string,
  productIds: string[],
  db: Database = getDb(),
): Promise<ProductInfo[]> {
  const ids = [...new Set(productIds)];
  const uploaded = ids.filter((id) => !SAMPLES_BY_ID.has(id) && id.startsWith("prd_"));
  const rows = await findProductRows(db, workspaceId, uploaded);
  return [...ids.flatMap((id) => SAMPLES_BY_ID.get(id) ?? []), ...rows.map(fromRow)];
}
