/**
 * Where model-viewer finds its decoders: files this app serves (public/decoders, the same ones the editor's
 * three.js loaders use), never its default CDNs. Read by model-viewer when its element is constructed, so this is
 * set before the import. Meshopt: model-viewer turns its (bundled) decoder on only once a location is set and that
 * script has loaded, so it gets meshoptimizer's own decoder (scripts/copy-decoders.ts). Lottie textures are never
 * used by a product model; its loader points at a path we do not serve, not at a CDN.
 */
export const MODEL_VIEWER_DECODERS = {
  dracoDecoderLocation: "/decoders/draco/",
  ktx2TranscoderLocation: "/decoders/basis/",
  meshoptDecoderLocation: "/decoders/meshopt/meshopt_decoder.js",
  lottieLoaderLocation: "/decoders/lottie-unsupported.js",
} as const;

/** The installed @google/model-viewer's version (a unit test keeps it so): its URL changes with each upgrade. */
export const MODEL_VIEWER_VERSION = "4.4.0";

/**
 * model-viewer's distributed build (with its own three.js, newer than the editor's), served by this app
 * (app/v/model-viewer.js): one URL for the page's early start (model-viewer-boot.tsx) and the import below, so
 * the browser fetches and runs the module once. Versioned, so it may be cached for a year.
 */
export const MODEL_VIEWER_MODULE_URL = `/v/model-viewer.js?v=${MODEL_VIEWER_VERSION}`;

/**
 * The page's inline start of model-viewer, run while the HTML is parsed (before React hydrates, ~1 s later on a
 * busy machine): the decoder locations, then the module. Marks read by npm run bench:viewer.
 */
export const MODEL_VIEWER_BOOT_SCRIPT = `performance.mark("viewer:import-start");
self.ModelViewerElement = Object.assign(self.ModelViewerElement || {}, ${JSON.stringify(MODEL_VIEWER_DECODERS)});
import(${JSON.stringify(MODEL_VIEWER_MODULE_URL)})
  .then(() => customElements.whenDefined("model-viewer"))
  .then(() => performance.mark("viewer:defined"), () => {});`;

let loading: Promise<void> | undefined;

/**
 * Loads `<model-viewer>` once. Where the page started it already (MODEL_VIEWER_BOOT_SCRIPT), the same URL's
 * import resolves with that module (and rejects if it failed); elsewhere this starts it.
 */
export function loadModelViewer(): Promise<void> {
  loading ??= (async () => {
    const once = (name: string) => performance.getEntriesByName(name).length || performance.mark(name);
    once("viewer:import-start");
    const scope = self as unknown as { ModelViewerElement?: Record<string, string> };
    scope.ModelViewerElement = { ...scope.ModelViewerElement, ...MODEL_VIEWER_DECODERS };
    await import(/* webpackIgnore: true */ MODEL_VIEWER_MODULE_URL);
    await customElements.whenDefined("model-viewer");
    once("viewer:defined");
  })();
  return loading;
}
