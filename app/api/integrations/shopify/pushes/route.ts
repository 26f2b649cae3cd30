import { z } from "zod";
import { shopifyPushOutput, shopifyPushStateOutput } from "@/lib/api/outputs/shopify";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { createShopifyPush, MAX_PUSH_ITEMS, shopifyPushState } from "@/lib/shopify/push-service";

export const dynamic = "force-dynamic";

/**
 * The Renders page's Shopify panel: the connected store (name only), the 3D models that can be pushed, and the
 * latest pushes with each file's state (polled while one runs).
 */
export const GET = workspaceRoute(
  { permission: "renders.view", schema: z.object({}), output: shopifyPushStateOutput },
  async ({ ctx }) => shopifyPushState(getDb(), ctx),
);

/** Queues a push of renders (and a viewer's 3D model) to one product of the connected store, in the order given. */
export const POST = workspaceRoute(
  {
    permission: "shopify.push",
    status: 201,
    output: shopifyPushOutput,
    schema: z.object({
      productId: z.string().max(100),
      items: z
        .array(
          z.object({
            kind: z.enum(["output", "viewer"]),
            id: z.string().max(100),
            alt: z.string().max(512).optional(),
          }),
        )
        .min(1, "Select at least one file.")
        .max(MAX_PUSH_ITEMS, `Select at most ${MAX_PUSH_ITEMS} files.`),
    }),
  },
  async ({ input, ctx }) => createShopifyPush(getDb(), ctx, input),
);
