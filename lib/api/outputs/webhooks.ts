import { z } from "zod";
import type { WebhookDeliverySummary, WebhookEndpointSummary } from "@/lib/webhooks/webhook-types";

/** An endpoint as listed (lib/webhooks/webhook-service.ts toSummary): never its secret. */
export const webhookEndpointOutput: z.ZodType<WebhookEndpointSummary> = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    consecutiveFailures: z.number(),
    createdAt: z.string(),
  })
  .strict();

export const webhookEndpointListOutput = z.object({ endpoints: z.array(webhookEndpointOutput) });
/** The one answer that carries the signing secret: right after the endpoint is made. */
export const createdWebhookEndpointOutput = z.object({
  endpoint: webhookEndpointOutput,
  secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]{32}$/),
});
export const webhookEndpointOnlyOutput = z.object({ endpoint: webhookEndpointOutput });
export const deletedWebhookEndpointOutput = z.object({ id: z.string() });
export const webhookTestOutput = z.object({ eventId: z.string() });

export const webhookDeliveryOutput: z.ZodType<WebhookDeliverySummary> = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number(),
    responseStatus: z.number().nullable(),
    responseExcerpt: z.string().nullable(),
    error: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .strict();
export const webhookDeliveryListOutput = z.object({ deliveries: z.array(webhookDeliveryOutput) });
