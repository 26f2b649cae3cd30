"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReviewStateOf } from "@/lib/albums/review-states";
import { fetchJson } from "@/lib/client/api";

/** What GET /api/reviews takes per call. */
const IDS_PER_CALL = 200;

/**
 * Review states of many outputs in one request (one per 200 ids) rather than one per export card: the Renders
 * page shows ten or more exports, and each extra request costs the server a session lookup and a page-gate turn.
 */
export function useReviewStates(ids: readonly string[]): Record<string, ReviewStateOf> | undefined {
  const key = ids.join(",");
  const query = useQuery({
    queryKey: ["review-states", key],
    queryFn: async () => {
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += IDS_PER_CALL) chunks.push(ids.slice(i, i + IDS_PER_CALL));
      const answers = await Promise.all(
        chunks.map((chunk) =>
          fetchJson<{ states: Record<string, ReviewStateOf> }>(`/api/reviews?only=states&ids=${chunk.join(",")}`),
        ),
      );
      return Object.assign({}, ...answers.map((a) => a.states)) as Record<string, ReviewStateOf>;
    },
    enabled: ids.length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  return query.data;
}
