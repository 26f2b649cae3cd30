"use client";
import { useQuery } from "@tanstack/react-query";
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

/** Template previews for a product, polled until every one is rendered (or failed). */
export function usePreviews(productId: string | null, tinted: boolean) {
  return useQuery({
    queryKey: ["template-previews", productId, tinted],
    enabled: !!productId,
    // No abort signal: leaving the page mid-request would cut a POST body short, which the server logs as an error.
    queryFn: () =>
      fetchJson<{ tinted: boolean; previews: Preview[] }>("/api/templates/previews", {
        method: "POST",
        body: { productId, tinted },
      }),
    refetchInterval: (query) =>
      (query.state.data?.previews ?? []).some((p) => p.status === "queued" || p.status === "rendering") ? 2000 : false,
  });
}
