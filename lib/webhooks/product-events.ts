import { insertProduct } from "@/lib/db/queries/products";
import type { NewProductRow } from "@/lib/db/schema";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import { emitWebhookEvent } from "./emit-event";

/**
 * Stores an uploaded product and its product.ready event in one transaction: the model is validated and
 * normalised before the row exists, so a stored product is ready to place in scenes.
 */
export async function insertProductWithEvent(row: NewProductRow & { id: string; workspaceId: string; name: string }) {
  await withJobTransaction(async (tx, enqueue) => {
    await insertProduct(tx, row);
    await emitWebhookEvent(tx, enqueue, {
      workspaceId: row.workspaceId,
      type: "product.ready",
      dedupeKey: `product.ready:${row.id}`,
      data: { id: row.id, name: row.name, dimensionsM: row.dimensionsM, triangles: row.triangles },
    });
  });
}
