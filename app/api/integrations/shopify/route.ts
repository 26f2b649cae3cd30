import { z } from "zod";
import { shopifyConnectionOutput, shopifyDisconnectedOutput } from "@/lib/api/outputs/shopify";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { connectShopifyStore, disconnectShopifyStore } from "@/lib/shopify/connection-service";

/**
 * Connects (or re-connects) the workspace's Shopify store with an Admin API access token or a store-owned app's client
 * id and secret: checked with the store, then encrypted.
 */
export const PUT = workspaceRoute(
  {
    permission: "integrations.manage",
    schema: z.union([
      z.object({ shopDomain: z.string().max(255), accessToken: z.string().max(255) }),
      z.object({ shopDomain: z.string().max(255), clientId: z.string().max(255), clientSecret: z.string().max(255) }),
    ]),
    output: shopifyConnectionOutput,
  },
  async ({ input, ctx }) => connectShopifyStore(getDb(), ctx, input),
);

/** Removes the store and its stored token. */
export const DELETE = workspaceRoute(
  { permission: "integrations.manage", schema: z.object({}), output: shopifyDisconnectedOutput },
  async ({ ctx }) => {
    await disconnectShopifyStore(getDb(), ctx);
    return { connected: false as const };
  },
);
