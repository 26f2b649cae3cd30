import type { ShopifyItemStatus, ShopifyPushStatus, ShopifySourceKind } from "@/lib/db/schema";

/** A push as the Renders page shows it: its state, its files in order, and Shopify's errors in plain words. */
export type ShopifyPushView = {
  id: string;
  shopDomain: string;
  productGid: string;
  productTitle: string;
  status: ShopifyPushStatus;
  error: string | null;
  createdAt: string;
  items: {
    position: number;
    sourceKind: ShopifySourceKind;
    sourceId: string;
    label: string;
    alt: string;
    status: ShopifyItemStatus;
    error: string | null;
  }[];
};

export type ShopifyProductHit = { id: string; title: string; handle: string; status: string; imageUrl: string | null };
