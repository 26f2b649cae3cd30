"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/client/api";
import type { WebhookDeliverySummary } from "@/lib/webhooks/webhook-types";

const STATUS_TEXT = { pending: "Retrying", succeeded: "Delivered", failed: "Failed" } as const;
const STATUS_CLASS = {
  pending: "bg-amber-50 text-amber-900",
  succeeded: "bg-success-soft text-success",
  failed: "bg-danger-soft text-danger",
} as const;

/** The endpoint's latest deliveries; polled while one is still pending. */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const query = useQuery({
    queryKey: ["webhook-deliveries", endpointId],
    queryFn: ({ signal }) =>
      fetchJson<{ deliveries: WebhookDeliverySummary[] }>(`/api/webhooks/${endpointId}/deliveries`, { signal }),
    refetchInterval: (q) => (q.state.data?.deliveries.some((d) => d.status === "pending") ? 2000 : false),
  });
  const deliveries = query.data?.deliveries ?? [];
  return (
    <div className="mt-4">
      <div className="flex items-center justify-between">
        <h4 className="text-sm font-semibold">Delivery log</h4>
        <Button variant="ghost" onClick={() => query.refetch()} pending={query.isFetching} className="px-2 py-1">
          Refresh
        </Button>
      </div>
      {query.isError && <p className="mt-2 text-sm text-danger">{query.error.message}</p>}
      {query.isSuccess && deliveries.length === 0 && (
        <p className="mt-2 text-sm text-ink-muted">No deliveries yet. Send a test event to try the endpoint.</p>
      )}
      {deliveries.length > 0 && (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="webhook-deliveries">
            <thead className="text-xs text-ink-muted">
              <tr>
                <th className="py-1 pr-3 font-medium">Event</th>
                <th className="py-1 pr-3 font-medium">Status</th>
                <th className="py-1 pr-3 font-medium">Answer</th>
                <th className="py-1 pr-3 font-medium">Attempts</th>
                <th className="py-1 font-medium">Time</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {deliveries.map((d) => (
                <tr key={d.id} className="align-top">
                  <td className="py-2 pr-3">
                    <code>{d.eventType}</code>
                  </td>
                  <td className="py-2 pr-3">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[d.status]}`}>
                      {STATUS_TEXT[d.status]}
                    </span>
                  </td>
                  <td className="max-w-64 py-2 pr-3">
                    {d.responseStatus !== null && <span className="font-medium">HTTP {d.responseStatus} </span>}
                    <span className="break-words text-ink-muted">{d.error ?? d.responseExcerpt ?? ""}</span>
                  </td>
                  <td className="py-2 pr-3">{d.attempts}</td>
                  <td className="whitespace-nowrap py-2 text-ink-muted">
                    {new Date(d.lastAttemptAt ?? d.createdAt).toLocaleString()}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
