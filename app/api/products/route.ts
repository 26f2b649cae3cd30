import { z } from "zod";
import { productListOutput, productOutput } from "@/lib/api/outputs/products";
import { callerCan } from "@/lib/auth/caller";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { listSampleProducts } from "@/lib/products/catalog";
import { uploadLimits } from "@/lib/products/limits";
import { modelWorkers } from "@/lib/products/model-worker";
import { createProductFromUpload, listWorkspaceProducts } from "@/lib/products/product-service";
import { readUploadRequest } from "@/lib/products/read-upload";
import { assertSafeInput } from "@/lib/validation/assert-safe-input";

export const runtime = "nodejs";

export const GET = workspaceRoute(
  { permission: "products.view", schema: z.object({}), output: productListOutput },
  async ({ ctx }) => {
    // The library is where uploads start: have a model worker loaded before the first one arrives, and this
    // process's job queue started (its first start checks pg-boss's schema and every queue) for the thumbnail
    // job an upload queues.
    if (callerCan(ctx, "products.write")) {
      modelWorkers().warm(uploadLimits());
      void getBoss("web").catch(() => undefined);
    }
    return { products: await listWorkspaceProducts(getDb(), ctx.workspace.id), samples: listSampleProducts() };
  },
);

/** Upload: multipart with "files" (one .glb, a .gltf and its files, or one .zip) and an optional "name". */
export const POST = workspaceRoute(
  { permission: "products.write", schema: z.object({}), body: "upload", output: productOutput, status: 201 },
  async ({ ctx, request }) => {
    const limits = uploadLimits();
    const { files, name } = await readUploadRequest(request, limits);
    // The name and the file names are stored as text: NUL or a lone surrogate is a 422, not a database error.
    assertSafeInput({ name, files: files.map((f) => f.name) });
    const product = await createProductFromUpload(getDb(), ctx, files, { name, limits });
    return { product };
  },
);
