import { z } from "zod";
import { createdWebhookEndpointOutput, webhookEndpointListOutput } from "@/lib/api/outputs/webhooks";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { createWebhookSchema } from "@/lib/webhooks/webhook-input";
import { createEndpoint, listEndpoints } from "@/lib/webhooks/webhook-service";

export const runtime = "nodejs";

/** The workspace's webhook endpoints (owners only), newest first, without their secrets. */
export const GET = workspaceRoute(
  { permission: "webhooks.manage", schema: z.object({}), output: webhookEndpointListOutput },
  async ({ ctx }) => ({ endpoints: await listEndpoints(getDb(), ctx) }),
);

/** A new endpoint; the answer carries its signing secret, this once. */
export const POST = workspaceRoute(
  { permission: "webhooks.manage", schema: createWebhookSchema, output: createdWebhookEndpointOutput, status: 201 },
  async ({ ctx, input }) => createEndpoint(getDb(), ctx, input),
);
