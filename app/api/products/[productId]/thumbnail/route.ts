import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { productFileResponse } from "../file-response";

export const runtime = "nodejs";

export const GET = workspaceRoute({ permission: "products.view", schema: z.object({}) }, ({ ctx, params }) =>
  productFileResponse(ctx, params.productId, "thumbnail"),
);
