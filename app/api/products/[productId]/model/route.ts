import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { productFileResponse } from "../file-response";

export const runtime = "nodejs";

/** The web-ready GLB the editor and renderer load. */
export const GET = workspaceRoute({ permission: "products.view", schema: z.object({}) }, ({ ctx, params }) =>
  productFileResponse(ctx, params.productId, "model"),
);
