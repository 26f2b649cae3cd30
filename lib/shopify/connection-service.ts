import { and, eq } from "drizzle-orm";
import { actingUserId, assertCan, type WorkspaceCaller } from "@/lib/auth/caller";
import type { Database } from "@/lib/db";
import { shopifyConnections, type ShopifyConnectionRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { openSecret, sealSecret } from "@/lib/secrets/secret-box";
import { shopifyAdmin, type AdminClientOptions, type ShopifyAdmin } from "./admin-client";
import { REFRESH_MARGIN_MS, requestClientCredentialsToken, type GrantedToken } from "./client-credentials";
import type { ShopifyConnectionView } from "./connection-types";
import { SHOP_QUERY } from "./operations";
import { ACCESS_TOKEN, normaliseShopDomain, REQUIRED_SCOPES } from "./shop-domain";
import { SHOPIFY_MESSAGES, ShopifyError } from "./shopify-error";

/** The token's associated data: a ciphertext copied into another workspace's row does not open there. */
const tokenContext = (workspaceId: string, shopDomain: string) => `shopify-token:${workspaceId}:${shopDomain}`;
const secretContext = (workspaceId: string, shopDomain: string) => `shopify-client-secret:${workspaceId}:${shopDomain}`;

export function toConnectionView(row: ShopifyConnectionRow): ShopifyConnectionView {
  return {
    shopDomain: row.shopDomain,
    shopName: row.shopName,
    scopes: row.scopes,
    tokenHint: row.tokenHint,
    authKind: row.authKind,
    clientId: row.clientId,
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

/**
 * A new token from the client-credentials grant for a connection made with a client id and secret, stored (sealed)
 * in place of the old one. Two workers refreshing at once each get a valid token; the later write wins.
 */
async function refreshGrantedToken(db: Database, row: ShopifyConnectionRow): Promise<string> {
  const secret = row.clientSecretCiphertext
    ? openSecret(row.clientSecretCiphertext, secretContext(row.workspaceId, row.shopDomain))
    : null;
  if (!secret || !row.clientId) throw new ShopifyError("bad_token", SHOPIFY_MESSAGES.tokenUnreadable, true);
  const granted = await requestClientCredentialsToken(row.shopDomain, row.clientId, secret);
  await db
    .update(shopifyConnections)
    .set({
      tokenCiphertext: sealSecret(granted.accessToken, tokenContext(row.workspaceId, row.shopDomain)),
      tokenExpiresAt: granted.expiresAt,
    })
    .where(and(eq(shopifyConnections.id, row.id), eq(shopifyConnections.shopDomain, row.shopDomain)));
  return granted.accessToken;
}

/**
 * The Admin API client of a workspace's connected store, its token opened here and nowhere else. A connection made
 * with a client id and secret gets a fresh token when the stored one is (nearly) expired, and again if Shopify
 * answers 401 anyway (a token revoked early), as Shopify requires of client-credentials tokens.
 */
export async function adminForConnection(
  db: Database,
  row: ShopifyConnectionRow,
  options: Pick<AdminClientOptions, "sleep"> = {},
): Promise<ShopifyAdmin> {
  const granted = row.authKind === "client_credentials";
  let token = openSecret(row.tokenCiphertext, tokenContext(row.workspaceId, row.shopDomain));
  const expiring = !row.tokenExpiresAt || row.tokenExpiresAt.getTime() - Date.now() < REFRESH_MARGIN_MS;
  if (granted && (!token || expiring)) token = await refreshGrantedToken(db, row);
  if (!token) throw new ShopifyError("bad_token", SHOPIFY_MESSAGES.tokenUnreadable, true);
  return shopifyAdmin({
    shopDomain: row.shopDomain,
    accessToken: token,
    refreshToken: granted ? () => refreshGrantedToken(db, row) : undefined,
    ...options,
  });
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

export type ConnectInput =
  { shopDomain: string; accessToken: string } | { shopDomain: string; clientId: string; clientSecret: string };

/** A Dev Dashboard app's client id (32 hex characters today); checked loosely, Shopify has the last word. */
const CLIENT_ID = /^[A-Za-z0-9_-]{8,128}$/;
const CLIENT_SECRET = /^[A-Za-z0-9_-]{8,256}$/;

/** The credentials checked for shape, then exchanged for a first token (a refusal in plain words, on its field). */
async function grantFor(shopDomain: string, clientId: string, clientSecret: string): Promise<GrantedToken> {
  if (!CLIENT_ID.test(clientId))
    throw new AppError("unprocessable", "That does not look like a Shopify client ID.", {
      clientId: "Copy the Client ID from your app's Settings in Shopify's Dev Dashboard.",
    });
  if (!CLIENT_SECRET.test(clientSecret))
    throw new AppError("unprocessable", "That does not look like a Shopify client secret.", {
      clientSecret: "Copy the Secret from your app's Settings in Shopify's Dev Dashboard.",
    });
  try {
    return await requestClientCredentialsToken(shopDomain, clientId, clientSecret);
  } catch (err) {
    if (!(err instanceof ShopifyError)) throw err;
    const field = err.kind === "bad_token" ? "clientSecret" : "shopDomain";
    throw new AppError("unprocessable", err.message, { [field]: err.message });
  }
}

/**
 * Settings > Integrations > Shopify: checks the domain and either an Admin API access token or a store-owned app's
 * client id and secret (exchanged for a first token), asks the store (shop name, access scopes), then stores the
 * token, and the secret, encrypted. Replaces an earlier connection of the workspace. Owners only.
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
  let accessToken: string;
  let credentials: { clientId: string; clientSecret: string; expiresAt: Date } | null = null;
  const tokenField = "accessToken" in input ? "accessToken" : "clientSecret";
  if ("accessToken" in input) {
    accessToken = input.accessToken.trim();
    if (!ACCESS_TOKEN.test(accessToken))
      throw new AppError("unprocessable", "That does not look like an Admin API access token.", {
        accessToken: "An Admin API access token starts with shpat_ (Apps > Develop apps > API credentials).",
      });
  } else {
    const clientId = input.clientId.trim();
    const clientSecret = input.clientSecret.trim();
    const granted = await grantFor(shopDomain, clientId, clientSecret);
    accessToken = granted.accessToken;
    credentials = { clientId, clientSecret, expiresAt: granted.expiresAt };
  }
  let checked: { shopName: string; scopes: string[] };
  try {
    checked = await checkStore(shopDomain, accessToken);
  } catch (err) {
    if (!(err instanceof ShopifyError)) throw err;
    const field = err.kind === "bad_token" || err.kind === "missing_scope" ? tokenField : "shopDomain";
    throw new AppError("unprocessable", err.message, { [field]: err.message });
  }
  const values = {
    shopDomain,
    shopName: checked.shopName.slice(0, 200),
    tokenCiphertext: sealSecret(accessToken, tokenContext(caller.workspaceId, shopDomain)),
    // What tells this connection apart on the settings page: the token's end, or the client secret's.
    tokenHint: (credentials?.clientSecret ?? accessToken).slice(-4),
    authKind: credentials ? ("client_credentials" as const) : ("token" as const),
    clientId: credentials?.clientId ?? null,
    clientSecretCiphertext: credentials
      ? sealSecret(credentials.clientSecret, secretContext(caller.workspaceId, shopDomain))
      : null,
    tokenExpiresAt: credentials?.expiresAt ?? null,
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

/** Removes the store and its stored token and client secret (pushes already made stay listed). Owners only. */
export async function disconnectShopifyStore(db: Database, caller: WorkspaceCaller): Promise<void> {
  assertCan(caller, "integrations.manage");
  await db.delete(shopifyConnections).where(eq(shopifyConnections.workspaceId, caller.workspaceId));
}
