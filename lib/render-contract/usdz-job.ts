/**
 * The contract for the one job the session page does without drawing: a published viewer's USDZ for iOS Quick
 * Look (app/render/session/make-usdz.ts), made with three's USDZExporter from the viewer's web-ready GLB.
 * Both directions carry bytes as base64 through the DevTools protocol (models here are a few MB at most).
 */
export type UsdzJob = {
  glbBase64: string;
  /** The KHR_materials_variants colourway to bake in (a USDZ carries one look), or null for the default. */
  variant: string | null;
  /** Textures are scaled down to fit this square (Quick Look's memory on phones). */
  maxTextureSize: number;
};

export type UsdzResult = { usdzBase64: string };

/** USDZ textures fit this square: Quick Look on older iPhones runs out of memory on larger ones. */
export const USDZ_TEXTURE_MAX_PX = 1024;

declare global {
  interface Window {
    /** Set by the session page; the worker calls it with one viewer's model at a time. */
    __plinthUsdz?: (job: UsdzJob) => Promise<UsdzResult>;
  }
}
