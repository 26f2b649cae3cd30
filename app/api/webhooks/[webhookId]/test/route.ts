import { z } from "zod";
import { webhookTestOutput } from "@/lib/api/outputs/webhooks";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { sendTestEvent } from "@/lib/webhooks/webhook-service";

export const runtime = "nodejs";

/** "Send test event": queues a signed webhook.test to this endpoint; its delivery shows in the log. */
export const POST = workspaceRoute(
  { permission: "webhooks.manage", schema: z.object({}).strict(), output: webhookTestOutput, status: 202 },
  async ({ ctx, params }) => sendTestEvent(getDb(), ctx, params.webhookId),
);
