import { z } from "zod";
import type { ShopifyConnectionView } from "@/lib/shopify/connection-types";
import type { ShopifyPushView } from "@/lib/shopify/push-types";

/** Declared response shapes of /api/integrations/shopify/*: never a token, only its last four characters. */
export const shopifyConnectionOutput: z.ZodType<ShopifyConnectionView> = z
  .object({
    shopDomain: z.string(),
    shopName: z.string(),
    scopes: z.array(z.string()),
    tokenHint: z.string().max(4),
    authKind: z.enum(["token", "client_credentials"]),
    clientId: z.string().nullable(),
    connectedAt: z.string(),
  })
  .strict();

export const shopifyDisconnectedOutput = z.object({ connected: z.literal(false) });

export const shopifyProductsOutput = z.object({
  products: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      handle: z.string(),
      status: z.string(),
      imageUrl: z.string().nullable(),
    }),
  ),
});

export const shopifyPushOutput: z.ZodType<ShopifyPushView> = z.object({
  id: z.string(),
  shopDomain: z.string(),
  productGid: z.string(),
  productTitle: z.string(),
  status: z.enum(["queued", "pushing", "done", "failed"]),
  error: z.string().nullable(),
  createdAt: z.string(),
  items: z.array(
    z.object({
      position: z.number().int(),
      sourceKind: z.enum(["output", "viewer"]),
      sourceId: z.string(),
      label: z.string(),
      alt: z.string(),
      status: z.enum(["waiting", "uploading", "processing", "attached", "failed"]),
      error: z.string().nullable(),
    }),
  ),
});

export const shopifyPushStateOutput = z.object({
  connection: z.object({ shopDomain: z.string(), shopName: z.string() }).nullable(),
  models: z.array(z.object({ id: z.string(), label: z.string(), bytes: z.number() })),
  pushes: z.array(shopifyPushOutput),
});
export type ShopifyPushState = z.infer<typeof shopifyPushStateOutput>;
