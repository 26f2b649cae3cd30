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
 * busy machine): the decoder locations, then the module once the poster has arrived. Evaluating model-viewer holds
 * the main thread for most of a second on this machine; started at once, it delayed the poster (the first thing a
 * visitor sees, budget 1 s) to 1.7-1.9 s in two of three runs. The model, environment and decoder still download
 * meanwhile (preloaded). Without a poster it starts at DOMContentLoaded, and after 1 s whatever happened.
 * Marks read by npm run bench:viewer.
 */
export const MODEL_VIEWER_BOOT_SCRIPT = `self.ModelViewerElement = Object.assign(self.ModelViewerElement || {}, ${JSON.stringify(MODEL_VIEWER_DECODERS)});
(function () {
  var started = false;
  function start() {
    if (started) return;
    started = true;
    performance.mark("viewer:import-start");
    import(${JSON.stringify(MODEL_VIEWER_MODULE_URL)})
      .then(function () { return customElements.whenDefined("model-viewer"); })
      .then(function () { performance.mark("viewer:defined"); }, function () {});
  }
  function isPoster(e) { return e.target && e.target.getAttribute && e.target.getAttribute("slot") === "poster"; }
  document.addEventListener("load", function (e) { if (isPoster(e)) start(); }, true);
  document.addEventListener("error", function (e) { if (isPoster(e)) start(); }, true);
  document.addEventListener("DOMContentLoaded", function () {
    var poster = document.querySelector('img[slot="poster"]');
    if (!poster || poster.complete) start();
  });
  setTimeout(start, 1000);
})();`;

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
