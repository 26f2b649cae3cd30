import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/lib/db/schema";
import { newId } from "@/lib/ids";
import type { Enqueue } from "@/lib/jobs/job-transaction";
import { WEBHOOK_TEST_EVENT, type WebhookEventType } from "./event-types";

export type WebhookEventInput = {
  workspaceId: string;
  type: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
  /** Makes the event happen once however often its cause is seen (e.g. "render.completed:rnd_x"). */
  dedupeKey: string;
  data: Record<string, unknown>;
  /** Only these endpoints (the test event); default: every enabled endpoint subscribed to `type`. */
  endpointId?: string;
};

/**
 * Writes an event to the outbox with one delivery per endpoint that wants it, and queues their delivery jobs,
 * all in the caller's transaction (`tx` and `enqueue` from withJobTransaction): the event exists exactly when the
 * state change that caused it commits. A workspace with no endpoint for the type writes nothing. Returns the
 * event id (the `webhook-id` receivers see), or null when nothing was written.
 */
export async function emitWebhookEvent(tx: Database, enqueue: Enqueue, input: WebhookEventInput) {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.workspaceId, input.workspaceId),
        input.endpointId
          ? eq(webhookEndpoints.id, input.endpointId)
          : and(eq(webhookEndpoints.enabled, true), sql`${webhookEndpoints.events} ? ${input.type}`),
      ),
    );
  if (endpoints.length === 0) return null;
  const id = newId("msg", 20);
  const payload = { type: input.type, timestamp: new Date().toISOString(), data: input.data };
  const [event] = await tx
    .insert(webhookEvents)
    .values({ id, workspaceId: input.workspaceId, type: input.type, dedupeKey: input.dedupeKey, payload })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  if (!event) return null;
  const deliveries = endpoints.map((e) => ({
    id: newId("whd"),
    workspaceId: input.workspaceId,
    endpointId: e.id,
    eventId: id,
  }));
  await tx.insert(webhookDeliveries).values(deliveries);
  for (const d of deliveries) await enqueue("webhook-delivery", { deliveryId: d.id });
  return id;
}
