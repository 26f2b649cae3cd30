"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import type { WebhookEndpointSummary } from "@/lib/webhooks/webhook-types";

type Created = { endpoint: WebhookEndpointSummary; secret: string };

/** URL and events for a new endpoint; hands the one-time secret to its parent. */
export function NewEndpointForm({ onCreated }: { onCreated: (created: Created) => void }) {
  const { pending, error, run, fieldError } = useSubmit();
  const [events, setEvents] = useState<string[]>([...WEBHOOK_EVENT_TYPES]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const url = String(new FormData(form).get("url") ?? "");
    const result = await run(() => api.post<Created>("/api/webhooks", { url, events }));
    if (!result.ok) return;
    form.reset();
    onCreated(result.data);
  }

  const toggle = (type: string) =>
    setEvents((list) => (list.includes(type) ? list.filter((t) => t !== type) : [...list, type]));

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="new-webhook-title"
      className="rounded-2xl border border-line bg-white p-6 shadow-card"
    >
      <h2 id="new-webhook-title" className="text-base font-semibold">
        Add an endpoint
      </h2>
      <Field
        label="Endpoint URL"
        name="url"
        type="url"
        placeholder="https://…/plinth-webhooks"
        error={fieldError("url")}
        hint="Plinth POSTs signed JSON here (Standard Webhooks)."
        className="mt-4"
        required
      />
      <fieldset className="mt-4">
        <legend className="text-sm font-medium text-ink">Events</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-1" checked={events.includes(type)} onChange={() => toggle(type)} />
              <span>
                <code className="font-medium">{type}</code>
                <span className="block text-ink-muted">{WEBHOOK_EVENT_LABELS[type]}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldError("events") && <p className="mt-1 text-sm text-danger">{fieldError("events")}</p>}
      </fieldset>
      {error && !error.fields && (
        <div className="mt-3">
          <Alert tone="error">{error.message}</Alert>
        </div>
      )}
      <Button type="submit" pending={pending} className="mt-4">
        Add endpoint
      </Button>
    </form>
  );
}
