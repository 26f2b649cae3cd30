import { z } from "zod";
import { webhookDeliveryListOutput } from "@/lib/api/outputs/webhooks";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { listDeliveries } from "@/lib/webhooks/webhook-service";

export const runtime = "nodejs";

/** The endpoint's delivery log: the latest 50 deliveries with their last answer. */
export const GET = workspaceRoute(
  { permission: "webhooks.manage", schema: z.object({}), output: webhookDeliveryListOutput },
  async ({ ctx, params }) => ({ deliveries: await listDeliveries(getDb(), ctx, params.webhookId) }),
);
