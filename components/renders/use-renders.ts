"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchJson } from "@/lib/client/api";
import type { RenderListItem, RenderListPage } from "@/lib/renders/render-service";
import { rendersQueryString, type RendersFilters } from "@/lib/renders/renders-filters";

export const RENDERS_QUERY_KEY = ["renders"] as const;

export function isActive(batch: RenderListItem): boolean {
  return batch.outputs.some((o) => o.status === "queued" || o.status === "rendering");
}

/**
 * The renders list, page by page ("Load more" asks for the exports after the last one shown, by cursor), polled
 * while any output is still queued or rendering (also after navigating away and back). A poll refetches the loaded
 * pages in order, each from the cursor of the one before, so an export made meanwhile shifts nothing out or in twice.
 * The server's first page counts as fresh for a few seconds: the client does not fetch again what it was just sent.
 * Each set of filters is its own list (its own key under RENDERS_QUERY_KEY, so invalidating that refreshes all).
 */
export function useRenders(initialPage?: RenderListPage, filters: RendersFilters = {}) {
  const query = useInfiniteQuery({
    queryKey: [...RENDERS_QUERY_KEY, filters.productId ?? "", filters.templateId ?? "", filters.status ?? ""],
    queryFn: ({ pageParam, signal }) =>
      fetchJson<RenderListPage>(`/api/renders${rendersQueryString(filters, pageParam ? { before: pageParam } : {})}`, {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initialPage ? { pages: [initialPage], pageParams: [null] } : undefined,
    staleTime: 5_000,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.batches.some(isActive)) ? 1500 : false),
    refetchOnWindowFocus: true,
  });
  const batches = useMemo(() => query.data?.pages.flatMap((p) => p.batches) ?? [], [query.data]);
  return { ...query, batches };
}
