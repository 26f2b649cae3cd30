import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { productFileResponse } from "../file-response";

export const runtime = "nodejs";

/** The file as it was uploaded (a multi-file .gltf comes back as one .zip). */
export const GET = workspaceRoute({ permission: "products.view", schema: z.object({}) }, ({ ctx, params }) =>
  productFileResponse(ctx, params.productId, "original", true),
);
