import { z } from "zod";
import { shopifyProductsOutput } from "@/lib/api/outputs/shopify";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { searchShopifyProducts } from "@/lib/shopify/product-search";

export const dynamic = "force-dynamic";

/** `?q=<title words>`: products of the connected store, for "Push to Shopify"'s product picker. */
export const GET = workspaceRoute(
  { permission: "shopify.push", schema: z.object({}), output: shopifyProductsOutput },
  async ({ ctx, request }) => {
    const q = (new URL(request.url).searchParams.get("q") ?? "").trim();
    if (!q || q.length > 100)
      throw new AppError("unprocessable", "Type part of the product's title (up to 100 characters).");
    return { products: await searchShopifyProducts(getDb(), ctx, q) };
  },
);
