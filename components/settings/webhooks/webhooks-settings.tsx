"use client";

import { useState } from "react";
import type { WebhookEndpointSummary } from "@/lib/webhooks/webhook-types";
import { EndpointCard } from "./endpoint-card";
import { NewEndpointForm } from "./new-endpoint-form";
import { SecretOnce } from "./secret-once";

/** Settings → Webhooks: the endpoints, a form for a new one, and its secret shown once. */
export function WebhooksSettings({ initial }: { initial: WebhookEndpointSummary[] }) {
  const [endpoints, setEndpoints] = useState(initial);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div className="space-y-6">
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
      <NewEndpointForm
        onCreated={({ endpoint, secret }) => {
          setEndpoints((list) => [endpoint, ...list]);
          setSecret(secret);
        }}
      />
      {endpoints.length === 0 ? (
        <p className="text-sm text-ink-muted">No endpoints yet.</p>
      ) : (
        <ul className="space-y-4" aria-label="Webhook endpoints">
          {endpoints.map((e) => (
            <EndpointCard
              key={e.id}
              endpoint={e}
              onChanged={(next) => setEndpoints((list) => list.map((x) => (x.id === next.id ? next : x)))}
              onDeleted={(id) => setEndpoints((list) => list.filter((x) => x.id !== id))}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
