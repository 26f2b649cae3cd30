import { assertCan, type WorkspaceCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ShopifyAdmin } from "./admin-client";
import { adminForConnection, findConnection } from "./connection-service";
import { PRODUCT_SEARCH_QUERY } from "./operations";
import type { ShopifyProductHit } from "./push-types";
import { ShopifyError } from "./shopify-error";

/**
 * Shopify's search syntax for "title contains these words": each word as a `title:` term with a trailing wildcard.
 * Characters with a meaning in that syntax (quotes, colons, parentheses, wildcards, backslashes) are dropped, so
 * what the user types is only ever words to match.
 */
export function titleQuery(text: string): string {
  const words = text
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}\s'-]/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  return words.map((w) => `title:${w.replace(/'/g, "")}*`).join(" ");
}

type SearchAnswer = {
  products: {
    nodes: {
      id: string;
      title: string;
      handle: string;
      status: string;
      featuredMedia: { preview: { image: { url: string } | null } | null } | null;
    }[];
  };
};

export async function searchProductsIn(admin: ShopifyAdmin, text: string): Promise<ShopifyProductHit[]> {
  const answer = await admin.request<SearchAnswer>(PRODUCT_SEARCH_QUERY, { query: titleQuery(text) });
  return answer.products.nodes.map((p) => ({
    id: p.id,
    title: p.title,
    handle: p.handle,
    status: p.status,
    imageUrl: p.featuredMedia?.preview?.image?.url ?? null,
  }));
}

/** The connected store's client for a member, or a clear 409 when no store is connected. */
export async function adminForCaller(db: Database, caller: WorkspaceCaller) {
  const connection = await findConnection(db, caller.workspaceId);
  if (!connection)
    throw new AppError(
      "conflict",
      "No Shopify store is connected. An owner can connect one in Settings > Integrations.",
    );
  try {
    return { connection, admin: await adminForConnection(db, connection) };
  } catch (err) {
    throw asAppError(err);
  }
}

/** A Shopify failure as the answer to a request: its plain words, 422 (the user can fix it) or 502 (Shopify). */
export function asAppError(err: unknown): unknown {
  if (!(err instanceof ShopifyError)) return err;
  return new AppError(err.permanent ? "unprocessable" : "internal", err.message);
}

/** Products of the connected store whose title matches, for the Renders page's product picker. */
export async function searchShopifyProducts(
  db: Database,
  caller: WorkspaceCaller,
  text: string,
): Promise<ShopifyProductHit[]> {
  assertCan(caller, "shopify.push");
  const { admin } = await adminForCaller(db, caller);
  try {
    return await searchProductsIn(admin, text);
  } catch (err) {
    throw asAppError(err);
  }
}
