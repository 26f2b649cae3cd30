"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { renameWorkspaceAction } from "@/app/(app)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fromAction, useSubmit } from "@/lib/client/use-submit";

export function WorkspaceSettings({ name, canRename }: { name: string; canRename: boolean }) {
  const router = useRouter();
  const { pending, error, run } = useSubmit();
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const result = await run(async () => fromAction(await renameWorkspaceAction(form)));
    if (!result.ok) return;
    setSaved(true);
    router.refresh();
  }

  return (
    <section aria-labelledby="workspace-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
      <h2 id="workspace-title" className="text-base font-semibold">
        Workspace
      </h2>
      <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-wrap items-start gap-3">
        <Field
          label="Workspace name"
          name="name"
          defaultValue={name}
          error={error ? (error.fields?.name ?? error.message) : undefined}
          disabled={!canRename}
          hint={canRename ? undefined : "Only owners can rename the workspace."}
          className="min-w-64 flex-1"
          maxLength={80}
        />
        {canRename && (
          <Button type="submit" pending={pending} className="mt-6">
            Save
          </Button>
        )}
      </form>
      {saved && (
        <div className="mt-3">
          <Alert tone="success">Saved.</Alert>
        </div>
      )}
    </section>
  );
}
