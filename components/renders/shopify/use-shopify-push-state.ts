"use client";

import { useQuery } from "@tanstack/react-query";
import type { ShopifyPushState } from "@/lib/api/outputs/shopify";
import { fetchJson } from "@/lib/client/api";

export const SHOPIFY_PUSH_STATE_KEY = ["shopify-push-state"] as const;

const running = (state: ShopifyPushState | undefined) =>
  state?.pushes.some((p) => p.status === "queued" || p.status === "pushing") ?? false;

/** The connected store, pushable 3D models and the latest pushes; polled while a push is queued or running. */
export function useShopifyPushState() {
  return useQuery({
    queryKey: SHOPIFY_PUSH_STATE_KEY,
    queryFn: ({ signal }) => fetchJson<ShopifyPushState>("/api/integrations/shopify/pushes", { signal }),
    refetchInterval: (q) => (running(q.state.data) ? 1500 : false),
    refetchOnWindowFocus: true,
  });
}
