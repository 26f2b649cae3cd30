"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { switchWorkspaceAction } from "@/app/(app)/actions";

type Props = { workspaces: { id: string; name: string; role: string }[]; activeWorkspaceId: string };

export function WorkspaceSwitcher({ workspaces, activeWorkspaceId }: Props) {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const active = workspaces.find((w) => w.id === activeWorkspaceId);

  if (workspaces.length < 2) {
    return (
      <div className="rounded-lg bg-canvas-sunken px-3 py-2">
        <p className="text-xs text-ink-muted">Workspace</p>
        <p className="truncate text-sm font-semibold text-ink" data-testid="workspace-name">
          {active?.name}
        </p>
      </div>
    );
  }

  return (
    <div>
      <label htmlFor={id} className="text-xs text-ink-muted">
        Workspace
      </label>
      <select
        id={id}
        data-testid="workspace-switcher"
        className="mt-1 block w-full rounded-lg border border-line-strong bg-white px-2 py-2 text-sm font-semibold"
        value={activeWorkspaceId}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(async () => {
            const result = await switchWorkspaceAction(next);
            if (!result.ok) setError(result.error);
            else router.refresh();
          });
        }}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
      <span className="sr-only" data-testid="workspace-name">
        {active?.name}
      </span>
      {error && (
        <p role="alert" className="mt-1 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
