"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/api";
import type { ViewerSummary } from "@/lib/viewers/viewer-types";

export const productViewersKey = (productId: string) => ["product-viewers", productId] as const;

/** A product's published viewers, polled every second while a web-ready model is being made. */
export function useProductViewers(productId: string) {
  return useQuery({
    queryKey: productViewersKey(productId),
    queryFn: () => fetchJson<{ viewers: ViewerSummary[] }>(`/api/products/${productId}/viewers`),
    refetchInterval: (query) =>
      (query.state.data?.viewers ?? []).some((v) => v.status === "processing" && !v.revokedAt) ? 1000 : false,
  });
}
