"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/api";
import type { WorkspaceExportView } from "@/lib/workspace-data/workspace-data-service";

export const workspaceExportsKey = ["workspace-exports"] as const;

/** The workspace's recent exports, polled every second while one is queued or running. */
export function useWorkspaceExports(initial: WorkspaceExportView[]) {
  return useQuery({
    queryKey: workspaceExportsKey,
    queryFn: () => fetchJson<{ exports: WorkspaceExportView[] }>("/api/workspace-exports"),
    initialData: { exports: initial },
    refetchInterval: (query) =>
      (query.state.data?.exports ?? []).some((e) => e.status === "queued" || e.status === "running") ? 1000 : false,
  });
}
