/**
 * A Shopify failure in plain words (what the settings page and the push list show). `permanent`: trying again
 * cannot help (bad token, missing scope, a file Shopify rejected), so the push job fails now instead of retrying.
 */
export type ShopifyErrorKind =
  "bad_token" | "missing_scope" | "throttled" | "not_found" | "rejected" | "network" | "unexpected";

export class ShopifyError extends Error {
  constructor(
    public readonly kind: ShopifyErrorKind,
    message: string,
    public readonly permanent: boolean,
  ) {
    super(message);
    this.name = "ShopifyError";
  }
}

export const SHOPIFY_MESSAGES = {
  badToken:
    "Shopify did not accept the access token (it may be mistyped, or the app was uninstalled). Check it in your store's admin under Apps > Develop apps > API credentials.",
  missingScopes: (missing: readonly string[]) =>
    `The app's access token is missing the Admin API scope${missing.length > 1 ? "s" : ""} ${missing.join(" and ")}. Add ${missing.length > 1 ? "them" : "it"} to the app's configuration in Shopify, reinstall the app, and connect again with its new token.`,
  accessDenied:
    "Shopify refused the request: the access token lacks a permission it needs (write_products, write_files).",
  unreachable: (shop: string) => `Could not reach ${shop}. Check the store's address; the push will try again.`,
  throttled: "Shopify is busy (rate limit reached). The push will try again shortly.",
  notInStore: (shop: string) => `That product is not in ${shop}. Pick a product from the connected store.`,
  disconnected: "The Shopify store was disconnected before this push ran. Connect it again and push again.",
  tokenUnreadable:
    "The stored Shopify token cannot be read (the server's SECRETS_KEY changed). Connect the store again in Settings.",
} as const;
