/** Where the app serves a brand logo's PNG (app/api/brand-kit/logo/[assetId]); client-safe. */
export const brandAssetUrl = (assetId: string) => `/api/brand-kit/logo/${encodeURIComponent(assetId)}`;
