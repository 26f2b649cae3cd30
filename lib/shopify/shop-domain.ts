/**
 * A store's permanent domain, `<name>.myshopify.com` (not its custom domain): what the Admin API answers on. Pasted
 * values are forgiven a scheme, a path, spaces and capitals; anything else is refused.
 */
const MYSHOPIFY = /^[a-z0-9][a-z0-9-]{0,62}\.myshopify\.com$/;

export function normaliseShopDomain(input: string): string | null {
  let value = input.trim().toLowerCase();
  value = value.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  return MYSHOPIFY.test(value) ? value : null;
}

/** An Admin API product id as Shopify writes it: gid://shopify/Product/<number>. */
export const PRODUCT_GID = /^gid:\/\/shopify\/Product\/\d{1,20}$/;

/**
 * An Admin API access token as Shopify issues them: a `shp..._` prefix (shpat_ for a custom app's Admin API token)
 * and a random part. Checked before anything is sent, so a pasted password or API key never reaches the store.
 */
export const ACCESS_TOKEN = /^shp[a-z]{2}_[A-Za-z0-9]{16,128}$/;

/** The scopes a push needs: product media (write_products) and files (write_files: staged uploads, fileCreate). */
export const REQUIRED_SCOPES = ["write_products", "write_files"] as const;
