/** The connected store as the browser may see it: never the token, only its last four characters. */
export type ShopifyConnectionView = {
  shopDomain: string;
  shopName: string;
  scopes: string[];
  tokenHint: string;
  /** "token": an Admin API access token; "client_credentials": an app's client id and secret (tokens refreshed). */
  authKind: "token" | "client_credentials";
  /** The app's client id (not a secret: Shopify shows it next to the app's name); null for a token. */
  clientId: string | null;
  connectedAt: string;
};
