import { SAMPLE_PRODUCTS } from "@/lib/products/samples";
import { createDefaultScene } from "@/lib/scene";
import { BUILT_IN_TEMPLATES } from "@/lib/scene/templates";
import { instantiateTemplate } from "@/lib/templates/instantiate";
import type { SessionRenderer } from "./render-turns";
import { sessionUrl } from "./handlers/session-inputs";

/**
 * Before the first job: open the session page and draw two small throwaway frames (a template preview in Draft,
 * the default look in Final, as a product thumbnail is drawn), so the page's load, shader compilation and the
 * prefiltered environments are paid now, not by the first user who uploads a product (on llvmpipe the first draw
 * took 3-10 s, the next ones well under one). Best effort: a failure is logged and the first job warms up instead.
 */
export async function warmUpSession(browser: SessionRenderer, appUrl: string): Promise<number | null> {
  const started = Date.now();
  const sample = SAMPLE_PRODUCTS[0];
  const products = { [sample.id]: { url: `${appUrl}${sample.file}` } };
  const options = { productId: sample.id, productSize: sample.dimensionsM };
  try {
    const url = sessionUrl(appUrl);
    const size = { width: 96, height: 120 };
    const preview = instantiateTemplate(BUILT_IN_TEMPLATES[0], { ...options, brandPalette: null });
    await browser.renderOnSession(url, { document: preview, products, size, quality: "draft" }, 60_000);
    const look = createDefaultScene(options);
    await browser.renderOnSession(url, { document: look, products, size, quality: "final" }, 60_000);
    return Date.now() - started;
  } catch (err) {
    console.warn(`[worker] warm-up skipped: ${(err as Error).message}`);
    return null;
  }
}
