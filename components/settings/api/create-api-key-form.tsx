"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createApiKeyAction } from "@/app/(app)/settings/api/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { API_KEY_SCOPES, SCOPE_LABEL } from "@/lib/api-keys/scopes";
import { fromAction, useSubmit } from "@/lib/client/use-submit";
import { NewKeySecret } from "./new-key-secret";

export function CreateApiKeyForm() {
  const router = useRouter();
  const { pending, error, run, fieldError } = useSubmit();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = {
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scopes").map(String) as (typeof API_KEY_SCOPES)[number][],
      mode: String(form.get("mode") ?? "") as "live" | "test",
    };
    const result = await run(async () => fromAction(await createApiKeyAction(input)));
    if (!result.ok) return;
    setCreated({ name: result.data.key.name, secret: result.data.secret });
    formElement.reset();
    router.refresh();
  }

  return (
    <section aria-labelledby="new-key-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
      <h2 id="new-key-title" className="text-base font-semibold">
        New key
      </h2>
      {created ? (
        <NewKeySecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} />
      ) : (
        <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
          <Field label="Name" name="name" placeholder="DAM sync" maxLength={80} error={fieldError("name")} required />
          <fieldset aria-describedby={fieldError("scopes") ? "scopes-error" : undefined}>
            <legend className="mb-1 text-sm font-medium text-ink">Scopes</legend>
            <div className="space-y-2">
              {API_KEY_SCOPES.map((scope) => (
                <label key={scope} className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="scopes"
                    value={scope}
                    defaultChecked={scope !== "manage"}
                    className="mt-0.5"
                  />
                  <span>
                    <span className="font-medium">{SCOPE_LABEL[scope].name}</span>
                    <span className="block text-ink-muted">{SCOPE_LABEL[scope].description}</span>
                  </span>
                </label>
              ))}
            </div>
            {fieldError("scopes") && (
              <p id="scopes-error" className="mt-1 text-xs text-danger">
                {fieldError("scopes")}
              </p>
            )}
          </fieldset>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-ink">Mode</legend>
            <div className="space-y-2 text-sm">
              <label className="flex items-start gap-2">
                <input type="radio" name="mode" value="live" defaultChecked className="mt-0.5" />
                <span>
                  <span className="font-medium">Live</span>
                  <span className="block text-ink-muted">Renders spend credits like exports in the app.</span>
                </span>
              </label>
              <label className="flex items-start gap-2">
                <input type="radio" name="mode" value="test" className="mt-0.5" />
                <span>
                  <span className="font-medium">Test</span>
                  <span className="block text-ink-muted">
                    Free, small (512 px), watermarked Drafts: for building an integration.
                  </span>
                </span>
              </label>
            </div>
          </fieldset>
          {error && !error.fields && <Alert tone="error">{error.message}</Alert>}
          <Button type="submit" pending={pending}>
            Create key
          </Button>
        </form>
      )}
    </section>
  );
}
