import { eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { Database } from "@/lib/db";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { recordEndpointFailure, recordEndpointSuccess } from "./endpoint-health";
import { postWebhook, type PostResult } from "./post-webhook";
import { resolveWebhookTarget, WebhookTargetError, type Lookup } from "./safe-target";

export type DeliveryOutcome = "succeeded" | "retrying" | "failed" | "skipped";
export type DeliverOptions = { lookup?: Lookup; timeoutMs?: number; now?: () => Date };

export const privateTargetsAllowed = () => env().WEBHOOKS_ALLOW_PRIVATE_TARGETS === "1";

/** Thrown so the queue retries the job later (exponential back-off: lib/jobs/kinds/webhook-delivery.ts). */
export class WebhookRetry extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookRetry";
  }
}

/**
 * One attempt of one delivery: checks the target (SSRF guard, after DNS), signs the event's stored body per the
 * Standard Webhooks spec (webhook-id is the event's id: the same on every retry), POSTs it and logs the answer.
 * A disabled or deleted endpoint receives nothing. Not 2xx: counted against the endpoint, and retried (throws
 * WebhookRetry) until the last attempt; a refused target is final at once (retrying would not change it).
 */
export async function deliverWebhook(
  db: Database,
  deliveryId: string,
  attempt: { retryCount: number; retryLimit: number },
  options: DeliverOptions = {},
): Promise<DeliveryOutcome> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, event: webhookEvents })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, deliveryId))
    .limit(1);
  if (!row || row.delivery.status !== "pending") return "skipped";
  const { endpoint, event } = row;
  if (!endpoint.enabled) {
    await logAttempt(db, deliveryId, "failed", { kind: "no_answer", error: "Not sent: the endpoint is disabled" }, 0);
    return "skipped";
  }

  const now = options.now?.() ?? new Date();
  let result: PostResult;
  let refused = false;
  try {
    const target = await resolveWebhookTarget(endpoint.url, {
      allowPrivate: privateTargetsAllowed(),
      lookup: options.lookup,
    });
    const body = JSON.stringify(event.payload);
    const signature = new Webhook(endpoint.secret).sign(event.id, now, body);
    result = await postWebhook(
      target,
      body,
      {
        "webhook-id": event.id,
        "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
        "webhook-signature": signature,
      },
      { timeoutMs: options.timeoutMs },
    );
  } catch (err) {
    if (!(err instanceof WebhookTargetError)) throw err;
    refused = true;
    result = { kind: "no_answer", error: err.message };
  }

  const ok = result.kind === "answered" && result.status >= 200 && result.status < 300;
  if (ok) {
    await logAttempt(db, deliveryId, "succeeded", result, 1);
    await recordEndpointSuccess(db, endpoint.id);
    return "succeeded";
  }
  const final = refused || attempt.retryCount >= attempt.retryLimit;
  await logAttempt(db, deliveryId, final ? "failed" : "pending", result, 1);
  const disabled = await recordEndpointFailure(db, endpoint.id, now);
  if (final || disabled) {
    if (!final)
      await db.update(webhookDeliveries).set({ status: "failed" }).where(eq(webhookDeliveries.id, deliveryId));
    return "failed";
  }
  throw new WebhookRetry(result.kind === "answered" ? `HTTP ${result.status}` : result.error);
}

async function logAttempt(
  db: Database,
  deliveryId: string,
  status: "pending" | "succeeded" | "failed",
  result: PostResult,
  countsAsAttempt: 0 | 1,
) {
  await db
    .update(webhookDeliveries)
    .set({
      status,
      attempts: sql`${webhookDeliveries.attempts} + ${countsAsAttempt}`,
      responseStatus: result.kind === "answered" ? result.status : null,
      responseExcerpt: result.kind === "answered" ? result.excerpt : null,
      error: result.kind === "no_answer" ? result.error.slice(0, 500) : null,
      lastAttemptAt: new Date(),
    })
    .where(eq(webhookDeliveries.id, deliveryId));
}
