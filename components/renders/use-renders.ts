"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/api";
import type { RenderListItem } from "@/lib/renders/render-service";

export const RENDERS_QUERY_KEY = ["renders"] as const;

export function isActive(batch: RenderListItem): boolean {
  return batch.outputs.some((o) => o.status === "queued" || o.status === "rendering");
}

/** The renders list, polled while any output is still queued or rendering (also after navigating away and back). */
export function useRenders(initialBatches?: RenderListItem[]) {
  return useQuery({
    queryKey: RENDERS_QUERY_KEY,
    queryFn: async ({ signal }) => (await fetchJson<{ batches: RenderListItem[] }>("/api/renders", { signal })).batches,
    initialData: initialBatches,
    refetchInterval: (query) => ((query.state.data ?? []).some(isActive) ? 1500 : false),
    refetchOnWindowFocus: true,
  });
}
