/** The connected store as the browser may see it: never the token, only its last four characters. */
export type ShopifyConnectionView = {
  shopDomain: string;
  shopName: string;
  scopes: string[];
  tokenHint: string;
  connectedAt: string;
};
