/** The events an endpoint can choose (Settings → Webhooks). Names follow "resource.past-tense". */
export const WEBHOOK_EVENT_TYPES = [
  "render.completed",
  "render.failed",
  "batch.completed",
  "render_group.completed",
  "product.ready",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** "Send test event": goes to the one endpoint asked, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "render.completed": "An image or video finished",
  "render.failed": "An image or video failed for good (refunded)",
  "batch.completed": "Every output of an export has finished or failed",
  // Its own type, not batch.completed with another payload: a receiver that only wants "the whole group is done"
  // subscribes to it alone, and batch.completed keeps one shape (each batch of a group still sends its own).
  "render_group.completed": "Every render of a batch of batches (template × products) has finished or failed",
  "product.ready": "An uploaded product is ready to use",
};
