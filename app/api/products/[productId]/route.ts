import { z } from "zod";
import { productOutput, productPatchOutput } from "@/lib/api/outputs/products";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { deleteProduct, getProduct, renameProduct, setProductUnit } from "@/lib/products/product-service";
import { UNIT_KEYS, type UnitKey } from "@/lib/products/units";

export const runtime = "nodejs";

export const GET = workspaceRoute(
  { permission: "products.view", schema: z.object({}), output: productOutput },
  async ({ ctx, params }) => {
    return { product: await getProduct(getDb(), ctx.workspace.id, params.productId) };
  },
);

const patchSchema = z
  .object({
    name: z.string().trim().min(1, "Give the product a name.").max(120, "Use at most 120 characters.").optional(),
    unit: z.enum(UNIT_KEYS as [UnitKey, ...UnitKey[]], { message: "Pick one of the listed units." }).optional(),
  })
  .refine((v) => v.name !== undefined || v.unit !== undefined, { message: "Nothing to change." });

export const PATCH = workspaceRoute(
  { permission: "products.write", schema: patchSchema, output: productPatchOutput },
  async ({ ctx, params, input }) => {
    const db = getDb();
    let product =
      input.name !== undefined ? await renameProduct(db, ctx.workspace.id, params.productId, input.name) : undefined;
    if (input.unit) product = await setProductUnit(db, ctx.workspace.id, params.productId, input.unit);
    return { product };
  },
);

export const DELETE = workspaceRoute(
  { permission: "products.write", schema: z.object({}) },
  async ({ ctx, params }) => {
    await deleteProduct(getDb(), ctx.workspace.id, params.productId);
    return new Response(null, { status: 204 });
  },
);
