import { adminUrl } from "./shopify-fetch";
import { ShopifyError } from "./shopify-error";

/**
 * Shopify's client-credentials grant, for an app the store's own organisation made (Dev Dashboard): the app's
 * client id and secret are exchanged at the store for an Admin API access token that expires (about 24 hours).
 * As documented: `POST https://{shop}.myshopify.com/admin/oauth/access_token`, form-encoded `grant_type=
 * client_credentials&client_id=...&client_secret=...`, answered `{ access_token, scope, expires_in }` (seconds).
 * Sent like every Admin API call (lib/shopify/shopify-fetch.ts): only to the store, no redirects, with a timeout.
 */
export type GrantedToken = { accessToken: string; scopes: string[]; expiresAt: Date };

export const CLIENT_CREDENTIALS_MESSAGES = {
  refused:
    "Shopify did not accept the client ID and secret (they may be mistyped, the secret rotated, or the app not installed on this store). Copy both again from the app's Settings in the Dev Dashboard.",
} as const;

/** Refresh this long before Shopify's expiry, so a token never runs out in the middle of a push. */
export const REFRESH_MARGIN_MS = 10 * 60_000;

export async function requestClientCredentialsToken(
  shopDomain: string,
  clientId: string,
  clientSecret: string,
  now: () => number = Date.now,
): Promise<GrantedToken> {
  let response: Response;
  try {
    response = await fetch(adminUrl(`https://${shopDomain}/admin/oauth/access_token`, shopDomain), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
      }).toString(),
      redirect: "error",
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new ShopifyError("network", `Could not reach ${shopDomain}. Check the store's address.`, false);
  }
  if (response.status === 400 || response.status === 401 || response.status === 403)
    throw new ShopifyError("bad_token", CLIENT_CREDENTIALS_MESSAGES.refused, true);
  if (response.status === 404)
    throw new ShopifyError("not_found", `Could not find ${shopDomain}. Check the store's address.`, true);
  if (!response.ok)
    throw new ShopifyError("network", `${shopDomain} answered ${response.status}; try again shortly.`, false);
  const body = (await response.json().catch(() => null)) as {
    access_token?: unknown;
    scope?: unknown;
    expires_in?: unknown;
  } | null;
  if (typeof body?.access_token !== "string" || !body.access_token)
    throw new ShopifyError("unexpected", "Shopify answered the token request without an access token.", false);
  // No expires_in would be a token that does not expire; a day is Shopify's documented lifetime, so assume that.
  const seconds = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 86_400;
  const scopes =
    typeof body.scope === "string"
      ? body.scope
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  return { accessToken: body.access_token, scopes: scopes.sort(), expiresAt: new Date(now() + seconds * 1000) };
}
