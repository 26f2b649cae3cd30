"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { createWorkspaceAction } from "@/app/(app)/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fromAction, useSubmit } from "@/lib/client/use-submit";

/** A second brand gets its own workspace; the switcher in the sidebar appears once there are two. */
export function NewWorkspaceForm() {
  const router = useRouter();
  const { pending, error, run, setError } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await run(async () => fromAction(await createWorkspaceAction(new FormData(form))));
    if (!result.ok) return;
    setError(null);
    form.reset();
    router.push("/products");
    router.refresh();
  }

  return (
    <section aria-labelledby="new-workspace-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
      <h2 id="new-workspace-title" className="text-base font-semibold">
        Another brand?
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        Create a separate workspace with its own products, scenes and renders.
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-wrap items-start gap-3">
        <Field
          label="New workspace name"
          name="name"
          error={error ? (error.fields?.name ?? error.message) : undefined}
          className="min-w-64 flex-1"
          maxLength={80}
        />
        <Button type="submit" variant="secondary" pending={pending} className="mt-6">
          Create workspace
        </Button>
      </form>
    </section>
  );
}
