"use client";
import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { fetchJson } from "@/lib/client/api";

export type Preview = {
  key: string;
  templateId: string;
  /** Null while a preview waits for room in the workspace's preview queue. */
  thumbnailId: string | null;
  /** "unavailable": not made yet, and a viewer cannot have it made. */
  status: "queued" | "rendering" | "done" | "failed" | "unavailable";
  url: string | null;
};

/** The cards above the fold on a wide screen (two rows of five): their previews are asked for first. */
export const FIRST_VISIBLE_CARDS = 10;

/**
 * Template previews for a product, polled until every one is rendered (or failed). `visible`: the template ids in
 * the order the gallery shows them; the server queues the first few before the rest, so the cards in view fill in
 * first. Read at each request (not part of the query key): filtering does not restart polling.
 */
export function usePreviews(productId: string | null, tinted: boolean, visible: string[] = []) {
  const shown = useRef(visible);
  shown.current = visible;
  return useQuery({
    queryKey: ["template-previews", productId, tinted],
    enabled: !!productId,
    // No abort signal: leaving the page mid-request would cut a POST body short, which the server logs as an error.
    queryFn: () =>
      fetchJson<{ tinted: boolean; previews: Preview[] }>("/api/templates/previews", {
        method: "POST",
        body: { productId, tinted, visible: shown.current.slice(0, FIRST_VISIBLE_CARDS) },
      }),
    // Twice a second until the first preview shows (the one a new user waits for: on an idle worker it is drawn
    // about 2 s after the gallery asks, so a 1 s poll added up to a second to it), then every two.
    refetchInterval: (query) => {
      const previews = query.state.data?.previews ?? [];
      if (!previews.some((p) => p.status === "queued" || p.status === "rendering")) return false;
      return previews.some((p) => p.status === "done") ? 2000 : 500;
    },
  });
}
