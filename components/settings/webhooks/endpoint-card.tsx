"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import type { WebhookEndpointSummary } from "@/lib/webhooks/webhook-types";
import { DeliveryLog } from "./delivery-log";

/** One endpoint: its URL and events, enable/disable, send a test event, delete, and its delivery log. */
export function EndpointCard({
  endpoint,
  onChanged,
  onDeleted,
}: {
  endpoint: WebhookEndpointSummary;
  onChanged: (endpoint: WebhookEndpointSummary) => void;
  onDeleted: (id: string) => void;
}) {
  const { pendingKey, error, run } = useSubmit();
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState(false);
  const queryClient = useQueryClient();
  const titleId = `webhook-${endpoint.id}`;

  async function setEnabled(enabled: boolean) {
    const result = await run(
      () => api.patch<{ endpoint: WebhookEndpointSummary }>(`/api/webhooks/${endpoint.id}`, { enabled }),
      { key: "toggle" },
    );
    if (result.ok) onChanged(result.data.endpoint);
  }

  async function sendTest() {
    setSent(false);
    const result = await run(() => api.post(`/api/webhooks/${endpoint.id}/test`), { key: "test" });
    if (!result.ok) return;
    setSent(true);
    await queryClient.invalidateQueries({ queryKey: ["webhook-deliveries", endpoint.id] });
  }

  async function remove() {
    const result = await run(() => api.delete(`/api/webhooks/${endpoint.id}`), { key: "delete" });
    setConfirming(false);
    if (result.ok) onDeleted(endpoint.id);
  }

  return (
    <li aria-labelledby={titleId} className="rounded-2xl border border-line bg-white p-6 shadow-card">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={titleId} className="break-all text-sm font-semibold">
            {endpoint.url}
          </h3>
          <p className="mt-1 text-xs text-ink-muted">{endpoint.events.join(" · ")}</p>
        </div>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${endpoint.enabled ? "bg-success-soft text-success" : "bg-canvas-sunken text-ink-soft"}`}
        >
          {endpoint.enabled ? "Enabled" : "Disabled"}
        </span>
      </div>
      {endpoint.disabledReason && (
        <div className="mt-3">
          <Alert tone="warning">{endpoint.disabledReason} Enable it again once it answers with a 2xx.</Alert>
        </div>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={sendTest} pending={pendingKey === "test"} disabled={!endpoint.enabled}>
          Send test event
        </Button>
        <Button variant="secondary" onClick={() => setEnabled(!endpoint.enabled)} pending={pendingKey === "toggle"}>
          {endpoint.enabled ? "Disable" : "Enable"}
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      </div>
      {sent && (
        <div className="mt-3">
          <Alert tone="success">Test event queued: it shows in the log below.</Alert>
        </div>
      )}
      {error && (
        <div className="mt-3">
          <Alert tone="error">{error.message}</Alert>
        </div>
      )}
      <DeliveryLog endpointId={endpoint.id} />
      <ConfirmDialog
        open={confirming}
        title="Delete this endpoint?"
        body="It stops receiving events at once, and its delivery log is deleted."
        confirmLabel="Delete endpoint"
        pending={pendingKey === "delete"}
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      />
    </li>
  );
}
