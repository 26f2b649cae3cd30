"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { deleteWorkspaceAction } from "@/app/(app)/settings/data/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fromAction, useSubmit } from "@/lib/client/use-submit";

/** Delete the workspace: typed confirmation (its exact name); the button stays off until it matches. */
export function DeleteWorkspace({ name, onlyWorkspace }: { name: string; onlyWorkspace: boolean }) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const { pending, error, run, fieldError } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await run(async () => fromAction(await deleteWorkspaceAction({ confirm: typed })), {
      keepPending: true,
    });
    if (!result.ok) return;
    router.replace("/products");
    router.refresh();
  }

  return (
    <section aria-labelledby="delete-ws-title" className="rounded-2xl border border-red-200 bg-white p-6 shadow-card">
      <h2 id="delete-ws-title" className="text-base font-semibold text-danger">
        Delete this workspace
      </h2>
      <p className="mt-1 text-sm text-ink-soft">
        Deletes every product, scene, render, video, 3D viewer and template of <strong>{name}</strong>, and every stored
        file, for good. Waiting renders are cancelled, any subscription is cancelled, and shared links stop working at
        once. This cannot be undone: export first if you may need anything.
      </p>
      {onlyWorkspace ? (
        <div className="mt-4">
          <Alert tone="info">
            This is your only workspace. Create another one first, or delete your account below.
          </Alert>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-wrap items-start gap-3">
          <Field
            label={`Type "${name}" to confirm`}
            name="confirm"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            className="min-w-64 flex-1"
            error={fieldError("confirm")}
          />
          <Button
            type="submit"
            variant="danger"
            pending={pending}
            disabled={typed.trim() !== name.trim()}
            className="mt-6"
          >
            Delete workspace
          </Button>
        </form>
      )}
      {error && !error.fields?.confirm && (
        <div className="mt-3">
          <Alert tone="error">{error.message}</Alert>
        </div>
      )}
    </section>
  );
}
