/** An endpoint as Settings → Webhooks lists it: never its secret (that is shown once, when it is made). */
export type WebhookEndpointSummary = {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: string;
};

/** One line of an endpoint's delivery log: the last attempt's answer. */
export type WebhookDeliverySummary = {
  id: string;
  eventId: string;
  eventType: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  lastAttemptAt: string | null;
  createdAt: string;
};
