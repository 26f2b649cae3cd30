import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { listSampleProducts } from "@/lib/products/catalog";
import { uploadLimits } from "@/lib/products/limits";
import { modelWorkers } from "@/lib/products/model-worker";
import { createProductFromUpload, listWorkspaceProducts } from "@/lib/products/product-service";
import { readUploadRequest } from "@/lib/products/read-upload";
import { assertSafeInput } from "@/lib/validation/assert-safe-input";

export const runtime = "nodejs";

export const GET = workspaceRoute({ role: "viewer", schema: z.object({}) }, async ({ ctx }) => {
  // The library is where uploads start: have a model worker loaded before the first one arrives.
  if (ctx.role !== "viewer") modelWorkers().warm(uploadLimits());
  return { products: await listWorkspaceProducts(getDb(), ctx.workspace.id), samples: listSampleProducts() };
});

/** Upload: multipart with "files" (one .glb, a .gltf and its files, or one .zip) and an optional "name". */
export const POST = workspaceRoute({ role: "editor", schema: z.object({}), body: "upload" }, async ({ ctx, request }) => {
  const limits = uploadLimits();
  const { files, name } = await readUploadRequest(request, limits);
  // The name and the file names are stored as text: NUL or a lone surrogate is a 422, not a database error.
  assertSafeInput({ name, files: files.map((f) => f.name) });
  const product = await createProductFromUpload(getDb(), { workspaceId: ctx.workspace.id, userId: ctx.userId }, files, { name, limits });
  return Response.json({ product }, { status: 201 });
});
