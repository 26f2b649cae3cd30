import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { getDb } from "@/lib/db";
import { findProductRow } from "@/lib/db/queries/products";
import { AppError } from "@/lib/errors";
import { getSampleProduct } from "@/lib/products/samples";
import { getStorage } from "@/lib/storage";

/**
 * `version` names these exact bytes (it changes whenever the file may have): the
 * render session page keeps parsed models by it between outputs.
 */
export type ModelStream = { stream: ReadableStream<Uint8Array>; size: number; version: string };

/** The web-ready GLB of a product the workspace may use: a shipped sample or its own upload. */
export async function openProductModel(workspaceId: string, productId: string): Promise<ModelStream | null> {
  const sample = getSampleProduct(productId);
  if (sample) {
    const file = path.join(process.cwd(), "public", sample.file);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat) return null;
    return {
      stream: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>,
      size: stat.size,
      version: `sample:${sample.file}:${stat.size}:${stat.mtimeMs}`,
    };
  }
  const row = await findProductRow(getDb(), workspaceId, productId);
  if (!row?.modelKey) return null;
  const object = await getStorage().get(row.modelKey);
  // The unit fix-up rewrites the file in place and bumps updatedAt.
  return object
    ? { stream: object.stream, size: object.size, version: `${row.modelKey}:${row.updatedAt.getTime()}:${object.size}` }
    : null;
}

/** A product's model as the render page's asset routes serve it (404 when it is gone). */
export async function productModelResponse(workspaceId: string, productId: string): Promise<Response> {
  const model = await openProductModel(workspaceId, productId);
  if (!model) throw new AppError("not_found", "Product model was not found.");
  return new Response(model.stream, {
    headers: {
      "content-type": "model/gltf-binary",
      "content-length": String(model.size),
      "cache-control": "private, max-age=300",
    },
  });
}
