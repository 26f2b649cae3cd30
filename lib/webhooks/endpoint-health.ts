import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { listMembers } from "@/lib/db/queries/workspaces";
import { webhookEndpoints } from "@/lib/db/schema";
import { appUrl } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";

/** An endpoint is switched off after this many failed attempts in a row, or a day of nothing but failures. */
export const DISABLE_AFTER_FAILURES = 50;
export const DISABLE_AFTER_FAILING_MS = 24 * 3600 * 1000;

/** A 2xx resets the endpoint's run of failures. */
export async function recordEndpointSuccess(db: Database, endpointId: string) {
  await db
    .update(webhookEndpoints)
    .set({ consecutiveFailures: 0, failingSince: null })
    .where(eq(webhookEndpoints.id, endpointId));
}

/**
 * Counts a failed attempt; when the endpoint has now failed too long (DISABLE_AFTER_*) it is disabled, once, and
 * the workspace's owners are mailed. Returns true when this call disabled it.
 */
export async function recordEndpointFailure(db: Database, endpointId: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1`,
      failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)`,
    })
    .where(eq(webhookEndpoints.id, endpointId))
    .returning({
      workspaceId: webhookEndpoints.workspaceId,
      url: webhookEndpoints.url,
      failures: webhookEndpoints.consecutiveFailures,
      failingSince: webhookEndpoints.failingSince,
    });
  if (!row) return false;
  const failingFor = now.getTime() - (row.failingSince ?? now).getTime();
  if (row.failures < DISABLE_AFTER_FAILURES && failingFor < DISABLE_AFTER_FAILING_MS) return false;
  const reason =
    row.failures >= DISABLE_AFTER_FAILURES
      ? `Disabled after ${row.failures} failed deliveries in a row.`
      : "Disabled after a day of failed deliveries.";
  // Only the call that switches it off mails (the `enabled` condition makes it once).
  const disabled = await db
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: reason })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.enabled, true)))
    .returning({ id: webhookEndpoints.id });
  if (disabled.length === 0) return false;
  await mailOwners(db, row.workspaceId, row.url, reason).catch((err) =>
    console.error(`[webhooks] could not mail the owners about ${endpointId}:`, err),
  );
  return true;
}

async function mailOwners(db: Database, workspaceId: string, url: string, reason: string) {
  const owners = (await listMembers(db, workspaceId)).filter((m) => m.role === "owner");
  for (const owner of owners) {
    await sendMail(db, {
      to: owner.email,
      subject: "A webhook endpoint was disabled",
      body:
        `Plinth stopped sending webhooks to ${url}. ${reason}\n\n` +
        `Check that the endpoint answers with a 2xx status, then enable it again in Settings → Webhooks:\n` +
        `${appUrl()}/settings/webhooks\n`,
    });
  }
}
