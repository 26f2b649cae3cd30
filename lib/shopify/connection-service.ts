import { eq } from "drizzle-orm";
import { actingUserId, assertCan, type WorkspaceCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { shopifyConnections, type ShopifyConnectionRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { openSecret, sealSecret } from "@/lib/secrets/secret-box";
import { shopifyAdmin, type AdminClientOptions, type ShopifyAdmin } from "./admin-client";
import type { ShopifyConnectionView } from "./connection-types";
import { SHOP_QUERY } from "./operations";
import { ACCESS_TOKEN, normaliseShopDomain, REQUIRED_SCOPES } from "./shop-domain";
import { SHOPIFY_MESSAGES, ShopifyError } from "./shopify-error";

/** The token's associated data: a ciphertext copied into another workspace's row does not open there. */
const tokenContext = (workspaceId: string, shopDomain: string) => `shopify-token:${workspaceId}:${shopDomain}`;

export function toConnectionView(row: ShopifyConnectionRow): ShopifyConnectionView {
  return {
    shopDomain: row.shopDomain,
    shopName: row.shopName,
    scopes: row.scopes,
    tokenHint: row.tokenHint,
    connectedAt: row.updatedAt.toISOString(),
  };
}

export async function findConnection(db: Database, workspaceId: string): Promise<ShopifyConnectionRow | null> {
  const [row] = await db.select().from(shopifyConnections).where(eq(shopifyConnections.workspaceId, workspaceId));
  return row ?? null;
}

export async function getConnectionView(db: Database, workspaceId: string): Promise<ShopifyConnectionView | null> {
  const row = await findConnection(db, workspaceId);
  return row ? toConnectionView(row) : null;
}

/** The Admin API client of a workspace's connected store, its token opened here and nowhere else. */
export function adminForConnection(
  row: ShopifyConnectionRow,
  options: Pick<AdminClientOptions, "sleep"> = {},
): ShopifyAdmin {
  const token = openSecret(row.tokenCiphertext, tokenContext(row.workspaceId, row.shopDomain));
  if (!token) throw new ShopifyError("bad_token", SHOPIFY_MESSAGES.tokenUnreadable, true);
  return shopifyAdmin({ shopDomain: row.shopDomain, accessToken: token, ...options });
}

type ShopAnswer = {
  shop: { name: string; myshopifyDomain?: string };
  currentAppInstallation: { accessScopes: { handle: string }[] } | null;
};

/** Asks the store who it is and what the token may do: its name, or a plain-words refusal (bad token, scopes). */
export async function checkStore(shopDomain: string, accessToken: string) {
  const answer = await shopifyAdmin({ shopDomain, accessToken }).request<ShopAnswer>(SHOP_QUERY);
  const scopes = (answer.currentAppInstallation?.accessScopes ?? []).map((s) => s.handle).sort();
  const missing = REQUIRED_SCOPES.filter((s) => !scopes.includes(s));
  if (missing.length) throw new ShopifyError("missing_scope", SHOPIFY_MESSAGES.missingScopes(missing), true);
  return { shopName: answer.shop.name, scopes };
}

export type ConnectInput = { shopDomain: string; accessToken: string };

/**
 * Settings > Integrations > Shopify: checks the domain and token, asks the store (shop name, access scopes), then
 * stores the token encrypted. Replaces an earlier connection of the workspace. Owners only.
 */
export async function connectShopifyStore(
  db: Database,
  caller: WorkspaceCaller,
  input: ConnectInput,
): Promise<ShopifyConnectionView> {
  assertCan(caller, "integrations.manage");
  const shopDomain = normaliseShopDomain(input.shopDomain);
  if (!shopDomain)
    throw new AppError("unprocessable", "Enter the store's Shopify address, like your-store.myshopify.com.", {
      shopDomain: "Use the store's .myshopify.com address (in Shopify: Settings > Domains).",
    });
  const accessToken = input.accessToken.trim();
  if (!ACCESS_TOKEN.test(accessToken))
    throw new AppError("unprocessable", "That does not look like an Admin API access token.", {
      accessToken: "An Admin API access token starts with shpat_ (Apps > Develop apps > API credentials).",
    });
  let checked: { shopName: string; scopes: string[] };
  try {
    checked = await checkStore(shopDomain, accessToken);
  } catch (err) {
    if (!(err instanceof ShopifyError)) throw err;
    const field = err.kind === "bad_token" || err.kind === "missing_scope" ? "accessToken" : "shopDomain";
    throw new AppError("unprocessable", err.message, { [field]: err.message });
  }
  const values = {
    shopDomain,
    shopName: checked.shopName.slice(0, 200),
    tokenCiphertext: sealSecret(accessToken, tokenContext(caller.workspaceId, shopDomain)),
    tokenHint: accessToken.slice(-4),
    scopes: checked.scopes,
    connectedBy: actingUserId(caller),
    updatedAt: new Date(),
  };
  const [row] = await db
    .insert(shopifyConnections)
    .values({ id: newId("shc"), workspaceId: caller.workspaceId, ...values })
    .onConflictDoUpdate({ target: shopifyConnections.workspaceId, set: values })
    .returning();
  return toConnectionView(row);
}

/** Removes the store and its stored token (pushes already made stay listed). Owners only. */
export async function disconnectShopifyStore(db: Database, caller: WorkspaceCaller): Promise<void> {
  assertCan(caller, "integrations.manage");
  await db.delete(shopifyConnections).where(eq(shopifyConnections.workspaceId, caller.workspaceId));
}
