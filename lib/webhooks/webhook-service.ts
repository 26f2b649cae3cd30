import { randomBytes } from "node:crypto";
import { and, count, desc, eq } from "drizzle-orm";
import { actingUserId, assertCan, type WorkspaceCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { webhookDeliveries, webhookEndpoints, webhookEvents, type WebhookEndpointRow } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { withJobTransaction } from "@/lib/jobs/job-transaction";
import { ipFamily, isBlockedAddress } from "./blocked-addresses";
import { privateTargetsAllowed } from "./deliver";
import { emitWebhookEvent } from "./emit-event";
import { WEBHOOK_TEST_EVENT } from "./event-types";
import { parseWebhookUrl, WebhookTargetError } from "./safe-target";
import type { WebhookDeliverySummary, WebhookEndpointSummary } from "./webhook-types";

export const MAX_ENDPOINTS = 20;
const LOG_LENGTH = 50;

function toSummary(row: WebhookEndpointRow): WebhookEndpointSummary {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    consecutiveFailures: row.consecutiveFailures,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A URL a person may save: well formed, and not an IP literal the guard would refuse anyway (names are checked
 * again after DNS at every delivery: lib/webhooks/safe-target.ts). */
function checkedUrl(raw: string): string {
  try {
    const url = parseWebhookUrl(raw);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const local = host === "localhost" || host.endsWith(".localhost") || (ipFamily(host) && isBlockedAddress(host));
    if (local && !privateTargetsAllowed())
      throw new WebhookTargetError(
        "Webhooks cannot go to private, loopback or link-local addresses on this server. " +
          "Self-hosted servers can allow them with WEBHOOKS_ALLOW_PRIVATE_TARGETS=1.",
      );
    return url.toString();
  } catch (err) {
    if (err instanceof WebhookTargetError) throw new AppError("unprocessable", err.message, { url: err.message });
    throw err;
  }
}

async function findEndpoint(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id)))
    .limit(1);
  if (!row) throw notFound("Webhook endpoint");
  return row;
}

export async function listEndpoints(db: Database, ctx: WorkspaceCaller): Promise<WebhookEndpointSummary[]> {
  assertCan(ctx, "webhooks.manage");
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, ctx.workspaceId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map(toSummary);
}

/** A new endpoint and its signing secret: the only answer that carries the secret. */
export async function createEndpoint(db: Database, ctx: WorkspaceCaller, input: { url: string; events: string[] }) {
  assertCan(ctx, "webhooks.manage");
  const url = checkedUrl(input.url);
  const [{ n }] = await db
    .select({ n: count() })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, ctx.workspaceId));
  if (n >= MAX_ENDPOINTS)
    throw new AppError("unprocessable", `A workspace has at most ${MAX_ENDPOINTS} webhook endpoints.`);
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      id: newId("whe"),
      workspaceId: ctx.workspaceId,
      url,
      events: [...new Set(input.events)],
      secret,
      createdBy: actingUserId(ctx),
    })
    .returning();
  return { endpoint: toSummary(row), secret };
}

/** Enable, disable, or change URL and events. Enabling starts its failure count afresh. */
export async function updateEndpoint(
  db: Database,
  ctx: WorkspaceCaller,
  id: string,
  input: { enabled?: boolean; url?: string; events?: string[] },
) {
  assertCan(ctx, "webhooks.manage");
  await findEndpoint(db, ctx.workspaceId, id);
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      ...(input.url !== undefined ? { url: checkedUrl(input.url) } : {}),
      ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
      ...(input.enabled !== undefined
        ? { enabled: input.enabled, disabledReason: null, consecutiveFailures: 0, failingSince: null }
        : {}),
    })
    .where(and(eq(webhookEndpoints.workspaceId, ctx.workspaceId), eq(webhookEndpoints.id, id)))
    .returning();
  return toSummary(row);
}

export async function deleteEndpoint(db: Database, ctx: WorkspaceCaller, id: string) {
  assertCan(ctx, "webhooks.manage");
  const [row] = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, ctx.workspaceId), eq(webhookEndpoints.id, id)))
    .returning({ id: webhookEndpoints.id });
  if (!row) throw notFound("Webhook endpoint");
  return { id: row.id };
}

/** "Send test event": a webhook.test event to this endpoint alone, delivered (and logged) like any other. */
export async function sendTestEvent(db: Database, ctx: WorkspaceCaller, id: string) {
  assertCan(ctx, "webhooks.manage");
  const endpoint = await findEndpoint(db, ctx.workspaceId, id);
  if (!endpoint.enabled) throw new AppError("conflict", "Enable this endpoint before sending it a test event.");
  const eventId = await withJobTransaction((tx, enqueue) =>
    emitWebhookEvent(tx, enqueue, {
      workspaceId: ctx.workspaceId,
      type: WEBHOOK_TEST_EVENT,
      dedupeKey: `${WEBHOOK_TEST_EVENT}:${newId("t")}`,
      endpointId: id,
      data: { message: "A test event from Plinth: your endpoint receives and verifies webhooks." },
    }),
  );
  if (!eventId) throw notFound("Webhook endpoint");
  return { eventId };
}

export async function listDeliveries(
  db: Database,
  ctx: WorkspaceCaller,
  id: string,
): Promise<WebhookDeliverySummary[]> {
  assertCan(ctx, "webhooks.manage");
  await findEndpoint(db, ctx.workspaceId, id);
  const rows = await db
    .select({ delivery: webhookDeliveries, eventType: webhookEvents.type })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.workspaceId, ctx.workspaceId), eq(webhookDeliveries.endpointId, id)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(LOG_LENGTH);
  return rows.map(({ delivery: d, eventType }) => ({
    id: d.id,
    eventId: d.eventId,
    eventType,
    status: d.status,
    attempts: d.attempts,
    responseStatus: d.responseStatus,
    responseExcerpt: d.responseExcerpt,
    error: d.error,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  }));
}
