import { z } from "zod";
import { deletedWebhookEndpointOutput, webhookEndpointOnlyOutput } from "@/lib/api/outputs/webhooks";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { updateWebhookSchema } from "@/lib/webhooks/webhook-input";
import { deleteEndpoint, updateEndpoint } from "@/lib/webhooks/webhook-service";

export const runtime = "nodejs";

/** Enable or disable an endpoint, or change its URL or events. */
export const PATCH = workspaceRoute(
  { permission: "webhooks.manage", schema: updateWebhookSchema, output: webhookEndpointOnlyOutput },
  async ({ ctx, params, input }) => ({ endpoint: await updateEndpoint(getDb(), ctx, params.webhookId, input) }),
);

/** Deletes the endpoint and its delivery log; deliveries still queued for it are dropped. */
export const DELETE = workspaceRoute(
  { permission: "webhooks.manage", schema: z.object({}), output: deletedWebhookEndpointOutput },
  async ({ ctx, params }) => deleteEndpoint(getDb(), ctx, params.webhookId),
);
